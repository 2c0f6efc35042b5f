/// A 20-byte Ethereum account address; its description is the EIP-55 mixed-case checksum form.
public struct EthereumAddress: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The 20 address bytes.
    public let bytes: [UInt8]

    /// An address from exactly 20 bytes.
    public init(bytes: [UInt8]) throws(CoreError) {
        guard bytes.count == 20 else {
            throw .invalidValue("an Ethereum address has 20 bytes, not \(bytes.count)")
        }
        self.bytes = bytes
    }

    /// An address from `0x` followed by 40 hex digits.
    ///
    /// All-lower-case and all-upper-case digits are accepted as unchecksummed; mixed case must be
    /// a correct EIP-55 checksum, so a mistyped checksummed address is caught.
    public init(hex: String) throws(CoreError) {
        guard hex.utf8.count == 42, hex.hasPrefix("0x") else {
            throw .invalidValue(
                "Ethereum address \(hex.prefix(64).debugDescription) must be 0x followed by 40 hex digits")
        }
        let bytes = try Hex.decode(hex)
        try self.init(bytes: bytes)
        let digits = hex.dropFirst(2)
        let isMixed = digits.contains(where: \.isLowercase) && digits.contains(where: \.isUppercase)
        if isMixed && description != hex {
            throw .invalidValue("Ethereum address \(hex) has a wrong EIP-55 checksum; expected \(description)")
        }
    }

    /// The EIP-55 checksummed form: a hex letter is upper case when the matching nibble of the
    /// Keccak-256 hash of the lower-case hex address is 8 or more.
    public var description: String {
        let lower = Array(Hex.encode(bytes, prefix: false).utf8)
        let hash = Keccak256.hash(lower)
        var out: [UInt8] = [0x30, 0x78]
        for (i, c) in lower.enumerated() {
            let nibble = i % 2 == 0 ? hash[i / 2] >> 4 : hash[i / 2] & 0x0f
            out.append(c >= 0x61 && nibble >= 8 ? c - 0x20 : c)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Encodes as the checksummed hex string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// Decodes from a hex string (checksum verified when mixed case).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        try self.init(hex: try container.decode(String.self))
    }
}
