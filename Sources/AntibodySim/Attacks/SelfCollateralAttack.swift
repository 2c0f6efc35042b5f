import AntibodyMath

/// Mango Markets, October 2022: the attacker held a large position in a thinly traded token,
/// pumped the token's spot price on the markets the oracle read — with its own money, no flash
/// loan — and then, with its position's paper value as collateral, borrowed *everything* the
/// protocol held, across every asset. Depositors were left with the bad debt.
///
/// Here: the attacker holds `position` TOKEN (bought earlier at the true price, counted at cost),
/// spends `pumpCapital` USDC buying more on the thin pair (the oracle is the pair's spot), supplies
/// all its TOKEN, and borrows the full liquidity of every other reserve (USDC and WETH).
public struct SelfCollateralAttack: Sendable {
    /// TOKEN/USDC pair reserves (raw units): a thin market, $200k deep at $0.20.
    public var pairToken: UInt256 = 1_000_000_000_000_000_000_000_000  // 1,000,000 TOKEN
    /// USDC reserve of the pair.
    public var pairUSDC: UInt256 = 200_000_000_000  // $200,000
    /// The attacker's existing TOKEN position.
    public var position: UInt256 = 5_000_000_000_000_000_000_000_000  // 5,000,000 TOKEN
    /// USDC spent pumping the pair.
    public var pumpCapital: UInt256 = 800_000_000_000  // $800,000
    /// USDC and WETH deposited by honest users.
    public var suppliedUSDC: UInt256 = 30_000_000_000_000  // $30M
    /// WETH deposited by honest users (18 decimals).
    public var suppliedWETH: UInt256 = 5_000_000_000_000_000_000_000  // 5,000 WETH

    /// The default scenario.
    public init() {}

    /// Runs the attack against `defence`.
    public func run(defence: some DefenceHook) throws(SimError) -> AttackOutcome {
        var tap: TransactionTap? = nil
        return try run(defence: defence, tap: &tap)
    }

    /// Runs the attack, recording every executed transaction into `tap` when it is not `nil`.
    func run(defence: some DefenceHook, tap: inout TransactionTap?) throws(SimError) -> AttackOutcome {
        var defence = defence
        let weth = ReserveConfiguration(
            symbol: "WETH", decimals: 18, ltv: 8_000, liquidationThreshold: 8_250, liquidationBonus: 10_500,
            reserveFactor: 1_000, optimalUsageRatio: 800_000_000_000_000_000_000_000_000, baseVariableBorrowRate: 0,
            variableRateSlope1: 38_000_000_000_000_000_000_000_000,
            variableRateSlope2: 800_000_000_000_000_000_000_000_000)
        let token = ReserveConfiguration(
            symbol: "TOKEN", decimals: 18, ltv: 7_000, liquidationThreshold: 7_500, liquidationBonus: 11_000,
            reserveFactor: 2_000, optimalUsageRatio: 450_000_000_000_000_000_000_000_000, baseVariableBorrowRate: 0,
            variableRateSlope1: 70_000_000_000_000_000_000_000_000,
            variableRateSlope2: 3_000_000_000_000_000_000_000_000_000)
        var world = try LendingMarketWorld(
            pairToken: pairToken, pairUSDC: pairUSDC, supplied: suppliedUSDC, oracle: .spot, tokenConfiguration: token,
            extraReserves: [(weth, 200_000_000_000, supplied: suppliedWETH)])
        let attacker = try world.addAccount(wallet: [position, pumpCapital, .zero])
        let keeper = try world.addAccount(
            wallet: [
                1_000_000_000_000_000_000_000_000_000_000, 1_000_000_000_000_000, 1_000_000_000_000_000_000_000_000,
            ])
        world.tap = tap.map {
            var t = $0; t.kinds = [attacker: .selfCollateral, keeper: .arbitrageur]; return t
        }
        try world.refreshOracle(defence: &defence)
        world.nextBlock()
        let before = world.walletUSD(attacker)
        var blocked = 0
        do {
            let bought = try world.swap(attacker, amountIn: pumpCapital, tokenIn: LendingMarketWorld.usdc)
            try world.refreshOracle(defence: &defence)
            try world.supply(attacker, asset: LendingMarketWorld.token, amount: try EVM.add(position, bought))
            // Borrow everything: every reserve but the collateral, up to its full liquidity.
            for asset in [LendingMarketWorld.usdc, 2] {
                let amount = try world.borrowable(attacker, asset: asset)
                if !amount.isZero { try world.borrow(attacker, asset: asset, amount: amount) }
            }
        } catch {
            guard error.revertReason?.hasPrefix("GUARDED") == true else { throw error }
            blocked += 1
        }
        world.nextBlock()
        try world.arbitrageToTruePrice(arbitrageur: keeper)
        try world.refreshOracle(defence: &defence)
        world.liquidateFully(
            attacker, liquidator: keeper, collateral: LendingMarketWorld.token, debtAsset: LendingMarketWorld.usdc)
        world.liquidateFully(attacker, liquidator: keeper, collateral: LendingMarketWorld.token, debtAsset: 2)
        let tokenHeld = try world.pool.supplied(attacker, asset: LendingMarketWorld.token)
        let stillHeld =
            world.pool.accounts[attacker].borrowing.contains(true)
            ? 0 : world.usd(tokenHeld, asset: LendingMarketWorld.token)
        let badDebt = try world.badDebtUSD()
        if tap != nil { tap = world.tap }
        return AttackOutcome(
            scenario: "mango-self-manipulated-collateral",
            attackerProfitUSD: world.walletUSD(attacker) + stillHeld - before,
            attackerProfitUnits: [
                "USDC": world.pool.accounts[attacker].wallet[LendingMarketWorld.usdc].description,
                "WETH": world.pool.accounts[attacker].wallet[2].description,
            ],
            badDebtUSD: badDebt, userLossUSD: badDebt, lpLossUSD: world.lpLossUSD, lossBearer: .lendingSuppliers,
            liquidationsExecuted: world.liquidationsExecuted, liquidationsBlocked: world.guardrails.liquidationsBlocked,
            operationsBlocked: world.guardrails.totalBlocked + blocked)
    }
}
