import AntibodyCore

extension RecoverableSignature: Codable {
    /// Encodes as `0x` and the 65 bytes r‖s‖v in hex.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// Decodes from `0x` and 65 bytes r‖s‖v in hex.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        self = try RecoverableSignature(rsv: Hex.decode(try container.decode(String.self)))
    }
}
