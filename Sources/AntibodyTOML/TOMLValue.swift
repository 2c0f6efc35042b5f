/// A parsed TOML value with the position it was written at.
public struct TOMLValue: Hashable, Sendable {
    /// The value itself.
    public indirect enum Kind: Hashable, Sendable {
        case string(String)
        case integer(Int64)
        case float(Double)
        case boolean(Bool)
        case dateTime(TOMLDateTime)
        case array([TOMLValue])
        case table(TOMLTable)
    }

    /// The value.
    public var kind: Kind
    /// Where the value starts: its first character (a string's opening quote); for a table defined
    /// by a header, the header's `[`; for a table created implicitly, the key that created it.
    public var position: TOMLPosition
    /// For a string, where its content starts (after the opening quotes, and after the newline a
    /// multi-line string trims); otherwise ``position``.
    public var contentPosition: TOMLPosition

    /// A value at `position`.
    public init(_ kind: Kind, at position: TOMLPosition, contentAt contentPosition: TOMLPosition? = nil) {
        self.kind = kind
        self.position = position
        self.contentPosition = contentPosition ?? position
    }

    /// The value's type.
    public var type: TOMLType {
        switch kind {
        case .string: .string
        case .integer: .int
        case .float: .double
        case .boolean: .bool
        case .dateTime(let d): d.type
        case .array: .array
        case .table: .table
        }
    }

    /// The string, when the value is one.
    public var string: String? { if case .string(let s) = kind { s } else { nil } }
    /// The integer, when the value is one that fits `Int`.
    public var int: Int? { if case .integer(let i) = kind { Int(exactly: i) } else { nil } }
    /// The float, when the value is one (integers are not converted).
    public var double: Double? { if case .float(let d) = kind { d } else { nil } }
    /// The boolean, when the value is one.
    public var bool: Bool? { if case .boolean(let b) = kind { b } else { nil } }
    /// The date, time or date-time, when the value is one.
    public var dateTime: TOMLDateTime? { if case .dateTime(let d) = kind { d } else { nil } }
    /// The elements, when the value is an array (also an array of tables).
    public var array: [TOMLValue]? { if case .array(let a) = kind { a } else { nil } }
    /// The table, when the value is one.
    public var table: TOMLTable? { if case .table(let t) = kind { t } else { nil } }
}
