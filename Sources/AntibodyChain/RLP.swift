public import AntibodyMath

/// A Recursive Length Prefix item, Ethereum's serialization for transactions, receipts and tries: a
/// byte string or a list of items (Ethereum Yellow Paper, appendix B).
///
/// ``encoded`` serializes; ``init(decoding:)`` parses strictly, refusing every non-canonical form
/// (a single byte below 0x80 wrapped in a prefix, long forms for short payloads, length fields with
/// leading zeros, trailing bytes) and bounding nesting depth, so untrusted input cannot crash or
/// exhaust the decoder.
public enum RLP: Hashable, Sendable {
    /// A byte string.
    case bytes([UInt8])
    /// A list of items.
    indirect case list([RLP])

    /// The deepest list nesting ``init(decoding:)`` accepts.
    public static let maximumDepth = 64

    /// An unsigned integer as RLP: big-endian bytes without leading zeros (zero is the empty string).
    public static func integer(_ value: UInt64) -> RLP {
        var bytes: [UInt8] = []
        var v = value
        while v > 0 {
            bytes.append(UInt8(truncatingIfNeeded: v))
            v >>= 8
        }
        return .bytes(bytes.reversed())
    }

    /// A 256-bit unsigned integer as RLP: big-endian bytes without leading zeros.
    public static func integer(_ value: UInt256) -> RLP { bigEndianInteger(value.bigEndianBytes) }

    /// An unsigned integer given as big-endian bytes (any width), with leading zeros removed.
    public static func bigEndianInteger(_ bytes: some Collection<UInt8>) -> RLP {
        .bytes(Array(bytes.drop(while: { $0 == 0 })))
    }

    /// A UTF-8 string as a byte string.
    public static func string(_ text: String) -> RLP { .bytes(Array(text.utf8)) }

    /// The byte string, or `nil` for a list.
    public var byteString: [UInt8]? {
        if case .bytes(let b) = self { return b }
        return nil
    }

    /// The items, or `nil` for a byte string.
    public var items: [RLP]? {
        if case .list(let l) = self { return l }
        return nil
    }
}
