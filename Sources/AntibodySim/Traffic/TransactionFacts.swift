/// What a protocol model saw one executed transaction do, in USD at the world's true prices: the raw
/// state the recorder turns into ``TransactionFeatures`` (with the sender's history and the
/// per-kind rules of ``AgentKind``).
struct TransactionFacts: Hashable, Sendable {
    /// The sender's account in its world and what it is.
    var account: Int
    var kind: AgentKind
    var operation: TransactionOperation
    /// The world's block number.
    var block: Int64
    /// The value the transaction moves.
    var notionalUSD: Double
    /// The value locked in the pool, market, vault, bridge or governance contract it touches, before it.
    var tvlUSD: Double
    /// The share of that contract's reserve (of the asset that leaves) that leaves in it.
    var outflowShare: Double
    /// |spot after / spot before − 1| of the pool it trades (the vault's share price for a vault).
    var priceImpact: Double
    /// |price the protocol uses / true price − 1| after it.
    var oracleDeviation: Double
    /// Whether the price it moves is one a lending market reads.
    var movesOracle: Bool
    /// Whether it runs inside a flash loan.
    var flashLoan: Bool
    /// Value the sender put into the protocol, and took out of it.
    var depositedUSD: Double
    var withdrawnUSD: Double
    /// Utilisation of the lending market it touches (the ambient market's when it touches none).
    var utilisation: Double
    /// Annualised realised volatility of the market at the time.
    var volatility: Double
}
