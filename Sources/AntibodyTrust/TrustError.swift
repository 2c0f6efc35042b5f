/// An error from the trust layer: a key, signature, keystore, typed-data document, certificate,
/// commitment or audit log that could not be used, with a message that says what was wrong, where,
/// and what to do.
///
/// A public struct wrapping a private enum, as swift-nio and swift-crypto do, so cases can be added
/// without breaking callers. Messages never contain key material.
public struct TrustError: Error, Hashable, Sendable, CustomStringConvertible {
    private enum Kind: Hashable, Sendable {
        case invalidKey
        case invalidSignature
        case invalidInput
        case keystore
        case wrongPassphrase
        case typedData
        case commitment
        case auditLog
        case storage
    }

    private let kind: Kind
    /// A human-readable explanation: what was wrong, where, and what to do.
    public let message: String

    private init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// Key bytes are not a valid key (zero, not below the curve order, or the wrong length).
    public static func invalidKey(_ message: String) -> TrustError { TrustError(.invalidKey, message) }

    /// A signature is malformed, malleable (high s) or does not recover to a public key.
    public static func invalidSignature(_ message: String) -> TrustError { TrustError(.invalidSignature, message) }

    /// An argument was out of range or malformed.
    public static func invalidInput(_ message: String) -> TrustError { TrustError(.invalidInput, message) }

    /// A keystore file is malformed, unsupported or has parameters outside the accepted bounds.
    public static func keystore(_ message: String) -> TrustError { TrustError(.keystore, message) }

    /// The keystore's MAC did not match: the passphrase is wrong (or the file was altered).
    public static func wrongPassphrase(_ message: String) -> TrustError { TrustError(.wrongPassphrase, message) }

    /// An EIP-712 typed-data document is malformed or inconsistent with its types.
    public static func typedData(_ message: String) -> TrustError { TrustError(.typedData, message) }

    /// A commitment does not verify, so the committed document must not be loaded.
    public static func commitment(_ message: String) -> TrustError { TrustError(.commitment, message) }

    /// An audit log could not be appended to or read.
    public static func auditLog(_ message: String) -> TrustError { TrustError(.auditLog, message) }

    /// The underlying database failed.
    public static func storage(_ message: String) -> TrustError { TrustError(.storage, message) }

    /// Whether the error is a wrong-passphrase error (callers map it to a distinct exit message).
    public var isWrongPassphrase: Bool { kind == .wrongPassphrase }

    public var description: String { message }
}
