/// Parameters of the lending + AMM agent market (``LendingAMMMarket``).
public struct MarketParameters: Hashable, Sendable, Codable {
    /// Steps to simulate and seconds per step (default: 8,760 hourly steps, one year).
    public var steps = 8_760
    /// Seconds per step.
    public var stepSeconds: Int64 = 3_600
    /// Annual volatility and drift of the true WETH price (GBM).
    public var volatility = 0.8
    /// Annual drift of the true WETH price.
    public var drift = 0.0
    /// Initial WETH price (USD).
    public var initialPrice = 2_000.0
    /// Pool depth: WETH in the pair (the USDC side is priced at `initialPrice`).
    public var pairWETH = 5_000.0
    /// Number of noise traders, their per-step trade probability and mean trade size (USD).
    public var noiseTraders = 20
    /// Per-step probability that a noise trader trades.
    public var noiseProbability = 0.05
    /// Mean noise trade size (USD, log-normal with σ = 1).
    public var noiseMeanUSD = 5_000.0
    /// Number of borrowers and the range of their target loan-to-value (fraction of the LTV limit).
    public var borrowers = 60
    /// Smallest target LTV as a share of the reserve's LTV.
    public var targetLeverageLow = 0.55
    /// Largest target LTV as a share of the reserve's LTV.
    public var targetLeverageHigh = 0.97
    /// Health factor under which an attentive borrower repays part of its debt.
    public var repayBelowHealth = 1.05
    /// Probability a borrower is attentive in a given step.
    public var borrowerAttention = 0.3
    /// Number of liquidators, their gas cost (USD) and latency range (seconds).
    public var liquidators = 14
    /// Gas cost of a liquidation (USD).
    public var liquidationGasUSD = 30.0
    /// Liquidity providers (they provide the pair's initial liquidity in equal shares).
    public var liquidityProviders = 5
    /// Arbitrage gas cost (USD).
    public var arbitrageGasUSD = 5.0

    /// The defaults (100 agents: 1 arbitrageur, 20 noise traders, 60 borrowers, 14 liquidators, 5 LPs).
    public init() {}

    /// The total number of agents.
    public var agentCount: Int { 1 + noiseTraders + borrowers + liquidators + liquidityProviders }

    /// Checks ranges.
    public func validated() throws(SimError) -> MarketParameters {
        guard (1...1_000_000).contains(steps), stepSeconds > 0, volatility.isFinite, (0...10).contains(volatility),
            drift.isFinite, initialPrice > 0, initialPrice.isFinite, pairWETH > 0, pairWETH.isFinite,
            (0...10_000).contains(noiseTraders), (0...1).contains(noiseProbability), noiseMeanUSD >= 0,
            (0...10_000).contains(borrowers), 0 < targetLeverageLow, targetLeverageLow <= targetLeverageHigh,
            targetLeverageHigh < 1, repayBelowHealth >= 1, (0...1).contains(borrowerAttention),
            (1...1_000).contains(liquidators), liquidationGasUSD >= 0, (1...1_000).contains(liquidityProviders),
            arbitrageGasUSD >= 0
        else { throw .invalidInput("market parameters out of range: \(self)") }
        return self
    }
}
