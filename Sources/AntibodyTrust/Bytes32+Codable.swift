extension Bytes32: Codable {
    /// Encodes as `0x` and 64 hex digits.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// Decodes from `0x` and 64 hex digits.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        self = try Bytes32(hex: try container.decode(String.self))
    }
}
