public import AntibodyCore

/// One governance proposal and where it stands.
public struct GovernanceProposal: Hashable, Sendable, Codable {
    /// Where a proposal stands.
    public enum Status: Hashable, Sendable, Codable {
        /// Collecting approvals.
        case pending
        /// Approved by the threshold; executable from `eta` on.
        case queued(eta: Timestamp)
        /// Executed.
        case executed
        /// Cancelled; can no longer be approved or executed.
        case cancelled
    }

    /// The proposal id (sequential from 1).
    public let id: UInt64
    /// What it changes.
    public let change: GovernanceChange
    /// Who proposed it.
    public let proposer: EthereumAddress
    /// When it was proposed.
    public let createdAt: Timestamp
    /// The approvers whose signed approvals were accepted.
    public internal(set) var approvals: Set<EthereumAddress>
    /// Where it stands.
    public internal(set) var status: Status
}
