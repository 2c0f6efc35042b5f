public import AntibodyCore

/// One transaction recorded from a full simulated run by ``TrafficRecorder``: its features as the
/// simulated state gave them, who sent it, and what it did.
public struct ReplayedTransaction: Hashable, Sendable {
    /// The features a risk model sees.
    public var features: TransactionFeatures
    /// The agent or attacker that sent it.
    public var kind: AgentKind
    /// The protocol interaction.
    public var operation: TransactionOperation
    /// The world it ran in (0-based, in recording order: each market path and each attack run is one world).
    public var world: Int
    /// The world's block number.
    public var block: Int64
    /// Whether it was sent by an attacker (the label).
    public var isAttack: Bool { kind.isAttack }

    /// A recorded transaction.
    public init(
        features: TransactionFeatures, kind: AgentKind, operation: TransactionOperation, world: Int, block: Int64
    ) {
        self.features = features
        self.kind = kind
        self.operation = operation
        self.world = world
        self.block = block
    }
}
