public import AntibodyCore

/// Who must sign a ``Commitment`` for the engine to load what it commits: t of the governance
/// approvers, in the governance domain.
public struct CommitmentRule: Hashable, Sendable {
    /// The governance approvers.
    public let approvers: Set<EthereumAddress>
    /// Distinct approver signatures required.
    public let threshold: Int
    /// The domain commitments are signed in.
    public let domain: GuardianDomain

    /// A rule.
    ///
    /// - Throws: ``TrustError`` unless 1 ≤ threshold ≤ approvers.
    public init(approvers: Set<EthereumAddress>, threshold: Int, domain: GuardianDomain) throws(TrustError) {
        guard threshold >= 1, threshold <= approvers.count else {
            throw .invalidInput("commitment threshold must be 1…\(approvers.count) (the approvers), not \(threshold)")
        }
        self.approvers = approvers
        self.threshold = threshold
        self.domain = domain
    }

    /// Checks `commitment` against `document`.
    ///
    /// - Returns: the distinct approvers who signed.
    /// - Throws: ``TrustError`` saying why: the document changed since it was committed (both
    ///   digests shown), a signature is malleable or invalid, a signer is not an approver, a
    ///   signer signed twice, or too few approvers signed.
    public func verify(_ commitment: Commitment, document: JSONValue) throws(TrustError) -> [EthereumAddress] {
        let actual = try CanonicalDigest.digest(of: document)
        guard actual == commitment.digest else {
            throw .commitment(
                "\(commitment.subject) does not match its commitment: it hashes to \(actual) but version "
                    + "\(commitment.version) committed \(commitment.digest); it changed since governance signed it — "
                    + "restore the committed version or have governance commit this one")
        }
        let digest = commitment.signingDigest(in: domain)
        var signers: [EthereumAddress] = []
        for (index, signature) in commitment.signatures.enumerated() {
            guard signature.isLowS else {
                throw .commitment("\(commitment.subject): commitment signature \(index) is malleable (high s)")
            }
            let signer: EthereumAddress
            do {
                signer = try signature.recoverAddress(digest: digest)
            } catch {
                throw .commitment("\(commitment.subject): commitment signature \(index) recovers no key")
            }
            guard approvers.contains(signer) else {
                throw .commitment(
                    "\(commitment.subject): commitment signature \(index) is by \(signer), not a governance approver")
            }
            guard !signers.contains(signer) else {
                throw .commitment(
                    "\(commitment.subject): \(signer) signed the commitment twice; each approver counts once")
            }
            signers.append(signer)
        }
        guard signers.count >= threshold else {
            throw .commitment(
                "\(commitment.subject): commitment has \(signers.count) approver signatures; \(threshold) are required")
        }
        return signers
    }

    /// Verifies, then decodes: the only way the engine obtains a committed policy or model.
    ///
    /// - Throws: ``TrustError`` from ``verify(_:document:)`` (nothing is decoded), or what
    ///   `decode` throws.
    public func load<Value>(
        _ commitment: Commitment, document: JSONValue, decode: (JSONValue) throws -> Value
    ) throws -> Value {
        _ = try verify(commitment, document: document)
        return try decode(document)
    }
}
