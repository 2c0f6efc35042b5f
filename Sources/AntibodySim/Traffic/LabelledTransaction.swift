public import AntibodyCore

/// One simulated transaction: its features, who produced it and whether it is an attack.
public struct LabelledTransaction: Hashable, Sendable {
    /// The features a risk model sees.
    public var features: TransactionFeatures
    /// The agent or attacker that produced it.
    public var archetype: TrafficArchetype
    /// Whether the transaction is part of an attack (the label).
    public var isAttack: Bool { archetype.isAttack }

    /// A labelled transaction.
    public init(features: TransactionFeatures, archetype: TrafficArchetype) {
        self.features = features
        self.archetype = archetype
    }
}
