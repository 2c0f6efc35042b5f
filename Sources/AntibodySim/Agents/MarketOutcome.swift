/// The accounting of one path of ``LendingAMMMarket``, at true prices (USD).
public struct MarketOutcome: Hashable, Sendable, Codable {
    /// Bad debt left in the lending pool.
    public var badDebtUSD: Double
    /// Liquidations executed.
    public var liquidationsExecuted: Int
    /// Liquidations refused by the defence.
    public var liquidationsBlocked: Int
    /// Borrowers liquidated at least once.
    public var borrowersLiquidated: Int
    /// Liquidators' total profit (bonus minus gas).
    public var liquidatorProfitUSD: Double
    /// Arbitrageur profit (net of gas).
    public var arbitrageProfitUSD: Double
    /// Liquidity providers' loss versus holding their initial deposit.
    public var lpLossUSD: Double
    /// Noise traders' total loss (fees and price impact).
    public var noiseLossUSD: Double
    /// Lowest true price reached.
    public var minPrice: Double
    /// Final true price.
    public var finalPrice: Double

    /// The metric names, in ``values`` order.
    public static let metricNames = [
        "badDebtUSD", "liquidationsExecuted", "liquidationsBlocked", "borrowersLiquidated", "liquidatorProfitUSD",
        "arbitrageProfitUSD", "lpLossUSD", "noiseLossUSD", "minPrice", "finalPrice",
    ]

    /// The metrics as numbers, in ``metricNames`` order.
    public var values: [Double] {
        [
            badDebtUSD, Double(liquidationsExecuted), Double(liquidationsBlocked), Double(borrowersLiquidated),
            liquidatorProfitUSD, arbitrageProfitUSD, lpLossUSD, noiseLossUSD, minPrice, finalPrice,
        ]
    }
}
