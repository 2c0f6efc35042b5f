public import AntibodyCore

/// Checks ``QuorumCertificate``s for one Guardian (domain) and sentinel set.
///
/// Checks, in order, each failure with its own ``QuorumRejection/Reason``: the domain, the expiry,
/// the nonce against a ``ReplayGuard``, then every signature — low s, recoverable, by a member,
/// not a second signature by the same member — and finally the action's threshold. Every
/// signature must be good: one bad signature rejects the certificate even when the others would
/// suffice, so a certificate that verifies carries no junk.
public struct QuorumVerifier: Hashable, Sendable {
    /// This Guardian's domain.
    public let domain: GuardianDomain
    /// The sentinels allowed to sign.
    public let sentinels: SentinelSet
    private let separator: Bytes32

    /// A verifier.
    public init(domain: GuardianDomain, sentinels: SentinelSet) {
        self.domain = domain
        self.sentinels = sentinels
        self.separator = domain.separator
    }

    /// The verified request and its distinct signers.
    public struct Verified: Hashable, Sendable {
        /// The request the quorum authorised.
        public let request: ActionRequest
        /// The distinct members who signed, in signature order.
        public let signers: [EthereumAddress]
    }

    /// Verifies `certificate` at event time `now`.
    ///
    /// - Complexity: one public-key recovery per signature.
    /// - Throws: ``QuorumRejection`` with the first reason found.
    public func verify(
        _ certificate: QuorumCertificate, at now: Timestamp, replay: ReplayGuard
    ) throws(QuorumRejection)
        -> Verified
    {
        guard certificate.domain == domain else {
            throw QuorumRejection(.wrongDomain(expected: domain, got: certificate.domain))
        }
        let request = certificate.request
        let nowSeconds = UInt64(clamping: now.seconds)
        guard nowSeconds <= request.expiry else {
            throw QuorumRejection(.expired(expiry: request.expiry, now: nowSeconds))
        }
        guard !replay.hasUsed(request.nonce) else {
            throw QuorumRejection(.replayedNonce(request.nonce))
        }
        let digest = TypedData.digest(domainSeparator: separator, structHash: request.structHash)
        var signers: [EthereumAddress] = []
        signers.reserveCapacity(certificate.signatures.count)
        for (index, signature) in certificate.signatures.enumerated() {
            guard signature.isLowS else { throw QuorumRejection(.malleableSignature(index: index)) }
            let signer: EthereumAddress
            do {
                signer = try signature.recoverAddress(digest: digest)
            } catch {
                throw QuorumRejection(.invalidSignature(index: index))
            }
            guard sentinels.contains(signer) else { throw QuorumRejection(.nonMember(index: index, signer: signer)) }
            guard !signers.contains(signer) else {
                throw QuorumRejection(.duplicateSigner(index: index, signer: signer))
            }
            signers.append(signer)
        }
        let need = sentinels.threshold(for: request.action)
        guard signers.count >= need else {
            throw QuorumRejection(.insufficientSignatures(have: signers.count, need: need))
        }
        return Verified(request: request, signers: signers)
    }

    /// Parses and verifies a serialized certificate; a malformed one is rejected like a bad one.
    ///
    /// - Throws: ``TrustError`` if the bytes do not parse, ``QuorumRejection`` if they do but the
    ///   certificate does not verify.
    public func verify(serialized bytes: [UInt8], at now: Timestamp, replay: ReplayGuard) throws -> Verified {
        try verify(QuorumCertificate(serialized: bytes), at: now, replay: replay)
    }
}
