extension UInt256: Codable {
    /// Decodes a string: decimal (`"1000"`, the encoded form) or `0x`-prefixed hex (`"0x3e8"`, as in
    /// Ethereum JSON-RPC). A JSON number is rejected because most decoders cannot carry 256 bits exactly.
    ///
    /// - Throws: `DecodingError.dataCorrupted` with the parse error's message for malformed text.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            if text.hasPrefix("0x") || text.hasPrefix("0X") {
                self = try UInt256(parsingHex: text)
            } else {
                self = try UInt256(parsingDecimal: text)
            }
        } catch {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "UInt256: \(error.message)")
        }
    }

    /// Encodes the decimal string (`description`).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
