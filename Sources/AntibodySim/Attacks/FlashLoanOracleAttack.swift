import AntibodyMath

/// bZx, February 2020: a flash loan pumps a thin AMM whose *spot* price the lending market uses as
/// its oracle, the pumped tokens are posted as collateral at the inflated price, the market is
/// borrowed against them, and the flash loan is repaid — all in one transaction. The position is
/// left to default: the lending market's suppliers hold the bad debt (the post-mortem's loss).
///
/// Here the attacker starts with no capital: it flash-borrows `flash` USDC from the lending pool
/// itself (paying the 0.09 % premium), swaps it for TOKEN on the pair, supplies the TOKEN, borrows
/// as much USDC as the inflated collateral allows, and repays. Afterwards arbitrageurs restore the
/// pair to the true price and liquidators close what they can of the attacker's position.
public struct FlashLoanOracleAttack: Sendable {
    /// TOKEN and USDC in the pair (raw units); pool USDC supplied by honest users; the flash loan.
    public var pairToken: UInt256 = 1_000_000_000_000_000_000_000_000  // 1,000,000 TOKEN at $1
    public var pairUSDC: UInt256 = 1_000_000_000_000  // 1,000,000 USDC
    /// USDC supplied to the lending pool by honest users (raw units).
    public var supplied: UInt256 = 20_000_000_000_000  // 20,000,000 USDC
    /// The flash-loaned USDC (raw units).
    public var flash: UInt256 = 3_000_000_000_000  // 3,000,000 USDC

    /// The default scenario.
    public init() {}

    /// Runs the attack against `defence` and returns its accounting.
    public func run(defence: some DefenceHook) throws(SimError) -> AttackOutcome {
        var tap: TransactionTap? = nil
        return try run(defence: defence, tap: &tap)
    }

    /// Runs the attack, recording every executed transaction into `tap` when it is not `nil`.
    func run(defence: some DefenceHook, tap: inout TransactionTap?) throws(SimError) -> AttackOutcome {
        var defence = defence
        var world = try LendingMarketWorld(pairToken: pairToken, pairUSDC: pairUSDC, supplied: supplied, oracle: .spot)
        let attacker = try world.addAccount(wallet: [.zero, .zero])
        let keeper = try world.addAccount(wallet: [1_000_000_000_000_000_000_000_000_000_000, 1_000_000_000_000_000])
        world.tap = tap.map {
            var t = $0; t.kinds = [attacker: .flashLoanOracle, keeper: .arbitrageur]; return t
        }
        try world.refreshOracle(defence: &defence)  // the oracle's last round before the attack block
        world.nextBlock()
        let before = world.walletUSD(attacker)
        var blocked = false
        do {
            let flash = self.flash
            try world.flashLoan(receiver: attacker, asset: LendingMarketWorld.usdc, amount: flash) {
                (w: inout LendingMarketWorld) throws(SimError) in
                let bought = try w.swap(attacker, amountIn: flash, tokenIn: LendingMarketWorld.usdc)
                try w.refreshOracle(defence: &defence)
                try w.supply(attacker, asset: LendingMarketWorld.token, amount: bought)
                try w.borrow(
                    attacker, asset: LendingMarketWorld.usdc,
                    amount: try w.borrowable(attacker, asset: LendingMarketWorld.usdc))
            }
        } catch {
            // A guarded operation reverts the whole transaction (the flash loan included).
            guard error.revertReason?.hasPrefix("GUARDED") == true else { throw error }
            blocked = true
        }
        // The market recovers: arbitrage back to the true price, the oracle follows, liquidators act.
        world.nextBlock()
        try world.arbitrageToTruePrice(arbitrageur: keeper)
        try world.refreshOracle(defence: &defence)
        world.liquidateFully(
            attacker, liquidator: keeper, collateral: LendingMarketWorld.token, debtAsset: LendingMarketWorld.usdc)
        let badDebt = try world.badDebtUSD()
        if tap != nil { tap = world.tap }
        return AttackOutcome(
            scenario: "bzx-flash-loan-oracle", attackerProfitUSD: world.walletUSD(attacker) - before,
            attackerProfitUnits: ["USDC": world.pool.accounts[attacker].wallet[LendingMarketWorld.usdc].description],
            badDebtUSD: badDebt, userLossUSD: badDebt, lpLossUSD: world.lpLossUSD, lossBearer: .lendingSuppliers,
            liquidationsExecuted: world.liquidationsExecuted, liquidationsBlocked: world.guardrails.liquidationsBlocked,
            operationsBlocked: world.guardrails.totalBlocked + (blocked ? 1 : 0))
    }
}
