public import AntibodyCore

/// EIP-191 version 0x45 ("E"), the `personal_sign` / `eth_sign` message format: Keccak-256 of
/// `"\u{19}Ethereum Signed Message:\n" ‖ decimal length ‖ message`.
public enum PersonalMessage {
    /// The digest a wallet signs for `personal_sign(message)`.
    public static func digest(_ message: some Collection<UInt8>) -> Bytes32 {
        var hasher = Keccak256()
        hasher.update("\u{19}Ethereum Signed Message:\n\(message.count)".utf8)
        hasher.update(message)
        return Bytes32(hasher.finalize())
    }

    /// The digest for the UTF-8 bytes of `message`.
    public static func digest(_ message: String) -> Bytes32 { digest(Array(message.utf8)) }

    /// `personal_sign`: the 65-byte signature of `message` by `key`.
    public static func sign(_ message: some Collection<UInt8>, with key: Secp256k1PrivateKey) -> RecoverableSignature {
        key.signature(for: digest(message))
    }

    /// The address that signed `message` with `personal_sign`, as `ecrecover` would find it.
    ///
    /// - Throws: ``TrustError`` if no key recovers or the signature is high-s.
    public static func recoverSigner(
        of message: some Collection<UInt8>, signature: RecoverableSignature
    )
        throws(TrustError) -> EthereumAddress
    {
        guard signature.isLowS else {
            throw .invalidSignature(
                "signature has a high s value (a malleated copy); only low-s signatures are accepted")
        }
        return try signature.recoverAddress(digest: digest(message))
    }
}
