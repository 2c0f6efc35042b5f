import Crypto
public import Foundation

/// An Ed25519 private key that a sentinel node uses to sign node-to-node messages (swift-crypto's
/// `Curve25519.Signing`, deterministic as RFC 8032 specifies on this platform's BoringSSL backend).
///
/// secp256k1 (``Secp256k1PrivateKey``) is for what an EVM contract must verify; Ed25519 is for what
/// only other nodes verify. The secret is never printed.
public struct NodeSigningKey: Sendable {
    private let key: Curve25519.Signing.PrivateKey

    /// A fresh random key.
    public init() { key = Curve25519.Signing.PrivateKey() }

    /// A key from its 32-byte seed (RFC 8032's "secret key").
    ///
    /// - Throws: ``TrustError`` if `seed` is not 32 bytes.
    public init(seed: some ContiguousBytes) throws(TrustError) {
        do {
            key = try Curve25519.Signing.PrivateKey(rawRepresentation: seed)
        } catch {
            throw .invalidKey("an Ed25519 seed has 32 bytes")
        }
    }

    /// The matching public key.
    public var publicKey: NodePublicKey { NodePublicKey(key: key.publicKey) }

    /// The 64-byte Ed25519 signature of `message`.
    public func signature(for message: some DataProtocol) -> [UInt8] {
        // Signing with a valid key only fails if BoringSSL fails to allocate.
        do {
            return Array(try key.signature(for: message))
        } catch {
            fatalError("Ed25519 signing failed inside BoringSSL: \(error)")
        }
    }
}

extension NodeSigningKey: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// Shows the public key only.
    public var description: String { "NodeSigningKey(public: \(publicKey), secret: <redacted>)" }
    /// Shows the public key only.
    public var debugDescription: String { description }
    /// Reflection sees the public key only.
    public var customMirror: Mirror { Mirror(self, children: ["publicKey": publicKey.description]) }
}
