public import AntibodyCore
internal import CSecp256k1

/// A recoverable secp256k1 ECDSA signature: r, s and the recovery id, from which the signer's
/// public key (and so address) can be computed, as Ethereum's `ecrecover` does.
///
/// The wire form is the 65 bytes r‖s‖v with v = 27 + recovery id, the form `eth_sign`,
/// `personal_sign`, `eth_signTypedData_v4` and Solidity/Vyper `ecrecover` callers use.
@frozen
public struct RecoverableSignature: Hashable, Sendable, CustomStringConvertible {
    /// The r scalar, big-endian.
    public let r: Bytes32
    /// The s scalar, big-endian.
    public let s: Bytes32
    /// The recovery id, 0 or 1 (the parity of the nonce point's y).
    public let recoveryID: UInt8

    /// A signature from its parts.
    ///
    /// - Throws: ``TrustError`` if `recoveryID` is not 0 or 1.
    public init(r: Bytes32, s: Bytes32, recoveryID: UInt8) throws(TrustError) {
        guard recoveryID <= 1 else {
            throw .invalidSignature("a recovery id is 0 or 1, not \(recoveryID)")
        }
        self.r = r
        self.s = s
        self.recoveryID = recoveryID
    }

    /// A signature from 65 bytes r‖s‖v, with v 27 or 28 (also 0 or 1, as some signers write it).
    ///
    /// - Throws: ``TrustError`` on any other length or v.
    public init(rsv bytes: some Collection<UInt8>) throws(TrustError) {
        guard bytes.count == 65 else {
            throw .invalidSignature("a recoverable signature has 65 bytes r‖s‖v, not \(bytes.count)")
        }
        let array = Array(bytes)
        let v = array[64]
        let id: UInt8
        switch v {
        case 27, 28: id = v - 27
        case 0, 1: id = v
        default: throw .invalidSignature("signature byte v is \(v); expected 27 or 28 (or 0 or 1)")
        }
        try self.init(r: Bytes32(bytes: array[0..<32])!, s: Bytes32(bytes: array[32..<64])!, recoveryID: id)
    }

    init(libsecp256k1 signature: secp256k1_ecdsa_recoverable_signature) {
        var signature = signature
        var compact = (Bytes32.zero, Bytes32.zero)
        var id: Int32 = 0
        withUnsafeMutableBytes(of: &compact) { raw in
            _ = secp256k1_ecdsa_recoverable_signature_serialize_compact(
                Secp256k1Context.shared.pointer, raw.baseAddress!.assumingMemoryBound(to: UInt8.self), &id, &signature)
        }
        r = compact.0
        s = compact.1
        recoveryID = UInt8(id)
    }

    /// The 65 bytes r‖s‖v with v = 27 + ``recoveryID``.
    public var rsv: [UInt8] {
        var out = compactBytes
        out.append(27 + recoveryID)
        return out
    }

    /// The 64 bytes r‖s.
    public var compactBytes: [UInt8] { r.bytes + s.bytes }

    /// `v` for a legacy transaction signed under EIP-155 replay protection: `recoveryID + 35 + 2 ×
    /// chainID`.
    public func eip155V(chainID: UInt64) -> UInt64 { UInt64(recoveryID) + 35 + 2 * chainID }

    /// Whether s is in the lower half of the curve order (s ≤ n/2), the only form Ethereum (since
    /// Homestead, EIP-2) and our verifiers accept; the other form is a malleated copy.
    public var isLowS: Bool {
        let context = Secp256k1Context.shared.pointer
        var plain = secp256k1_ecdsa_signature()
        var compact = (r, s)
        let parsed = withUnsafeBytes(of: &compact) { raw in
            secp256k1_ecdsa_signature_parse_compact(
                context, &plain, raw.baseAddress!.assumingMemoryBound(to: UInt8.self))
        }
        guard parsed == 1 else { return false }
        // Returns 1 when the input was NOT normalized (high s).
        return secp256k1_ecdsa_signature_normalize(context, nil, &plain) == 0
    }

    /// The public key that produced this signature over `digest`.
    ///
    /// Recovery alone accepts high-s signatures; callers that must reject malleated signatures
    /// check ``isLowS`` (``QuorumVerifier`` does, with its own reason).
    ///
    /// - Throws: ``TrustError`` if r or s is zero or not below the curve order, or no point
    ///   recovers.
    public func recoverPublicKey(digest: Bytes32) throws(TrustError) -> Secp256k1PublicKey {
        try Secp256k1PublicKey(parsed: recoverRaw(digest: digest))
    }

    /// The Ethereum address that produced this signature over `digest`.
    ///
    /// - Throws: as ``recoverPublicKey(digest:)``.
    public func recoverAddress(digest: Bytes32) throws(TrustError) -> EthereumAddress {
        var key = try recoverRaw(digest: digest)
        var output = (UInt8(0), Bytes32.zero, Bytes32.zero)
        let hash = withUnsafeMutableBytes(of: &output) { raw -> Keccak256.Digest in
            var length = 65
            _ = secp256k1_ec_pubkey_serialize(
                Secp256k1Context.shared.pointer, raw.baseAddress!.assumingMemoryBound(to: UInt8.self), &length, &key,
                UInt32(SECP256K1_EC_UNCOMPRESSED))
            return Keccak256.digest(UnsafeRawBufferPointer(rebasing: raw[1..<65]))
        }
        return hash.withUnsafeBytes { try! EthereumAddress(bytes: Array($0[12..<32])) }
    }

    /// The public key that produced this signature over a Keccak-256 digest.
    public func recoverAddress(digest: Keccak256.Digest) throws(TrustError) -> EthereumAddress {
        try recoverAddress(digest: Bytes32(digest))
    }

    private func recoverRaw(digest: Bytes32) throws(TrustError) -> secp256k1_pubkey {
        let context = Secp256k1Context.shared.pointer
        var recoverable = secp256k1_ecdsa_recoverable_signature()
        var compact = (r, s)
        let parsed = withUnsafeBytes(of: &compact) { raw in
            secp256k1_ecdsa_recoverable_signature_parse_compact(
                context, &recoverable, raw.baseAddress!.assumingMemoryBound(to: UInt8.self), Int32(recoveryID))
        }
        guard parsed == 1 else {
            throw .invalidSignature("signature r or s is not below the secp256k1 curve order")
        }
        var key = secp256k1_pubkey()
        let recovered = digest.withUnsafeBytes { message in
            secp256k1_ecdsa_recover(
                context, &key, &recoverable, message.baseAddress!.assumingMemoryBound(to: UInt8.self))
        }
        guard recovered == 1 else {
            throw .invalidSignature("no public key recovers from this signature (r or s is zero, or r is not an x)")
        }
        return key
    }

    /// `0x` and the 65 bytes r‖s‖v in hex.
    public var description: String { Hex.encode(rsv) }
}
