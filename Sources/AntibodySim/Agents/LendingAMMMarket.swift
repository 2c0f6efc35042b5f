import AntibodyCore
import AntibodyMath

/// A lending market and an AMM under a stochastic true price, with 100 agents of six kinds:
///
/// * an **arbitrageur** trading the WETH/USDC pair back to the true price each step when the gap
///   beats its gas cost;
/// * **noise traders** trading random log-normal sizes in random directions;
/// * **liquidity providers** who funded the pair (their loss versus holding is measured);
/// * **borrowers** who supply WETH and borrow USDC at a target leverage, and — when attentive —
///   repay part of their debt once their health factor falls under a threshold;
/// * **liquidators** with individual latencies and gas costs who compete for each liquidatable
///   position (the fastest profitable one wins), liquidate partially under the close factor, and
///   sell the seized WETH into the pair — the cascade that pushes the AMM further down;
/// * a **Chainlink-style feed** (heartbeat 1 h, 0.5 % deviation) that sets the lending pool's price.
///
/// Protocol state is exact (`UInt256`, the contracts' rounding); agent decisions use `Double`.
/// Borrowers far from liquidation are not re-checked every step: each has an estimated liquidation
/// price (exact at its last check, then rescaled by the growth of the borrow and supply indexes),
/// and the exact health factor is computed only when the oracle price comes within the repay
/// threshold (+1 %) of it. Every oracle round is shown to the defence hook, and
/// liquidations pass through the guardrails (`market:WETH`).
public struct LendingAMMMarket {
    /// The parameters.
    public let parameters: MarketParameters
    /// The lending pool (reserve 0 = WETH, 1 = USDC).
    public private(set) var pool: LendingPool
    /// The WETH/USDC pair (token0 = WETH).
    public private(set) var pair: UniswapV2Pair
    /// The price feed.
    public private(set) var feed: PriceFeed
    /// The guardrails.
    public var guardrails = Guardrails()
    /// The true WETH price.
    public private(set) var truePrice: Double
    private var logPrice: Double
    private var rng: Xoshiro256StarStar
    private var now: Int64
    private let drift: Double, scale: Double
    private let arbitrageur: Int
    private let noise: Range<Int>, borrowerIDs: Range<Int>, liquidatorIDs: Range<Int>
    private var liquidationPrice: [Double]
    private var estimateIndexes: [(debt: Double, income: Double)] = []
    private var targetLTV: [Double]
    private var latency: [Double]
    private var liquidated: Set<Int> = []
    private var outcome: MarketOutcome
    private let initialReserves: (UInt256, UInt256)
    private var startWallets: [[UInt256]] = []
    /// Where executed transactions are recorded when ``TrafficRecorder`` runs this market.
    var tap: TransactionTap?

    static let weth = 0, usdc = 1
    static let wethUnit = 1e18, usdcUnit = 1e6

    /// A market with `parameters`, seeded by `rng`.
    public init(parameters: MarketParameters, rng: Xoshiro256StarStar) throws(SimError) {
        let p = try parameters.validated()
        self.parameters = p
        self.rng = rng
        now = 1_700_000_000
        truePrice = p.initialPrice
        logPrice = _log(p.initialPrice)
        let dt = Double(p.stepSeconds) / 31_536_000
        drift = (p.drift - p.volatility * p.volatility / 2) * dt
        scale = p.volatility * dt.squareRoot()
        let weth = ReserveConfiguration(
            symbol: "WETH", decimals: 18, ltv: 8_000, liquidationThreshold: 8_250, liquidationBonus: 10_500,
            reserveFactor: 1_500, optimalUsageRatio: 800_000_000_000_000_000_000_000_000, baseVariableBorrowRate: 0,
            variableRateSlope1: 38_000_000_000_000_000_000_000_000,
            variableRateSlope2: 800_000_000_000_000_000_000_000_000)
        let usdc = ReserveConfiguration(
            symbol: "USDC", decimals: 6, ltv: 8_700, liquidationThreshold: 8_900, liquidationBonus: 10_450,
            reserveFactor: 1_000, optimalUsageRatio: 900_000_000_000_000_000_000_000_000, baseVariableBorrowRate: 0,
            variableRateSlope1: 40_000_000_000_000_000_000_000_000,
            variableRateSlope2: 600_000_000_000_000_000_000_000_000)
        feed = try PriceFeed(configuration: .init(heartbeat: 3_600, deviationThreshold: 50))
        let first = feed.observe(truePrice: p.initialPrice, at: now)!
        pool = try LendingPool(configurations: [weth, usdc], prices: [first.answer, 100_000_000], now: UInt64(now))
        let r0 = UInt256(p.pairWETH * Self.wethUnit), r1 = UInt256(p.pairWETH * p.initialPrice * Self.usdcUnit)
        pair = try UniswapV2Pair(reserve0: r0, reserve1: r1, blockTimestampLast: UInt32(truncatingIfNeeded: now))
        initialReserves = (r0, r1)
        // Account 0 supplies the USDC that borrowers borrow.
        let deepUSDC = UInt256(Double(p.borrowers) * 200_000 * p.initialPrice * Self.usdcUnit)
        let supplier = try pool.addAccount(wallet: [.zero, deepUSDC])
        try pool.supply(supplier, asset: Self.usdc, amount: deepUSDC)
        let deep: [UInt256] = [UInt256(1e9 * Self.wethUnit), UInt256(1e9 * p.initialPrice * Self.usdcUnit)]
        arbitrageur = try pool.addAccount(wallet: deep)
        let noiseStart = pool.accounts.count
        for _ in 0..<p.noiseTraders { try pool.addAccount(wallet: deep) }
        noise = noiseStart..<pool.accounts.count
        let borrowerStart = pool.accounts.count
        liquidationPrice = []
        targetLTV = []
        var r = rng
        for _ in 0..<p.borrowers {
            let collateral = 5 + 95 * r.nextUnit()
            let id = try pool.addAccount(wallet: [UInt256(collateral * Self.wethUnit), .zero])
            try pool.supply(id, asset: Self.weth, amount: UInt256(collateral * Self.wethUnit))
            let target = p.targetLeverageLow + (p.targetLeverageHigh - p.targetLeverageLow) * r.nextUnit()
            targetLTV.append(target)
            let borrowUSD = collateral * p.initialPrice * 0.8 * target
            try pool.borrow(id, asset: Self.usdc, amount: UInt256(borrowUSD * Self.usdcUnit))
            liquidationPrice.append(borrowUSD / (collateral * 0.825))
        }
        borrowerIDs = borrowerStart..<pool.accounts.count
        estimateIndexes = Array(repeating: (1e27, 1e27), count: p.borrowers)
        let liquidatorStart = pool.accounts.count
        latency = []
        for _ in 0..<p.liquidators {
            try pool.addAccount(wallet: deep)
            latency.append(0.2 + 3 * r.nextUnit())  // seconds behind the event
        }
        liquidatorIDs = liquidatorStart..<pool.accounts.count
        self.rng = r
        outcome = MarketOutcome(
            badDebtUSD: 0, liquidationsExecuted: 0, liquidationsBlocked: 0, borrowersLiquidated: 0,
            liquidatorProfitUSD: 0, arbitrageProfitUSD: 0, lpLossUSD: 0, noiseLossUSD: 0, minPrice: p.initialPrice,
            finalPrice: p.initialPrice)
        startWallets = pool.accounts.map(\.wallet)
    }

    /// `id`'s trading P&L: the change of its wallet since the start, valued at the current true price.
    func pnl(_ id: Int) -> Double {
        let w = pool.accounts[id].wallet, s = startWallets[id]
        return (Double(w[Self.weth]) - Double(s[Self.weth])) / Self.wethUnit * truePrice
            + (Double(w[Self.usdc]) - Double(s[Self.usdc])) / Self.usdcUnit
    }

    /// Runs every step and returns the path's accounting.
    public mutating func run(defence: inout some DefenceHook) throws(SimError) -> MarketOutcome {
        for step in 0..<parameters.steps { try self.step(index: step, defence: &defence) }
        // Final accounting at the final true price.
        outcome.finalPrice = truePrice
        var bad = 0.0
        for id in borrowerIDs {
            let collateral = Double(try pool.supplied(id, asset: Self.weth)) / Self.wethUnit * truePrice
            let debt = Double(try pool.debt(id, asset: Self.usdc)) / Self.usdcUnit
            bad += max(0, debt - collateral)
        }
        outcome.badDebtUSD = bad
        let held = Double(initialReserves.0) / Self.wethUnit * truePrice + Double(initialReserves.1) / Self.usdcUnit
        let inPool = Double(pair.reserve0) / Self.wethUnit * truePrice + Double(pair.reserve1) / Self.usdcUnit
        outcome.lpLossUSD = held - inPool
        outcome.arbitrageProfitUSD = pnl(arbitrageur)
        outcome.noiseLossUSD = -noise.reduce(0) { $0 + pnl($1) }
        outcome.liquidatorProfitUSD = liquidatorIDs.reduce(0) { $0 + pnl($1) }
        outcome.liquidationsBlocked = guardrails.liquidationsBlocked
        outcome.borrowersLiquidated = liquidated.count
        return outcome
    }

    mutating func step(index: Int, defence: inout some DefenceHook) throws(SimError) {
        now += parameters.stepSeconds
        pool.advance(seconds: UInt64(parameters.stepSeconds))
        logPrice += drift + scale * ZigguratNormal.sample(&rng)
        truePrice = _exp(logPrice)
        tap?.observe(price: truePrice)
        outcome.minPrice = min(outcome.minPrice, truePrice)
        if let round = feed.observe(truePrice: truePrice, at: now) {
            try pool.setPrice(round.answer, of: Self.weth)
            defence.observe(
                Observation(stream: "WETH/USD", timestamp: Timestamp(seconds: now), value: truePrice, source: "feed"),
                guardrails: &guardrails)
        }
        arbitrage()
        for id in noise where rng.nextUnit() < parameters.noiseProbability {
            let usd = parameters.noiseMeanUSD * _exp(ZigguratNormal.sample(&rng) - 0.5)
            if rng.next() & 1 == 0 {
                swap(id, amountIn: UInt256(usd * Self.usdcUnit), wethIn: false)
            } else {
                swap(id, amountIn: UInt256(usd / truePrice * Self.wethUnit), wethIn: true)
            }
        }
        let oracle = Double(pool.prices[Self.weth]) / 1e8
        // A borrower's liquidation price moves with the price only through the two indexes (its
        // debt grows with the USDC borrow index, its collateral with the WETH supply index), so the
        // estimate is rescaled by them and the exact health factor is computed only near the edge.
        let debtIndex = Double(try pool.reserves[Self.usdc].normalizedDebt(at: pool.now))
        let incomeIndex = Double(try pool.reserves[Self.weth].normalizedIncome(at: pool.now))
        let watch = parameters.repayBelowHealth * 1.01
        for (k, id) in borrowerIDs.enumerated() {
            let estimate =
                liquidationPrice[k] * (debtIndex / estimateIndexes[k].debt)
                * (estimateIndexes[k].income / incomeIndex)
            guard oracle < estimate * watch else { continue }
            let data = try pool.accountData(id)
            if data.debt.isZero { continue }
            liquidationPrice[k] = oracle * 1e18 / Double(data.healthFactor)
            estimateIndexes[k] = (debtIndex, incomeIndex)
            let hf = Double(data.healthFactor) / 1e18
            if hf < 1 {
                liquidate(borrower: id, index: k)
            } else if hf < parameters.repayBelowHealth, rng.nextUnit() < parameters.borrowerAttention {
                let debt = try pool.debt(id, asset: Self.usdc)
                let pay = Swift.min(debt * 3 / 10, pool.accounts[id].wallet[Self.usdc])
                let tvl = tap == nil ? 0 : lendingTVL, u = tap == nil ? 0 : utilisation
                if !pay.isZero, (try? pool.repay(id, asset: Self.usdc, amount: pay)) != nil {
                    if tap != nil {
                        let value = Double(pay) / Self.usdcUnit
                        record(id, .repay, notional: value, tvl: tvl, utilisation: u, deposited: value)
                    }
                    let after = try pool.accountData(id)
                    liquidationPrice[k] = after.healthFactor == .max ? 0 : oracle * 1e18 / Double(after.healthFactor)
                }
            }
        }
    }

    /// The arbitrageur's trade toward the true price (exact pair maths, `Double` sizing).
    mutating func arbitrage() {
        let r0 = Double(pair.reserve0), r1 = Double(pair.reserve1)
        let p = truePrice * Self.usdcUnit / Self.wethUnit
        let gamma = 0.997
        let gas = parameters.arbitrageGasUSD * Self.usdcUnit
        if r1 / r0 / gamma < p {
            let amountIn = ((gamma * r0 * r1 * p).squareRoot() - r1) / gamma
            guard amountIn >= 1,
                let out = try? UniswapV2Pair.getAmountOut(
                    UInt256(amountIn), reserveIn: pair.reserve1, reserveOut: pair.reserve0),
                Double(out) * p - amountIn > gas
            else { return }
            swap(arbitrageur, amountIn: UInt256(amountIn), wethIn: false)
        } else if r1 / r0 * gamma > p {
            let amountIn = ((gamma * r0 * r1 / p).squareRoot() - r0) / gamma
            guard amountIn >= 1,
                let out = try? UniswapV2Pair.getAmountOut(
                    UInt256(amountIn), reserveIn: pair.reserve0, reserveOut: pair.reserve1),
                Double(out) - amountIn * p > gas
            else { return }
            swap(arbitrageur, amountIn: UInt256(amountIn), wethIn: true)
        }
    }

    /// Swaps from `id`'s wallet through the pair; a failed swap (e.g. a paused pool) does nothing.
    mutating func swap(_ id: Int, amountIn: UInt256, wethIn: Bool) {
        guard !amountIn.isZero, guardrails.permit("pool:WETH/USDC", at: now) else { return }
        let tokenIn = wethIn ? Self.weth : Self.usdc
        let before = (pair.reserve0, pair.reserve1)
        guard pool.accounts[id].wallet[tokenIn] >= amountIn,
            let out = try? pair.swapExactIn(amountIn, zeroForOne: wethIn, blockTimestamp: UInt64(now))
        else { return }
        try? pool.debit(id, asset: tokenIn, amount: amountIn)
        try? pool.credit(id, asset: wethIn ? Self.usdc : Self.weth, amount: out)
        if tap != nil {
            let valueIn = wethIn ? Double(amountIn) / Self.wethUnit * truePrice : Double(amountIn) / Self.usdcUnit
            let valueOut = wethIn ? Double(out) / Self.usdcUnit : Double(out) / Self.wethUnit * truePrice
            let tvl = Double(before.0) / Self.wethUnit * truePrice + Double(before.1) / Self.usdcUnit
            record(
                id, .swap, notional: valueIn, tvl: tvl, utilisation: utilisation,
                outflowShare: TransactionTap.share(out, of: wethIn ? before.1 : before.0),
                priceImpact: TransactionTap.relativeMove(
                    Double(before.1) / Double(before.0), Double(pair.reserve1) / Double(pair.reserve0)),
                deposited: valueIn, withdrawn: valueOut)
        }
    }

    /// Who account `id` is.
    func kind(of id: Int) -> AgentKind? {
        if id == arbitrageur { return .arbitrageur }
        if noise.contains(id) { return .noiseTrader }
        if borrowerIDs.contains(id) { return .borrower }
        if liquidatorIDs.contains(id) { return .liquidator }
        return nil
    }

    /// The lending pool's value locked at the true WETH price (USDC at $1).
    var lendingTVL: Double { TransactionTap.lendingTVL(pool, prices: [truePrice, 1]) }

    /// Utilisation of the USDC reserve (the one borrowers draw on).
    var utilisation: Double { TransactionTap.utilisation(pool, Self.usdc) }

    /// Records an executed transaction of `id` (the feed's lag is the oracle deviation: the WETH/USDC
    /// pair is not what the lending pool reads, so no trade here moves a lending oracle).
    mutating func record(
        _ id: Int, _ operation: TransactionOperation, notional: Double, tvl: Double, utilisation: Double,
        outflowShare: Double = 0, priceImpact: Double = 0, deposited: Double = 0, withdrawn: Double = 0
    ) {
        guard let kind = kind(of: id) else { return }
        let deviation = TransactionTap.relativeMove(truePrice, Double(pool.prices[Self.weth]) / 1e8)
        tap?.kinds[id] = kind
        tap?.record(
            account: id, operation: operation, block: now / 12, notionalUSD: notional, tvlUSD: tvl,
            outflowShare: outflowShare, priceImpact: priceImpact, oracleDeviation: deviation,
            depositedUSD: deposited, withdrawnUSD: withdrawn, utilisation: utilisation)
    }

    /// Records the borrowers' opening positions (made in `init`, before a tap can be attached) as
    /// one supply and one borrow each, from the pool's state: TVL and utilisation as they stood
    /// after all the positions opened.
    mutating func recordOpenings() throws(SimError) {
        guard tap != nil else { return }
        let tvl = lendingTVL, u = utilisation
        let usdcReserve = pool.reserves[Self.usdc].underlying
        for id in borrowerIDs {
            let collateral = try pool.supplied(id, asset: Self.weth), debt = try pool.debt(id, asset: Self.usdc)
            let collateralUSD = Double(collateral) / Self.wethUnit * truePrice, debtUSD = Double(debt) / Self.usdcUnit
            record(id, .supply, notional: collateralUSD, tvl: tvl, utilisation: u, deposited: collateralUSD)
            record(
                id, .borrow, notional: debtUSD, tvl: tvl, utilisation: u,
                outflowShare: Double(debt) / (Double(usdcReserve) + Double(debt)), withdrawn: debtUSD)
        }
    }

    /// Liquidators race for `borrower`: the fastest one (latency plus jitter) for whom the bonus
    /// beats gas liquidates (partially under the close factor) and sells the seized WETH into the
    /// pair; the next fastest may follow while the position stays liquidatable.
    mutating func liquidate(borrower: Int, index k: Int) {
        var order = Array(liquidatorIDs)
        var arrival = [Double](repeating: 0, count: order.count)
        for i in order.indices { arrival[i] = latency[i] + rng.nextUnit() }
        order.sort { arrival[$0 - liquidatorIDs.lowerBound] < arrival[$1 - liquidatorIDs.lowerBound] }
        for liquidator in order {
            guard let data = try? pool.accountData(borrower), data.isLiquidatable,
                pool.accounts[borrower].usingAsCollateral[Self.weth]
            else { break }
            guard guardrails.permitLiquidation("market:WETH") else { return }
            let debt = (try? pool.debt(borrower, asset: Self.usdc)) ?? .zero
            // Expected bonus: ~5 % of the repaid half (or all) of the debt, against gas.
            let share = data.healthFactor > LendingPool.closeFactorHealthFactorThreshold ? 0.5 : 1.0
            guard Double(debt) / Self.usdcUnit * share * 0.05 > parameters.liquidationGasUSD else { return }
            let tvl = tap == nil ? 0 : lendingTVL, u = tap == nil ? 0 : utilisation
            let available = pool.reserves[Self.weth].underlying
            guard
                let result = try? pool.liquidate(
                    liquidator: liquidator, user: borrower, collateral: Self.weth, debt: Self.usdc, debtToCover: .max)
            else { continue }
            if tap != nil {
                let repaid = Double(result.debtRepaid) / Self.usdcUnit
                record(
                    liquidator, .liquidate, notional: repaid, tvl: tvl, utilisation: u,
                    outflowShare: TransactionTap.share(result.collateralSeized, of: available), deposited: repaid,
                    withdrawn: Double(result.collateralSeized) / Self.wethUnit * truePrice)
            }
            outcome.liquidationsExecuted += 1
            liquidated.insert(borrower)
            // Pay for gas out of the proceeds, then sell the seized WETH into the pair.
            try? pool.debit(liquidator, asset: Self.usdc, amount: UInt256(parameters.liquidationGasUSD * Self.usdcUnit))
            swap(liquidator, amountIn: result.collateralSeized, wethIn: true)
        }
        if let after = try? pool.accountData(borrower), after.healthFactor != .max {
            liquidationPrice[k] = Double(pool.prices[Self.weth]) / 1e8 * 1e18 / Double(after.healthFactor)
            if let d = try? pool.reserves[Self.usdc].normalizedDebt(at: pool.now),
                let i = try? pool.reserves[Self.weth].normalizedIncome(at: pool.now)
            {
                estimateIndexes[k] = (Double(d), Double(i))
            }
        }
    }
}
