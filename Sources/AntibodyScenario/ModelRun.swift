public import AntibodyCore

/// What one simulated run of a scenario's model produced, before the runner adds the engine's side.
public struct ModelRun: Sendable {
    /// Loss to users, liquidity providers and the treasury, USD at the true price.
    public var lossUSD: Double
    /// Liquidations the defence refused.
    public var liquidationsBlocked: Int
    /// Value locked over time, USD (empty when the model does not track it).
    public var tvl: [(Timestamp, Double)]
    /// Time of the first malicious transaction, when the model knows it; otherwise the runner takes
    /// it from the scenario's `attack_start_observation`.
    public var attackStart: Timestamp?

    /// A run's results.
    public init(
        lossUSD: Double, liquidationsBlocked: Int = 0, tvl: [(Timestamp, Double)] = [],
        attackStart: Timestamp? = nil
    ) {
        self.lossUSD = lossUSD
        self.liquidationsBlocked = liquidationsBlocked
        self.tvl = tvl
        self.attackStart = attackStart
    }
}
