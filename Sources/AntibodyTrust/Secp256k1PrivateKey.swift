public import AntibodyCore
internal import CSecp256k1

/// A secp256k1 private key, the kind an EVM contract verifies (via `ecrecover`).
///
/// The 32 secret bytes live in one heap allocation that this object owns and overwrites with zeros
/// when it is deallocated; they are never copied into an array by this type, never printed
/// (``description``, `debugDescription` and reflection show only the address) and never part of
/// an error message. Keep the number of copies you make yourself to a minimum, and wipe them with
/// ``wipe(_:)``.
///
/// Signing is deterministic (RFC 6979 nonces) and always produces low-s signatures.
public final class Secp256k1PrivateKey: @unchecked Sendable {
    // Immutable after init; only deinit writes (zeros) to it, when no other reference exists.
    private let secret: UnsafeMutableRawBufferPointer
    /// The public key (uncompressed, 64 bytes x‖y).
    public let publicKey: Secp256k1PublicKey

    /// A key from 32 big-endian bytes, which must be nonzero and below the curve order.
    ///
    /// - Throws: ``TrustError`` (without the bytes) if they are not a valid key.
    public init(bytes: some Collection<UInt8>) throws(TrustError) {
        guard bytes.count == 32 else {
            throw .invalidKey("a secp256k1 private key has 32 bytes, not \(bytes.count)")
        }
        let storage = UnsafeMutableRawBufferPointer.allocate(byteCount: 32, alignment: 16)
        _ = storage.initializeMemory(as: UInt8.self, from: bytes)
        let context = Secp256k1Context.shared.pointer
        let valid = secp256k1_ec_seckey_verify(context, storage.baseAddress!.assumingMemoryBound(to: UInt8.self))
        var key = secp256k1_pubkey()
        guard valid == 1,
            secp256k1_ec_pubkey_create(context, &key, storage.baseAddress!.assumingMemoryBound(to: UInt8.self)) == 1
        else {
            antibody_secure_zero(storage.baseAddress, 32)
            storage.deallocate()
            throw .invalidKey("the 32 bytes are not a valid secp256k1 private key (zero or not below the curve order)")
        }
        secret = storage
        publicKey = Secp256k1PublicKey(parsed: key)
    }

    /// A fresh random key from the system's cryptographically secure generator.
    public static func generate() -> Secp256k1PrivateKey {
        var generator = SystemRandomNumberGenerator()
        var candidate = [UInt8](repeating: 0, count: 32)
        defer { wipe(&candidate) }
        while true {
            for index in candidate.indices { candidate[index] = UInt8.random(in: 0...255, using: &generator) }
            if let key = try? Secp256k1PrivateKey(bytes: candidate) { return key }
        }
    }

    deinit {
        antibody_secure_zero(secret.baseAddress, secret.count)
        secret.deallocate()
    }

    /// The Ethereum address of this key: the last 20 bytes of Keccak-256 of the public key.
    public var address: EthereumAddress { publicKey.address }

    /// Signs a 32-byte digest: deterministic RFC 6979 nonce, low s, with the recovery id.
    ///
    /// Complexity: one scalar multiplication; no heap allocation.
    public func signature(for digest: Keccak256.Digest) -> RecoverableSignature {
        signature(for: Bytes32(digest))
    }

    /// Signs a 32-byte digest: deterministic RFC 6979 nonce, low s, with the recovery id.
    public func signature(for digest: Bytes32) -> RecoverableSignature {
        let context = Secp256k1Context.shared.pointer
        var signature = secp256k1_ecdsa_recoverable_signature()
        let ok = digest.withUnsafeBytes { message in
            secp256k1_ecdsa_sign_recoverable(
                context, &signature, message.baseAddress!.assumingMemoryBound(to: UInt8.self),
                secret.baseAddress!.assumingMemoryBound(to: UInt8.self), nil, nil)
        }
        // With the default RFC 6979 nonce function and a key verified at init, signing fails only
        // with negligible probability (a nonce that is zero or above the order, retried inside).
        precondition(ok == 1, "libsecp256k1 failed to sign with a verified key")
        return RecoverableSignature(libsecp256k1: signature)
    }

    /// Calls `body` with the 32 secret bytes (for the keystore). Do not let them escape.
    func withSecretBytes<R, E: Error>(_ body: (UnsafeRawBufferPointer) throws(E) -> R) throws(E) -> R {
        try body(UnsafeRawBufferPointer(secret))
    }

    /// Overwrites `bytes` with zeros in a way the optimizer keeps, then empties it.
    public static func wipe(_ bytes: inout [UInt8]) {
        bytes.withUnsafeMutableBytes { antibody_secure_zero($0.baseAddress, $0.count) }
        bytes.removeAll()
    }
}

extension Secp256k1PrivateKey: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// Shows the address only; the secret is never printed.
    public var description: String { "Secp256k1PrivateKey(address: \(address), secret: <redacted>)" }

    /// Shows the address only; the secret is never printed.
    public var debugDescription: String { description }

    /// Reflection (`dump`, debuggers) sees the address only.
    public var customMirror: Mirror { Mirror(self, children: ["address": address.description]) }
}
