/// A validated policy value: the TOML value after its type, range and keys were checked against
/// ``PolicySchema``. Tables keep only known keys.
public indirect enum PolicyNode: Hashable, Sendable {
    case string(String)
    case integer(Int)
    case number(Double)
    case boolean(Bool)
    /// A duration in milliseconds.
    case duration(Int64)
    case array([PolicyNode])
    case table([String: PolicyNode])

    subscript(key: String) -> PolicyNode? {
        if case .table(let t) = self { return t[key] }
        return nil
    }

    var string: String? { if case .string(let s) = self { s } else { nil } }
    var integer: Int? { if case .integer(let i) = self { i } else { nil } }
    var number: Double? {
        switch self {
        case .number(let d): d
        case .integer(let i): Double(i)
        default: nil
        }
    }
    var milliseconds: Int64? { if case .duration(let d) = self { d } else { nil } }
    var array: [PolicyNode] { if case .array(let a) = self { a } else { [] } }
    var strings: [String] { array.compactMap(\.string) }
    var numbers: [Double] { array.compactMap(\.number) }
}
