public import AntibodyCore

/// An ``Alert`` with its raising node's signature.
public struct SignedAlert: Hashable, Sendable {
    /// The alert.
    public var alert: Alert
    /// The node's signature over ``Alert/digest(in:)``.
    public var signature: RecoverableSignature

    /// A signed alert.
    public init(alert: Alert, signature: RecoverableSignature) {
        self.alert = alert
        self.signature = signature
    }

    /// The address that signed the alert in `domain`.
    ///
    /// - Throws: ``TrustError`` if the signature is high-s or recovers no key.
    public func signer(in domain: GuardianDomain) throws(TrustError) -> EthereumAddress {
        guard signature.isLowS else {
            throw .invalidSignature("alert signature has a high s value (a malleated copy)")
        }
        return try signature.recoverAddress(digest: alert.digest(in: domain))
    }

    /// Whether `expected` signed the alert in `domain`.
    public func isSigned(by expected: EthereumAddress, in domain: GuardianDomain) -> Bool {
        (try? signer(in: domain)) == expected
    }
}
