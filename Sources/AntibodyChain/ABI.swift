/// Solidity ABI encoding and decoding (Solidity ABI specification, "Formal Specification of the
/// Encoding"): a list of values is encoded as the tuple of their types — static values in place,
/// dynamic values behind offsets into the tail.
///
/// Decoding is strict and bounded: every offset and length is checked against the data before it is
/// used, integers must be in range for their width (`uint8` above 255 is refused, `int<M>` must be
/// sign-extended, `bool` must be 0 or 1, an `address` must have zero upper bytes, the padding of
/// `bytes<M>` must be zero), so malicious return data cannot crash the decoder or allocate without
/// bound.
public enum ABI {
    /// Encodes `values` as the tuple of `types`.
    ///
    /// - Throws: ``ChainError`` if the counts differ or a value does not fit its type.
    public static func encode(_ values: [ABIValue], as types: [ABIType]) throws(ChainError) -> [UInt8] {
        var out: [UInt8] = []
        try Encoder.tuple(values, types, into: &out)
        return out
    }

    /// Decodes the tuple of `types` from `data`.
    ///
    /// - Throws: ``ChainError`` naming the type and offset of the first problem.
    public static func decode(_ types: [ABIType], from data: [UInt8]) throws(ChainError) -> [ABIValue] {
        var decoder = Decoder(data: data)
        return try decoder.tuple(types, at: 0, depth: 0)
    }
}
