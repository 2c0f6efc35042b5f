import AntibodyCore

/// The signed head of an audit log: how many entries it has and the last one's hash, signed by the
/// node over Keccak-256("ABAL-HEAD" ‖ count u64 ‖ hash). Stored as `count:hash:signature` text.
struct AuditHead: Hashable {
    let count: UInt64
    let hash: Bytes32

    var digest: Bytes32 {
        var hasher = Keccak256()
        hasher.update("ABAL-HEAD".utf8)
        hasher.update(QuorumCertificate.bigEndian(count))
        hash.withUnsafeBytes { hasher.update($0) }
        return Bytes32(hasher.finalize())
    }

    func encoded(signedBy key: Secp256k1PrivateKey) -> String {
        "\(count):\(hash):\(key.signature(for: digest))"
    }

    init(count: UInt64, hash: Bytes32) {
        self.count = count
        self.hash = hash
    }

    /// Parses and checks the head; `nil` if malformed or not signed by `signer` (an unsigned or
    /// forged head is ignored, so it can neither hide nor fake truncation).
    init?(decoding text: String, signer: EthereumAddress) {
        let parts = text.split(separator: ":")
        guard parts.count == 3, let count = UInt64(parts[0]), let hash = try? Bytes32(hex: String(parts[1])),
            let bytes = try? Hex.decode(String(parts[2])), let signature = try? RecoverableSignature(rsv: bytes)
        else { return nil }
        self.init(count: count, hash: hash)
        guard signature.isLowS, (try? signature.recoverAddress(digest: digest)) == signer else { return nil }
    }
}
