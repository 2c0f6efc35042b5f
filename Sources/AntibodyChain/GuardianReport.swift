public import AntibodyCore
import AntibodyTrust

/// What became of one ``GuardianOrder``: the final ``ActionOutcome`` and the evidence.
public struct GuardianReport: Hashable, Sendable {
    /// The order.
    public var order: GuardianOrder
    /// `applied` (pause or isolation mined), `queued` (an unpause or parameter change queued on the
    /// Guardian, executable by governance after the timelock) or `rejected(reason)`: the quorum not
    /// reached, the Guardian's revert reason (from the pre-flight call or the mined transaction), or a
    /// chain error after the bounded retries.
    public var outcome: ActionOutcome
    /// The sentinels whose signatures the certificate carried (empty when none was built).
    public var signers: [EthereumAddress]
    /// The transaction, when one was sent.
    public var transactionHash: [UInt8]?
    /// The block it was mined in.
    public var blockNumber: UInt64?

    /// A report.
    public init(
        order: GuardianOrder, outcome: ActionOutcome, signers: [EthereumAddress] = [], transactionHash: [UInt8]? = nil,
        blockNumber: UInt64? = nil
    ) {
        self.order = order
        self.outcome = outcome
        self.signers = signers
        self.transactionHash = transactionHash
        self.blockNumber = blockNumber
    }
}
