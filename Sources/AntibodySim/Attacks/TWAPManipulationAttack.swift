import AntibodyMath

/// Inverse Finance, April 2022: the lending market priced its collateral with a short TWAP of a
/// thin AMM pair. The attacker pushed the pair's price up and *held* it there for several blocks
/// (arbitrage was kept out — the real attacker bundled transactions so no one could trade back in
/// between), until the TWAP caught up; then it posted the TOKEN it had bought as collateral and
/// borrowed the market's stablecoins. The market's suppliers were left with the bad debt.
///
/// Here: the attacker swaps its own `capital` USDC into TOKEN, keeps the pair pumped for
/// `holdBlocks` blocks while the keeper records the TWAP each block, supplies the TOKEN, borrows
/// all the USDC it can at the TWAP price, and walks away.
public struct TWAPManipulationAttack: Sendable {
    /// TOKEN/USDC pair reserves (raw units).
    public var pairToken: UInt256 = 1_000_000_000_000_000_000_000_000  // 1,000,000 TOKEN
    /// USDC reserve of the pair (raw units).
    public var pairUSDC: UInt256 = 1_000_000_000_000  // $1,000,000
    /// USDC supplied by honest users.
    public var supplied: UInt256 = 20_000_000_000_000
    /// The attacker's own USDC.
    public var capital: UInt256 = 3_000_000_000_000
    /// TWAP window (seconds) and how many 12-second blocks the attacker holds the price.
    public var window: UInt64 = 600
    /// Blocks the manipulated price is held.
    public var holdBlocks = 60

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
        var world = try LendingMarketWorld(
            pairToken: pairToken, pairUSDC: pairUSDC, supplied: supplied, oracle: .twap(window: window))
        let attacker = try world.addAccount(wallet: [.zero, capital])
        let keeper = try world.addAccount(wallet: [1_000_000_000_000_000_000_000_000_000_000, 1_000_000_000_000_000])
        world.tap = tap.map {
            var t = $0; t.kinds = [attacker: .twapManipulation, keeper: .arbitrageur]; return t
        }
        // A calm history long enough for the TWAP to exist.
        for _ in 0..<Int(window / 12) + 2 {
            world.nextBlock()
            try world.refreshOracle(defence: &defence)
        }
        let before = world.walletUSD(attacker)
        var blocked = 0
        do {
            let bought = try world.swap(attacker, amountIn: capital, tokenIn: LendingMarketWorld.usdc)
            for _ in 0..<holdBlocks {
                world.nextBlock()
                try world.refreshOracle(defence: &defence)
            }
            try world.supply(attacker, asset: LendingMarketWorld.token, amount: bought)
            try world.borrow(
                attacker, asset: LendingMarketWorld.usdc,
                amount: try world.borrowable(attacker, asset: LendingMarketWorld.usdc))
        } catch {
            guard error.revertReason?.hasPrefix("GUARDED") == true else { throw error }
            blocked += 1
        }
        // Afterwards arbitrage restores the pair; the TWAP follows over the window; liquidators act.
        try world.arbitrageToTruePrice(arbitrageur: keeper)
        for _ in 0..<Int(window / 12) + 2 {
            world.nextBlock()
            try world.refreshOracle(defence: &defence)
        }
        world.liquidateFully(
            attacker, liquidator: keeper, collateral: LendingMarketWorld.token, debtAsset: LendingMarketWorld.usdc)
        // An attacker stopped before borrowing still holds its TOKEN: value it at the true price.
        let tokenHeld = try world.pool.supplied(attacker, asset: LendingMarketWorld.token)
        let stuck =
            world.pool.accounts[attacker].borrowing.contains(true)
            ? 0 : world.usd(tokenHeld, asset: LendingMarketWorld.token)
        let badDebt = try world.badDebtUSD()
        if tap != nil { tap = world.tap }
        return AttackOutcome(
            scenario: "inverse-twap-manipulation", attackerProfitUSD: world.walletUSD(attacker) + stuck - before,
            attackerProfitUnits: ["USDC": world.pool.accounts[attacker].wallet[LendingMarketWorld.usdc].description],
            badDebtUSD: badDebt, userLossUSD: badDebt, lpLossUSD: world.lpLossUSD, lossBearer: .lendingSuppliers,
            liquidationsExecuted: world.liquidationsExecuted, liquidationsBlocked: world.guardrails.liquidationsBlocked,
            operationsBlocked: world.guardrails.totalBlocked + blocked)
    }
}
