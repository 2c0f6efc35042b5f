import AntibodyCore
public import AntibodyMath

/// The shared world of the oracle-manipulation scenarios: a lending pool whose first reserve
/// (`TOKEN`, 18 decimals) is priced by an on-chain oracle reading a thin Uniswap V2 pair
/// `TOKEN/USDC` (spot, or a TWAP), a USDC reserve (6 decimals) funded by honest suppliers, and
/// optionally more reserves with fixed prices. Token balances of every participant live in the
/// lending pool's wallets, which the pair's swaps debit and credit.
///
/// Every operation first asks the ``Guardrails``; every oracle refresh emits an ``Observation``
/// (`"TOKEN/USD"`) to the defence, which may tighten the guardrails before the next operation.
public struct LendingMarketWorld: Sendable {
    /// How the lending pool prices TOKEN.
    public enum OracleMode: Hashable, Sendable {
        /// The pair's spot price (bZx, Mango).
        case spot
        /// The pair's TWAP over `window` seconds (Inverse).
        case twap(window: UInt64)
    }

    /// The lending pool (reserve 0 = TOKEN, 1 = USDC, then any extra reserves).
    public var pool: LendingPool
    /// The TOKEN/USDC pair (token0 = TOKEN, token1 = USDC).
    public var pair: UniswapV2Pair
    /// The protocol's guardrails.
    public var guardrails = Guardrails()
    /// Event time.
    public var clock: SimClock
    /// The oracle mode.
    public let oracleMode: OracleMode
    /// The TWAP oracle, in TWAP mode.
    public var twap: TWAPOracle?
    /// True USD prices per reserve (TOKEN's is exogenous and not moved by the pair).
    public let truePrices: [Double]
    /// The initial pair reserves (for LP loss versus holding).
    public let initialPairReserves: (UInt256, UInt256)
    /// Liquidations executed.
    public private(set) var liquidationsExecuted = 0
    /// Where executed transactions are recorded when ``TrafficRecorder`` runs this world.
    var tap: TransactionTap?

    /// Reserve indices.
    public static let token = 0, usdc = 1

    /// A world with a TOKEN/USDC pair of `pairToken`/`pairUSDC` raw units, `supplied` USDC raw units
    /// from an honest supplier (account 0), and `extraReserves` with fixed prices (8 decimals).
    public init(
        pairToken: UInt256, pairUSDC: UInt256, supplied: UInt256, oracle: OracleMode,
        tokenConfiguration: ReserveConfiguration? = nil,
        extraReserves: [(ReserveConfiguration, UInt256, supplied: UInt256)] = []
    ) throws(SimError) {
        let token =
            tokenConfiguration
            ?? ReserveConfiguration(
                symbol: "TOKEN", decimals: 18, ltv: 7_500, liquidationThreshold: 8_000, liquidationBonus: 10_500,
                reserveFactor: 1_000, optimalUsageRatio: 450_000_000_000_000_000_000_000_000, baseVariableBorrowRate: 0,
                variableRateSlope1: 70_000_000_000_000_000_000_000_000,
                variableRateSlope2: 3_000_000_000_000_000_000_000_000_000)
        let usdc = ReserveConfiguration(
            symbol: "USDC", decimals: 6, ltv: 8_000, liquidationThreshold: 8_500, liquidationBonus: 10_500,
            reserveFactor: 1_000, optimalUsageRatio: 900_000_000_000_000_000_000_000_000, baseVariableBorrowRate: 0,
            variableRateSlope1: 40_000_000_000_000_000_000_000_000,
            variableRateSlope2: 600_000_000_000_000_000_000_000_000)
        clock = SimClock(block: 15_000_000, seconds: 1_700_000_000)
        pair = try UniswapV2Pair(reserve0: pairToken, reserve1: pairUSDC, blockTimestampLast: UInt32(clock.seconds))
        initialPairReserves = (pairToken, pairUSDC)
        let spot = Self.price8(reserve0: pairToken, reserve1: pairUSDC)
        pool = try LendingPool(
            configurations: [token, usdc] + extraReserves.map(\.0),
            prices: [spot, 100_000_000] + extraReserves.map(\.1),
            now: UInt64(clock.seconds))
        truePrices = [Double(spot) / 1e8, 1] + extraReserves.map { Double($0.1) / 1e8 }
        oracleMode = oracle
        if case .twap(let window) = oracle {
            var t = try TWAPOracle(window: window)
            t.record(pair, at: UInt64(clock.seconds))
            twap = t
        }
        // Account 0: the honest supplier of every borrowable reserve.
        var wallet = [UInt256](repeating: .zero, count: pool.reserves.count)
        wallet[Self.usdc] = supplied
        for (i, extra) in extraReserves.enumerated() { wallet[2 + i] = extra.supplied }
        let supplier = try pool.addAccount(wallet: wallet)
        try pool.supply(supplier, asset: Self.usdc, amount: supplied)
        for (i, extra) in extraReserves.enumerated() where !extra.supplied.isZero {
            try pool.supply(supplier, asset: 2 + i, amount: extra.supplied)
        }
    }

    /// TOKEN's price in USD with 8 decimals from raw reserves (TOKEN 18 decimals, USDC 6):
    /// `reserve1 · 10²⁰ / reserve0`.
    public static func price8(reserve0: UInt256, reserve1: UInt256) -> UInt256 {
        (reserve1 * 100_000_000_000_000_000_000) / reserve0
    }

    /// Adds a participant with `wallet` and returns its index.
    public mutating func addAccount(wallet: [UInt256]) throws(SimError) -> Int {
        try pool.addAccount(wallet: wallet)
    }

    /// Moves to the next block; in TWAP mode the keeper records the cumulative price.
    public mutating func nextBlock() {
        clock.advanceBlock()
        pool.advance(seconds: UInt64(clock.blockTime))
        twap?.record(pair, at: UInt64(clock.seconds))
    }

    /// Refreshes the pool's TOKEN price from the oracle and shows it to the defence.
    public mutating func refreshOracle(defence: inout some DefenceHook) throws(SimError) {
        let price: UInt256
        switch oracleMode {
        case .spot: price = Self.price8(reserve0: pair.reserve0, reserve1: pair.reserve1)
        case .twap:
            guard let uq = twap?.consult(pair, at: UInt64(clock.seconds)) else { return }
            price = (uq * 100_000_000_000_000_000_000) >> 112
        }
        guard !price.isZero else { return }
        try pool.setPrice(price, of: Self.token)
        defence.observe(
            Observation(stream: "TOKEN/USD", timestamp: clock.timestamp, value: Double(price) / 1e8, source: "oracle"),
            guardrails: &guardrails)
    }

    /// Swaps exactly `amountIn` from `user`'s wallet through the pair (`tokenIn` = TOKEN or USDC)
    /// and returns the output; refused when the pool is paused.
    @discardableResult
    public mutating func swap(_ user: Int, amountIn: UInt256, tokenIn: Int) throws(SimError) -> UInt256 {
        guard guardrails.permit("pool:TOKEN/USDC", at: clock.seconds) else { throw .revert("GUARDED: pool paused") }
        let zeroForOne = tokenIn == Self.token
        let before = (pair.reserve0, pair.reserve1)
        let tvl = tap == nil ? 0 : pairTVL
        try pool.debit(user, asset: tokenIn, amount: amountIn)
        let out = try pair.swapExactIn(amountIn, zeroForOne: zeroForOne, blockTimestamp: UInt64(clock.seconds))
        try pool.credit(user, asset: zeroForOne ? Self.usdc : Self.token, amount: out)
        if tap != nil {
            let spotBefore = Double(before.1) / Double(before.0),
                spotAfter = Double(pair.reserve1) / Double(pair.reserve0)
            let valueIn = usd(amountIn, asset: tokenIn), valueOut = usd(out, asset: zeroForOne ? Self.usdc : Self.token)
            let deviation = oracleDeviation, u = TransactionTap.utilisation(pool, Self.usdc), block = Int64(clock.block)
            tap?.record(
                account: user, operation: .swap, block: block, notionalUSD: valueIn, tvlUSD: tvl,
                outflowShare: TransactionTap.share(out, of: zeroForOne ? before.1 : before.0),
                priceImpact: TransactionTap.relativeMove(spotBefore, spotAfter), oracleDeviation: deviation,
                movesOracle: true, depositedUSD: valueIn, withdrawnUSD: valueOut, utilisation: u)
        }
        return out
    }

    /// The pair's value at true prices (USD).
    var pairTVL: Double { usd(pair.reserve0, asset: Self.token) + usd(pair.reserve1, asset: Self.usdc) }

    /// |price the lending pool uses for TOKEN / true price − 1|: the pair's spot in spot mode (the
    /// oracle reads it live), the last recorded TWAP in TWAP mode.
    var oracleDeviation: Double {
        let used: Double
        switch oracleMode {
        case .spot: used = Double(Self.price8(reserve0: pair.reserve0, reserve1: pair.reserve1)) / 1e8
        case .twap: used = Double(pool.prices[Self.token]) / 1e8
        }
        return TransactionTap.relativeMove(truePrices[Self.token], used)
    }

    /// Records a lending interaction of `user` (TVL and utilisation taken before it).
    mutating func recordLending(
        _ user: Int, _ operation: TransactionOperation, asset: Int, amount: UInt256, tvl: Double, utilisation: Double,
        outflowShare: Double = 0, deposited: Double = 0, withdrawn: Double = 0
    ) {
        let value = usd(amount, asset: asset), deviation = oracleDeviation, block = Int64(clock.block)
        tap?.record(
            account: user, operation: operation, block: block, notionalUSD: value, tvlUSD: tvl,
            outflowShare: outflowShare, oracleDeviation: deviation, depositedUSD: deposited, withdrawnUSD: withdrawn,
            utilisation: utilisation)
    }

    /// The lending pool's value locked at true prices.
    var lendingTVL: Double { TransactionTap.lendingTVL(pool, prices: truePrices) }

    /// Supplies `amount` of `asset` from `user` (guarded by `market:<symbol>`).
    public mutating func supply(_ user: Int, asset: Int, amount: UInt256) throws(SimError) {
        guard guardrails.permit("market:\(symbol(asset))", at: clock.seconds) else {
            throw .revert("GUARDED: market paused")
        }
        let tvl = tap == nil ? 0 : lendingTVL, u = tap == nil ? 0 : TransactionTap.utilisation(pool, Self.usdc)
        try pool.supply(user, asset: asset, amount: amount)
        if tap != nil {
            recordLending(
                user, .supply, asset: asset, amount: amount, tvl: tvl, utilisation: u,
                deposited: usd(amount, asset: asset))
        }
    }

    /// Borrows `amount` of `asset` for `user` (guarded, counted as an outflow in USD).
    public mutating func borrow(_ user: Int, asset: Int, amount: UInt256) throws(SimError) {
        let usd = usd(amount, asset: asset)
        guard guardrails.permit("market:\(symbol(asset))", outflow: usd, at: clock.seconds) else {
            throw .revert("GUARDED: market paused or outflow limit")
        }
        let tvl = tap == nil ? 0 : lendingTVL, u = tap == nil ? 0 : TransactionTap.utilisation(pool, Self.usdc)
        let available = pool.reserves[asset].underlying
        try pool.borrow(user, asset: asset, amount: amount)
        if tap != nil {
            recordLending(
                user, .borrow, asset: asset, amount: amount, tvl: tvl, utilisation: u,
                outflowShare: TransactionTap.share(amount, of: available), withdrawn: usd)
        }
    }

    /// The most `user` can borrow of `asset` now: the smaller of its borrowing power (kept a hair
    /// under the LTV limit against rounding) and the reserve's liquidity.
    public func borrowable(_ user: Int, asset: Int) throws(SimError) -> UInt256 {
        let data = try pool.accountData(user)
        let power = data.collateral * data.ltv / 10_000
        guard power > data.debt else { return .zero }
        let room = (power - data.debt) * 999 / 1_000
        let amount = room * pool.reserves[asset].configuration.unit / pool.prices[asset]
        return Swift.min(amount, pool.reserves[asset].underlying)
    }

    /// Liquidators close `user`'s position in steps (repaying `debtAsset`, seizing `collateral`)
    /// while it is liquidatable and the defence allows; returns the number of liquidations.
    @discardableResult
    public mutating func liquidateFully(
        _ user: Int, liquidator: Int, collateral: Int, debtAsset: Int, maxRounds: Int = 50
    ) -> Int {
        var count = 0
        for _ in 0..<maxRounds {
            guard let data = try? pool.accountData(user), data.isLiquidatable,
                let debt = try? pool.debt(user, asset: debtAsset), !debt.isZero,
                pool.accounts[user].usingAsCollateral[collateral]
            else { break }
            guard guardrails.permitLiquidation("market:\(symbol(collateral))") else { break }
            let tvl = tap == nil ? 0 : lendingTVL, u = tap == nil ? 0 : TransactionTap.utilisation(pool, Self.usdc)
            let available = pool.reserves[collateral].underlying
            if let result = try? pool.liquidate(
                liquidator: liquidator, user: user, collateral: collateral, debt: debtAsset, debtToCover: .max)
            {
                count += 1
                if tap != nil {
                    recordLending(
                        liquidator, .liquidate, asset: debtAsset, amount: result.debtRepaid, tvl: tvl, utilisation: u,
                        outflowShare: TransactionTap.share(result.collateralSeized, of: available),
                        deposited: usd(result.debtRepaid, asset: debtAsset),
                        withdrawn: usd(result.collateralSeized, asset: collateral))
                }
            } else {
                break
            }
        }
        liquidationsExecuted += count
        return count
    }

    /// A flash loan from the lending pool composed with the rest of the world in one transaction:
    /// `body` runs on a copy of the world with `amount` of `asset` in `receiver`'s wallet; the loan
    /// plus premium is then repaid, or everything reverts.
    public mutating func flashLoan(
        receiver: Int, asset: Int, amount: UInt256, body: (inout LendingMarketWorld) throws(SimError) -> Void
    ) throws(SimError) {
        var next = self
        let tvl = tap == nil ? 0 : lendingTVL, u = tap == nil ? 0 : TransactionTap.utilisation(pool, Self.usdc)
        let available = pool.reserves[asset].underlying
        let premium = try next.pool.beginFlashLoan(receiver: receiver, asset: asset, amount: amount)
        if tap != nil {
            next.recordLending(
                receiver, .flashLoan, asset: asset, amount: amount, tvl: tvl, utilisation: u,
                outflowShare: TransactionTap.share(amount, of: available))
            next.tap?.insideFlashLoan = true
        }
        try body(&next)
        try next.pool.endFlashLoan(receiver: receiver, asset: asset, amount: amount, premium: premium)
        next.tap?.insideFlashLoan = false
        self = next
    }

    /// The USD value at true prices of `user`'s wallet (what an attacker walks away with).
    public func walletUSD(_ user: Int) -> Double {
        pool.reserves.indices.reduce(0) { $0 + usd(pool.accounts[user].wallet[$1], asset: $1) }
    }

    /// The symbol of reserve `asset`.
    public func symbol(_ asset: Int) -> String { pool.reserves[asset].configuration.symbol }

    /// `amount` raw units of `asset` in USD at the true price.
    public func usd(_ amount: UInt256, asset: Int) -> Double {
        Double(amount) / Double(pool.reserves[asset].configuration.unit) * truePrices[asset]
    }

    /// The USD value at true prices of `user`'s wallet plus supplied minus owed.
    public func netWorthUSD(_ user: Int) throws(SimError) -> Double {
        var total = 0.0
        for i in pool.reserves.indices {
            total += usd(pool.accounts[user].wallet[i], asset: i)
            total += usd(try pool.supplied(user, asset: i), asset: i)
            total -= usd(try pool.debt(user, asset: i), asset: i)
        }
        return total
    }

    /// Bad debt at true prices: for each account, debt beyond its collateral (USD).
    public func badDebtUSD() throws(SimError) -> Double {
        var total = 0.0
        for user in pool.accounts.indices {
            var collateral = 0.0, debt = 0.0
            for i in pool.reserves.indices {
                collateral += usd(try pool.supplied(user, asset: i), asset: i)
                debt += usd(try pool.debt(user, asset: i), asset: i)
            }
            total += Swift.max(0, debt - collateral)
        }
        return total
    }

    /// LP loss versus holding the initial reserves, at true prices (USD; negative is a gain).
    public var lpLossUSD: Double {
        let held = usd(initialPairReserves.0, asset: Self.token) + usd(initialPairReserves.1, asset: Self.usdc)
        let now = usd(pair.reserve0, asset: Self.token) + usd(pair.reserve1, asset: Self.usdc)
        return held - now
    }

    /// An arbitrageur with deep pockets trades the pair back to the true TOKEN price.
    public mutating func arbitrageToTruePrice(arbitrageur: Int) throws(SimError) {
        // A paused pool cannot be traded back.
        guard !guardrails.paused.contains("protocol"), !guardrails.paused.contains("pool:TOKEN/USDC") else { return }
        let r0 = Double(pair.reserve0), r1 = Double(pair.reserve1)
        let target = truePrices[Self.token] * 1e6 / 1e18  // raw USDC per raw TOKEN
        let k = r0 * r1
        if r1 / r0 > target * 1.004 {
            let amountIn = ((0.997 * k / target).squareRoot() - r0) / 0.997
            if amountIn >= 1 { try swap(arbitrageur, amountIn: UInt256(amountIn), tokenIn: Self.token) }
        } else if r1 / r0 < target / 1.004 {
            let amountIn = ((0.997 * k * target).squareRoot() - r1) / 0.997
            if amountIn >= 1 { try swap(arbitrageur, amountIn: UInt256(amountIn), tokenIn: Self.usdc) }
        }
    }
}
