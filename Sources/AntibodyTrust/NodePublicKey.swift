import AntibodyCore
import Crypto
public import Foundation

/// An Ed25519 public key identifying a sentinel node to its peers.
public struct NodePublicKey: Hashable, Sendable, CustomStringConvertible {
    let key: Curve25519.Signing.PublicKey

    init(key: Curve25519.Signing.PublicKey) { self.key = key }

    /// A key from its 32 bytes.
    ///
    /// - Throws: ``TrustError`` if the bytes are not a valid Ed25519 public key.
    public init(rawRepresentation: some ContiguousBytes) throws(TrustError) {
        do {
            key = try Curve25519.Signing.PublicKey(rawRepresentation: rawRepresentation)
        } catch {
            throw .invalidKey("an Ed25519 public key has 32 bytes encoding a curve point")
        }
    }

    /// The 32 bytes.
    public var rawRepresentation: [UInt8] { Array(key.rawRepresentation) }

    /// Whether `signature` is this key's Ed25519 signature of `message`.
    public func isValidSignature(_ signature: some DataProtocol, for message: some DataProtocol) -> Bool {
        key.isValidSignature(signature, for: message)
    }

    public static func == (lhs: NodePublicKey, rhs: NodePublicKey) -> Bool {
        lhs.key.rawRepresentation == rhs.key.rawRepresentation
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(key.rawRepresentation) }

    /// `0x` and the 32 bytes in hex.
    public var description: String { Hex.encode(rawRepresentation) }
}
