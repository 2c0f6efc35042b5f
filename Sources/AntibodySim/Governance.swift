public import AntibodyMath

/// Token-weighted on-chain governance with Beanstalk's `emergencyCommit`: a proposal at least
/// `emergencyDelay` seconds old executes at once if the votes for it reach two thirds of the
/// voting power *at that moment* — power that anyone can buy, or borrow, in the same transaction.
public struct Governance: Hashable, Sendable {
    /// A proposal: move `amount` from the treasury to `recipient`.
    public struct Proposal: Hashable, Sendable {
        /// The proposer.
        public var proposer: Int
        /// When it was proposed (seconds).
        public var createdAt: Int64
        /// Treasury transfer the proposal executes.
        public var recipient: Int, amount: UInt256
        /// Voters for it.
        public var voters: Set<Int> = []
        /// Whether it executed.
        public var executed = false
    }

    /// Deposited voting power per account.
    public private(set) var power: [Int: UInt256] = [:]
    /// Total voting power.
    public private(set) var totalPower: UInt256 = .zero
    /// The treasury's balance (raw units of its asset).
    public private(set) var treasury: UInt256
    /// Proposals by id.
    public private(set) var proposals: [Proposal] = []
    /// Seconds before an emergency commit is possible (Beanstalk: 1 day).
    public let emergencyDelay: Int64

    /// Governance with `treasury` and an emergency delay.
    public init(treasury: UInt256, emergencyDelay: Int64 = 86_400) {
        self.treasury = treasury
        self.emergencyDelay = emergencyDelay
    }

    /// Deposits `amount` of the governance token for `account` (voting power, effective at once).
    public mutating func deposit(_ account: Int, amount: UInt256) throws(SimError) {
        power[account] = try EVM.add(power[account] ?? .zero, amount)
        totalPower = try EVM.add(totalPower, amount)
    }

    /// Withdraws `amount` of `account`'s deposit.
    public mutating func withdraw(_ account: Int, amount: UInt256) throws(SimError) {
        guard (power[account] ?? .zero) >= amount else { throw .revert("Silo: insufficient balance") }
        power[account]! -= amount
        totalPower -= amount
    }

    /// Creates a proposal and returns its id.
    public mutating func propose(_ proposer: Int, recipient: Int, amount: UInt256, at now: Int64) -> Int {
        proposals.append(Proposal(proposer: proposer, createdAt: now, recipient: recipient, amount: amount))
        return proposals.count - 1
    }

    /// Votes for proposal `id`.
    public mutating func vote(_ id: Int, voter: Int) throws(SimError) {
        guard proposals.indices.contains(id), !proposals[id].executed else { throw .revert("Governance: not active") }
        proposals[id].voters.insert(voter)
    }

    /// The current voting power for proposal `id`.
    public func votes(for id: Int) -> UInt256 {
        proposals[id].voters.reduce(UInt256.zero) { $0 + (power[$1] ?? .zero) }
    }

    /// Beanstalk's `emergencyCommit`: executes proposal `id` if it is old enough and has a
    /// two-thirds supermajority of the current voting power; returns the amount transferred.
    public mutating func emergencyCommit(_ id: Int, at now: Int64) throws(SimError) -> UInt256 {
        guard proposals.indices.contains(id), !proposals[id].executed else { throw .revert("Governance: not active") }
        guard now - proposals[id].createdAt >= emergencyDelay else { throw .revert("Governance: too early") }
        guard try EVM.mul(votes(for: id), 3) >= (try EVM.mul(totalPower, 2)) else {
            throw .revert("Governance: must have supermajority")
        }
        let amount = Swift.min(proposals[id].amount, treasury)
        treasury -= amount
        proposals[id].executed = true
        return amount
    }
}
