public import AntibodyCore

/// Why ``Governance`` refused a command; the state is unchanged.
public enum GovernanceRejection: Hashable, Sendable, CustomStringConvertible {
    /// The address is not one of the governance approvers.
    case notApprover(EthereumAddress)
    /// The approval signature is high-s or recovers no key.
    case invalidApproval
    /// No proposal has this id.
    case unknownProposal(UInt64)
    /// The approver already approved this proposal.
    case alreadyApproved(UInt64, EthereumAddress)
    /// The proposal is not in a state that allows the command (e.g. executing a pending one).
    case wrongStatus(UInt64, GovernanceProposal.Status)
    /// The timelock has not elapsed; executable from `eta`.
    case timelocked(UInt64, eta: Timestamp)
    /// The parameter has no configured bounds, so it is not governed.
    case unknownParameter(String)
    /// The value is not finite or outside floor…ceiling.
    case outOfBounds(String, value: Double, floor: Double, ceiling: Double)
    /// An automatic change larger than the maximum relative step.
    case stepTooLarge(String, from: Double, to: Double, maximumRelativeStep: Double)
    /// An automatic change sooner than the minimum interval after the last one.
    case tooSoon(String, nextAllowed: Timestamp)
    /// Resuming was proposed or executed while not paused.
    case notPaused
    /// Automatic changes are suspended while paused.
    case paused
    /// A quorum certificate for something other than pause or isolate reached the emergency path;
    /// unpausing goes through governance and its timelock only.
    case notAnEmergencyAction(GuardianAction)

    public var description: String {
        switch self {
        case .notApprover(let address): "\(address) is not a governance approver"
        case .invalidApproval: "approval signature is malleable (high s) or recovers no key"
        case .unknownProposal(let id): "no proposal \(id)"
        case .alreadyApproved(let id, let address): "\(address) already approved proposal \(id)"
        case .wrongStatus(let id, let status): "proposal \(id) is \(status); the command does not apply"
        case .timelocked(let id, let eta): "proposal \(id) is timelocked until \(eta.milliseconds) ms"
        case .unknownParameter(let name): "parameter \(name.debugDescription) is not governed (no bounds configured)"
        case .outOfBounds(let name, let value, let floor, let ceiling):
            "\(name) = \(value) is outside its bounds [\(floor), \(ceiling)]"
        case .stepTooLarge(let name, let from, let to, let step):
            "automatic change of \(name) from \(from) to \(to) exceeds the maximum relative step \(step)"
        case .tooSoon(let name, let next):
            "\(name) was changed automatically too recently; next at \(next.milliseconds) ms"
        case .notPaused: "not paused, so there is nothing to resume"
        case .paused: "automatic changes are suspended while paused"
        case .notAnEmergencyAction(let action):
            "\(action) cannot take the emergency path; only pause and isolate can, and resuming needs governance"
        }
    }
}
