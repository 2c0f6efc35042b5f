/// A Solidity ABI type (Solidity ABI specification, "Types"): elementary types, fixed and dynamic
/// arrays, and tuples. Fixed-point types are not supported (no contract of ours uses them).
public indirect enum ABIType: Hashable, Sendable, CustomStringConvertible {
    /// `uint<M>`, 8 ≤ M ≤ 256, M a multiple of 8.
    case uint(Int)
    /// `int<M>`, two's complement, 8 ≤ M ≤ 256, M a multiple of 8.
    case int(Int)
    /// `address` (20 bytes).
    case address
    /// `bool`.
    case bool
    /// `bytes<M>`, 1 ≤ M ≤ 32.
    case fixedBytes(Int)
    /// `bytes`, dynamic.
    case bytes
    /// `string`, dynamic UTF-8.
    case string
    /// `T[]`.
    case array(ABIType)
    /// `T[k]`.
    case fixedArray(ABIType, Int)
    /// `(T1,…,Tn)`.
    case tuple([ABIType])

    /// `uint256`.
    public static let uint256 = ABIType.uint(256)
    /// `bytes32`.
    public static let bytes32 = ABIType.fixedBytes(32)

    /// Whether the type is dynamic (encoded out of place, behind an offset).
    public var isDynamic: Bool {
        switch self {
        case .bytes, .string, .array: true
        case .fixedArray(let element, let count): count > 0 && element.isDynamic
        case .tuple(let elements): elements.contains { $0.isDynamic }
        default: false
        }
    }

    /// The bytes the type takes in the head of an enclosing tuple: 32 for dynamic types (the offset),
    /// the full in-place size for static ones.
    public var headSize: Int {
        if isDynamic { return 32 }
        switch self {
        case .fixedArray(let element, let count): return element.headSize * count
        case .tuple(let elements): return elements.reduce(0) { $0 + $1.headSize }
        default: return 32
        }
    }

    /// The canonical type string used in signatures, e.g. `(uint8,bytes32,bytes32)[]`.
    public var description: String {
        switch self {
        case .uint(let bits): "uint\(bits)"
        case .int(let bits): "int\(bits)"
        case .address: "address"
        case .bool: "bool"
        case .fixedBytes(let n): "bytes\(n)"
        case .bytes: "bytes"
        case .string: "string"
        case .array(let element): "\(element)[]"
        case .fixedArray(let element, let count): "\(element)[\(count)]"
        case .tuple(let elements): "(" + elements.map(\.description).joined(separator: ",") + ")"
        }
    }
}
