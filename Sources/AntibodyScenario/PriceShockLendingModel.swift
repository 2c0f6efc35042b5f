import AntibodyCore
public import AntibodySim

/// A lending market hit by a price shock, per minute, in two mechanisms a scenario can combine:
///
/// * **Liquidations under congestion** (Black Thursday, Mar 2020): `vaults` positions hold
///   `collateralUSD` in total, with collateral ratios spread evenly over `[minRatio, maxRatio]`.
///   A position whose ratio falls below `liquidationRatio` is liquidated. While the price falls
///   faster than `congestionDropPerHour` the chain is congested and auctions clear at a zero bid:
///   the whole collateral is lost (the owner's equity and the protocol's debt). Otherwise the
///   liquidation recovers the debt and only a shortfall (collateral worth less than the debt) is
///   lost. A paused scope refuses liquidations; they are retried every minute, and each position
///   refused at least once counts as one blocked liquidation.
/// * **Mispriced deposits** (UST/LUNA, May 2022; USDC, Mar 2023): the oracle reports
///   `max(market, minAnswer)` — a feed clamped at its minimum answer, or a stablecoin priced at
///   par — so while a loan of `ltv` of the *oracle* value is worth more than the collateral costs
///   (by 1 %), an arbitrageur buys `tradeUSD` of the asset at market every minute, deposits it and
///   borrows, until `liquidityUSD` is gone. Each such loan is bad debt of `ltv·oracle − market` per unit.
///
/// The market price (`stream`) and the oracle (`oracleStream`) are published every minute; every
/// operation asks the guardrails for `scope` first.
public struct PriceShockLendingModel: Sendable {
    /// Piecewise-linear price path: (hours since start, price relative to the start).
    public var path: [(Double, Double)]
    /// Start price, USD.
    public var startPrice: Double
    /// Relative per-minute noise on the path.
    public var noise: Double
    /// Stream names.
    public var stream: String
    /// The oracle's stream name, when the oracle differs from the market.
    public var oracleStream: String?
    /// Guardrails scope of the market.
    public var scope: String
    /// Liquidation mechanism: collateral and positions (0 disables).
    public var collateralUSD: Double
    /// Number of positions.
    public var vaults: Int
    /// Collateral ratio range at the start.
    public var minRatio: Double
    /// Upper end of the ratio range.
    public var maxRatio: Double
    /// Ratio below which a position is liquidated.
    public var liquidationRatio: Double
    /// Relative fall per hour above which the chain is congested.
    public var congestionDropPerHour: Double
    /// Mispriced-deposit mechanism: the oracle's floor, relative to the start (0 disables).
    public var minAnswer: Double
    /// Market value bought per minute by the arbitrageur, USD.
    public var tradeUSD: Double
    /// Loan-to-value of the deposited asset.
    public var ltv: Double
    /// Borrowable liquidity of the market, USD.
    public var liquidityUSD: Double

    /// A model with all its parameters.
    public init(
        path: [(Double, Double)], startPrice: Double, noise: Double, stream: String, oracleStream: String?,
        scope: String, collateralUSD: Double, vaults: Int, minRatio: Double, maxRatio: Double,
        liquidationRatio: Double, congestionDropPerHour: Double, minAnswer: Double, tradeUSD: Double,
        ltv: Double, liquidityUSD: Double
    ) {
        self.path = path
        self.startPrice = startPrice
        self.noise = noise
        self.stream = stream
        self.oracleStream = oracleStream
        self.scope = scope
        self.collateralUSD = collateralUSD
        self.vaults = vaults
        self.minRatio = minRatio
        self.maxRatio = maxRatio
        self.liquidationRatio = liquidationRatio
        self.congestionDropPerHour = congestionDropPerHour
        self.minAnswer = minAnswer
        self.tradeUSD = tradeUSD
        self.ltv = ltv
        self.liquidityUSD = liquidityUSD
    }

    /// The path's relative price at `hours` (linear between points, flat outside).
    func relative(at hours: Double) -> Double {
        guard let first = path.first else { return 1 }
        if hours <= first.0 { return first.1 }
        for i in 1..<path.count where hours <= path[i].0 {
            let (h0, p0) = path[i - 1], (h1, p1) = path[i]
            return h1 > h0 ? p0 + (p1 - p0) * (hours - h0) / (h1 - h0) : p1
        }
        return path[path.count - 1].1
    }

    /// Runs the model against `defence` with `seed`.
    public func run(defence: some DefenceHook, seed: UInt64) -> ModelRun {
        var defence = defence
        var rails = Guardrails()
        var rng = Xoshiro256StarStar(seed: seed)
        let t0: Int64 = 1_600_000_000
        let minutes = Int(((path.last?.0 ?? 1) * 60).rounded())
        let n = max(0, vaults)
        // Position i: collateral units (at start price) and debt USD.
        var units = [Double](repeating: 0, count: n)
        var debt = [Double](repeating: 0, count: n)
        var open = [Bool](repeating: true, count: n)
        for i in 0..<n {
            let ratio = n == 1 ? minRatio : minRatio + (maxRatio - minRatio) * Double(i) / Double(n - 1)
            units[i] = collateralUSD / Double(n) / startPrice
            debt[i] = collateralUSD / Double(n) / ratio
        }
        var loss = 0.0, liquidity = liquidityUSD
        var blockedPositions = Set<Int>()
        var tvl: [(Timestamp, Double)] = []
        var lastPrice = startPrice
        var recent: [Double] = []
        var attackStart: Timestamp?
        for m in 0...minutes {
            let now = t0 + Int64(m) * 60
            let ts = Timestamp(seconds: now)
            let u = Double(rng.next() >> 11) / Double(1 << 53) * 2 - 1
            let market = max(1e-9, startPrice * relative(at: Double(m) / 60) * (1 + noise * u))
            let oracle = minAnswer > 0 ? max(market, startPrice * minAnswer) : market
            defence.observe(Observation(stream: stream, timestamp: ts, value: market), guardrails: &rails)
            if let oracleStream {
                defence.observe(Observation(stream: oracleStream, timestamp: ts, value: oracle), guardrails: &rails)
            }
            recent.append(market)
            if recent.count > 61 { recent.removeFirst() }
            let hourAgo = recent.first ?? market
            let congested = (hourAgo - market) / hourAgo > congestionDropPerHour
            for i in 0..<n where open[i] && units[i] * market / debt[i] < liquidationRatio {
                if attackStart == nil { attackStart = ts }
                guard rails.permitLiquidation(scope), rails.permit(scope, at: now) else {
                    blockedPositions.insert(i)  // retried next minute; counted once per position
                    continue
                }
                open[i] = false
                loss += congested ? units[i] * market : max(0, debt[i] - units[i] * market)
            }
            // The arbitrageur deposits only when the loan is worth more than the collateral costs.
            if minAnswer > 0, oracle * ltv > market * 1.01, liquidity > 0 {
                if attackStart == nil { attackStart = ts }
                if rails.permit(scope, at: now) {
                    let borrowed = min(liquidity, tradeUSD / market * oracle * ltv)
                    liquidity -= borrowed
                    loss += max(0, borrowed - borrowed / (oracle * ltv) * market)
                }
            }
            let locked = zip(units, open).reduce(0) { $0 + ($1.1 ? $1.0 * market : 0) } + liquidity
            tvl.append((ts, locked))
            lastPrice = market
        }
        _ = lastPrice
        return ModelRun(lossUSD: loss, liquidationsBlocked: blockedPositions.count, tvl: tvl, attackStart: attackStart)
    }
}
