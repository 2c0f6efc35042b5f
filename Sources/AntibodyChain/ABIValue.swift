public import AntibodyCore
public import AntibodyMath

/// A value for an ``ABIType``.
public indirect enum ABIValue: Hashable, Sendable {
    /// A `uint<M>` value.
    case uint(UInt256)
    /// An `int<M>` value as its 256-bit two's complement word (see ``signed(_:)``).
    case int(UInt256)
    /// An `address`.
    case address(EthereumAddress)
    /// A `bool`.
    case bool(Bool)
    /// A `bytes<M>` value: exactly M bytes.
    case fixedBytes([UInt8])
    /// A `bytes` value.
    case bytes([UInt8])
    /// A `string` value.
    case string(String)
    /// The elements of a `T[]` or `T[k]`.
    case array([ABIValue])
    /// The elements of a tuple.
    case tuple([ABIValue])

    /// An `int` from a machine integer (sign-extended to 256 bits).
    public static func signed(_ value: Int64) -> ABIValue {
        value >= 0 ? .int(UInt256(UInt64(value))) : .int(~UInt256(UInt64(~value)))
    }

    /// The `uint` value, if this is one.
    public var uintValue: UInt256? {
        if case .uint(let v) = self { return v }
        return nil
    }

    /// The `int` value as `Int64`, if this is an `int` that fits.
    public var int64Value: Int64? {
        guard case .int(let word) = self else { return nil }
        if word.w3 >> 63 == 0 {
            return word <= UInt256(UInt64(Int64.max)) ? Int64(word.w0) : nil
        }
        let magnitude = ~word  // -(x) - 1
        return magnitude <= UInt256(UInt64(Int64.max)) ? -Int64(magnitude.w0) - 1 : nil
    }

    /// The address, if this is one.
    public var addressValue: EthereumAddress? {
        if case .address(let a) = self { return a }
        return nil
    }

    /// The bool, if this is one.
    public var boolValue: Bool? {
        if case .bool(let b) = self { return b }
        return nil
    }

    /// The bytes of a `bytes` or `bytes<M>` value.
    public var bytesValue: [UInt8]? {
        switch self {
        case .bytes(let b), .fixedBytes(let b): b
        default: nil
        }
    }

    /// The string, if this is one.
    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// The elements of an array or tuple.
    public var elements: [ABIValue]? {
        switch self {
        case .array(let e), .tuple(let e): e
        default: nil
        }
    }
}
