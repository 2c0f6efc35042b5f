import AntibodyCore

/// Collects sentinel signatures for one ``ActionRequest`` until the quorum is reached: a value-type
/// state machine that a node feeds with the signatures its peers send, and that tells it what to
/// do next. It never performs I/O.
public struct QuorumCollector: Hashable, Sendable {
    /// What the caller should do after ``add(_:)``.
    public enum Action: Hashable, Sendable {
        /// Keep waiting; `have` of `need` distinct member signatures so far.
        case wait(have: Int, need: Int)
        /// The quorum is reached: submit this certificate (returned once).
        case submit(QuorumCertificate)
        /// The signature was not accepted, for this reason; the state is unchanged.
        case ignore(QuorumRejection.Reason)
        /// The certificate was already submitted; nothing to do.
        case alreadyComplete
    }

    /// The request being signed.
    public let request: ActionRequest
    private let domain: GuardianDomain
    private let sentinels: SentinelSet
    private let digest: Bytes32
    private var signatures: [RecoverableSignature] = []
    private var signers: Set<EthereumAddress> = []
    private var complete = false

    /// A collector for `request` in `domain` over `sentinels`.
    public init(request: ActionRequest, domain: GuardianDomain, sentinels: SentinelSet) {
        self.request = request
        self.domain = domain
        self.sentinels = sentinels
        self.digest = request.digest(in: domain)
    }

    /// Adds one peer's signature.
    public mutating func add(_ signature: RecoverableSignature) -> Action {
        if complete { return .alreadyComplete }
        let index = signatures.count
        guard signature.isLowS else { return .ignore(.malleableSignature(index: index)) }
        guard let signer = try? signature.recoverAddress(digest: digest) else {
            return .ignore(.invalidSignature(index: index))
        }
        guard sentinels.contains(signer) else { return .ignore(.nonMember(index: index, signer: signer)) }
        guard signers.insert(signer).inserted else { return .ignore(.duplicateSigner(index: index, signer: signer)) }
        signatures.append(signature)
        let need = sentinels.threshold(for: request.action)
        guard signatures.count >= need else { return .wait(have: signatures.count, need: need) }
        complete = true
        return .submit(QuorumCertificate(domain: domain, request: request, signatures: signatures))
    }
}
