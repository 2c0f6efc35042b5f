public import AntibodyCore

/// Parameter governance as a value-type state machine: t-of-n signed approvals, a timelock,
/// cancel and execute; bounded automatic changes; and the emergency path.
///
/// - **Proposals.** Anyone names a ``GovernanceChange``; approvers sign ``GovernanceApproval``s;
///   at `threshold` distinct approvals the proposal is queued for `timelock`; after that anyone
///   may execute it. Any approver may cancel a pending or queued proposal.
/// - **Automatic changes** (the engine tuning a parameter on its own) must stay within the
///   parameter's floor and ceiling, move at most its maximum relative step, and wait its minimum
///   interval since the previous automatic change — like Aave's Risk Stewards. They are
///   suspended while paused.
/// - **Emergency path.** A verified pause (or isolate) quorum certificate takes effect at once,
///   with no timelock. Nothing but an executed ``GovernanceChange/resume`` proposal — approvals
///   plus the timelock — lifts it.
///
/// The machine performs no I/O: ``handle(_:at:)`` returns what the caller must do. A rejected
/// command returns ``Action/rejected(_:)`` and leaves the state unchanged.
public struct Governance: Sendable {
    /// The fixed configuration.
    public struct Configuration: Sendable {
        /// Who may approve and cancel.
        public var approvers: Set<EthereumAddress>
        /// Distinct approvals needed to queue a proposal (t of n).
        public var threshold: Int
        /// Delay between queueing and earliest execution.
        public var timelock: Timestamp.Duration
        /// The governed parameters and their rails.
        public var bounds: [String: ParameterBounds]
        /// The EIP-712 domain approvals are signed in.
        public var domain: GuardianDomain

        /// A configuration.
        ///
        /// - Throws: ``TrustError`` unless 1 ≤ threshold ≤ approvers and the timelock is not
        ///   negative.
        public init(
            approvers: Set<EthereumAddress>, threshold: Int, timelock: Timestamp.Duration,
            bounds: [String: ParameterBounds], domain: GuardianDomain
        ) throws(TrustError) {
            guard threshold >= 1, threshold <= approvers.count else {
                throw .invalidInput(
                    "governance threshold must be 1…\(approvers.count) (the approvers), not \(threshold)")
            }
            guard timelock.milliseconds >= 0 else { throw .invalidInput("governance timelock must not be negative") }
            self.approvers = approvers
            self.threshold = threshold
            self.timelock = timelock
            self.bounds = bounds
            self.domain = domain
        }
    }

    /// An input.
    public enum Command: Sendable {
        /// Propose a change.
        case propose(GovernanceChange, proposer: EthereumAddress)
        /// Add a signed approval (``GovernanceApproval``) to a proposal.
        case approve(proposal: UInt64, signature: RecoverableSignature)
        /// Cancel a pending or queued proposal (by an approver).
        case cancel(proposal: UInt64, by: EthereumAddress)
        /// Execute a queued proposal whose timelock has elapsed.
        case execute(proposal: UInt64)
        /// An automatic, bounded parameter change by the engine.
        case automaticChange(name: String, value: Double)
        /// A quorum certificate that ``QuorumVerifier`` verified: the emergency path.
        case emergency(QuorumVerifier.Verified)
    }

    /// What the caller must do (or record).
    public enum Action: Hashable, Sendable {
        /// A proposal was created with this id.
        case proposed(UInt64)
        /// An approval was counted: `have` of `need`.
        case approved(UInt64, by: EthereumAddress, have: Int, need: Int)
        /// The proposal reached the threshold and is executable from `eta`.
        case queued(UInt64, eta: Timestamp)
        /// The proposal was cancelled.
        case cancelled(UInt64)
        /// Set this parameter to this value now.
        case applyParameter(name: String, value: Double)
        /// Pause the protocol now (emergency path).
        case pause
        /// Isolate this asset now (emergency path): the `abi_encode(asset)` in the request's params,
        /// or the request's target when params are empty.
        case isolate(EthereumAddress)
        /// Resume: lift the pause and every isolation now.
        case resume
        /// The command was refused; nothing changed.
        case rejected(GovernanceRejection)
    }

    /// The configuration.
    public let configuration: Configuration
    /// The current value of each governed parameter.
    public private(set) var parameters: [String: Double]
    /// When each parameter was last changed automatically.
    public private(set) var lastAutomaticChange: [String: Timestamp] = [:]
    /// Every proposal by id.
    public private(set) var proposals: [UInt64: GovernanceProposal] = [:]
    /// Whether the emergency pause is in force.
    public private(set) var isPaused = false
    /// Assets (or targets) isolated through the emergency path.
    public private(set) var isolated: Set<EthereumAddress> = []
    private var nextID: UInt64 = 1

    /// A machine with the initial parameter values.
    ///
    /// - Throws: ``TrustError`` if a value has no bounds or is outside them.
    public init(configuration: Configuration, parameters: [String: Double]) throws(TrustError) {
        for (name, value) in parameters {
            guard let bounds = configuration.bounds[name] else {
                throw .invalidInput("initial parameter \(name.debugDescription) has no bounds configured")
            }
            guard bounds.contains(value) else {
                throw .invalidInput("initial \(name) = \(value) is outside [\(bounds.floor), \(bounds.ceiling)]")
            }
        }
        self.configuration = configuration
        self.parameters = parameters
    }

    /// Handles one command at event time `now`.
    public mutating func handle(_ command: Command, at now: Timestamp) -> [Action] {
        switch command {
        case .propose(let change, let proposer): return [propose(change, proposer: proposer, at: now)]
        case .approve(let id, let signature): return approve(id, signature: signature, at: now)
        case .cancel(let id, let approver): return [cancel(id, by: approver)]
        case .execute(let id): return [execute(id, at: now)]
        case .automaticChange(let name, let value): return [automaticChange(name, value, at: now)]
        case .emergency(let verified): return [emergency(verified)]
        }
    }

    private mutating func propose(_ change: GovernanceChange, proposer: EthereumAddress, at now: Timestamp) -> Action {
        if case .setParameter(let name, let value) = change {
            guard let bounds = configuration.bounds[name] else { return .rejected(.unknownParameter(name)) }
            guard bounds.contains(value) else {
                return .rejected(.outOfBounds(name, value: value, floor: bounds.floor, ceiling: bounds.ceiling))
            }
        }
        let id = nextID
        nextID += 1
        proposals[id] = GovernanceProposal(
            id: id, change: change, proposer: proposer, createdAt: now, approvals: [], status: .pending)
        return .proposed(id)
    }

    private mutating func approve(_ id: UInt64, signature: RecoverableSignature, at now: Timestamp) -> [Action] {
        guard var proposal = proposals[id] else { return [.rejected(.unknownProposal(id))] }
        guard proposal.status == .pending else { return [.rejected(.wrongStatus(id, proposal.status))] }
        let digest = GovernanceApproval.digest(proposal: id, change: proposal.change, in: configuration.domain)
        guard signature.isLowS, let approver = try? signature.recoverAddress(digest: digest) else {
            return [.rejected(.invalidApproval)]
        }
        guard configuration.approvers.contains(approver) else { return [.rejected(.notApprover(approver))] }
        guard proposal.approvals.insert(approver).inserted else { return [.rejected(.alreadyApproved(id, approver))] }
        var actions: [Action] = [
            .approved(id, by: approver, have: proposal.approvals.count, need: configuration.threshold)
        ]
        if proposal.approvals.count >= configuration.threshold {
            let eta = now.advanced(by: configuration.timelock)
            proposal.status = .queued(eta: eta)
            actions.append(.queued(id, eta: eta))
        }
        proposals[id] = proposal
        return actions
    }

    private mutating func cancel(_ id: UInt64, by approver: EthereumAddress) -> Action {
        guard configuration.approvers.contains(approver) else { return .rejected(.notApprover(approver)) }
        guard var proposal = proposals[id] else { return .rejected(.unknownProposal(id)) }
        switch proposal.status {
        case .pending, .queued:
            proposal.status = .cancelled
            proposals[id] = proposal
            return .cancelled(id)
        case .executed, .cancelled:
            return .rejected(.wrongStatus(id, proposal.status))
        }
    }

    private mutating func execute(_ id: UInt64, at now: Timestamp) -> Action {
        guard var proposal = proposals[id] else { return .rejected(.unknownProposal(id)) }
        guard case .queued(let eta) = proposal.status else { return .rejected(.wrongStatus(id, proposal.status)) }
        guard now >= eta else { return .rejected(.timelocked(id, eta: eta)) }
        let action: Action
        switch proposal.change {
        case .setParameter(let name, let value):
            // Bounds were checked at proposal time and are fixed configuration.
            parameters[name] = value
            action = .applyParameter(name: name, value: value)
        case .resume:
            guard isPaused || !isolated.isEmpty else { return .rejected(.notPaused) }
            isPaused = false
            isolated = []
            action = .resume
        }
        proposal.status = .executed
        proposals[id] = proposal
        return action
    }

    private mutating func automaticChange(_ name: String, _ value: Double, at now: Timestamp) -> Action {
        guard !isPaused else { return .rejected(.paused) }
        guard let bounds = configuration.bounds[name] else { return .rejected(.unknownParameter(name)) }
        guard bounds.contains(value) else {
            return .rejected(.outOfBounds(name, value: value, floor: bounds.floor, ceiling: bounds.ceiling))
        }
        if let last = lastAutomaticChange[name] {
            let next = last.advanced(by: bounds.minimumInterval)
            guard now >= next else { return .rejected(.tooSoon(name, nextAllowed: next)) }
        }
        if let current = parameters[name] {
            let step = abs(value - current)
            let allowed = abs(current) * bounds.maximumRelativeStep
            guard step <= allowed else {
                return .rejected(
                    .stepTooLarge(name, from: current, to: value, maximumRelativeStep: bounds.maximumRelativeStep))
            }
        }
        parameters[name] = value
        lastAutomaticChange[name] = now
        return .applyParameter(name: name, value: value)
    }

    private mutating func emergency(_ verified: QuorumVerifier.Verified) -> Action {
        switch verified.request.action {
        case .pause:
            isPaused = true
            return .pause
        case .isolate:
            // The Guardian's isolate carries abi_encode(asset) in params; without it the target
            // itself is isolated.
            let params = verified.request.params
            var isolatedAddress = verified.request.target
            if params.count == 32, params.prefix(12).allSatisfy({ $0 == 0 }),
                let asset = try? EthereumAddress(bytes: Array(params.suffix(20)))
            {
                isolatedAddress = asset
            }
            isolated.insert(isolatedAddress)
            return .isolate(isolatedAddress)
        case .unpause, .setParameter:
            return .rejected(.notAnEmergencyAction(verified.request.action))
        }
    }
}
