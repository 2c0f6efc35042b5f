public import AntibodyCore
internal import CSecp256k1

/// A secp256k1 public key: the 64 bytes x‖y of the uncompressed point (no 0x04 prefix).
public struct Secp256k1PublicKey: Hashable, Sendable, CustomStringConvertible {
    /// The 64 bytes x‖y, each coordinate big-endian.
    public let rawRepresentation: [UInt8]

    init(parsed key: secp256k1_pubkey) {
        var key = key
        var output = [UInt8](repeating: 0, count: 65)
        var length = 65
        _ = secp256k1_ec_pubkey_serialize(
            Secp256k1Context.shared.pointer, &output, &length, &key, UInt32(SECP256K1_EC_UNCOMPRESSED))
        rawRepresentation = Array(output[1...])
    }

    /// A public key from 64 bytes x‖y, 65 bytes 0x04‖x‖y or 33 compressed bytes.
    ///
    /// - Throws: ``TrustError`` if the bytes are not a point on the curve.
    public init(bytes: [UInt8]) throws(TrustError) {
        let input = bytes.count == 64 ? [0x04] + bytes : bytes
        guard input.count == 65 || input.count == 33 else {
            throw .invalidKey("a secp256k1 public key has 64, 65 or 33 bytes, not \(bytes.count)")
        }
        var key = secp256k1_pubkey()
        guard secp256k1_ec_pubkey_parse(Secp256k1Context.shared.pointer, &key, input, input.count) == 1 else {
            throw .invalidKey("the bytes are not a point on secp256k1")
        }
        self.init(parsed: key)
    }

    /// The Ethereum address: the last 20 bytes of Keccak-256 of x‖y.
    public var address: EthereumAddress {
        let hash = Keccak256.hash(rawRepresentation)
        // 20 bytes by construction.
        return try! EthereumAddress(bytes: Array(hash[12...]))
    }

    /// Whether `signature` is a valid low-s ECDSA signature of `digest` by this key.
    ///
    /// High-s (malleable) signatures are rejected, as libsecp256k1's verification does.
    public func isValidSignature(_ signature: RecoverableSignature, for digest: Bytes32) -> Bool {
        let context = Secp256k1Context.shared.pointer
        var plain = secp256k1_ecdsa_signature()
        let compact = signature.compactBytes
        guard secp256k1_ecdsa_signature_parse_compact(context, &plain, compact) == 1 else { return false }
        var key = secp256k1_pubkey()
        let input = [0x04] + rawRepresentation
        guard secp256k1_ec_pubkey_parse(context, &key, input, 65) == 1 else { return false }
        return digest.withUnsafeBytes { message in
            secp256k1_ecdsa_verify(context, &plain, message.baseAddress!.assumingMemoryBound(to: UInt8.self), &key)
        } == 1
    }

    /// `0x` and the 64 bytes in hex.
    public var description: String { Hex.encode(rawRepresentation) }
}
