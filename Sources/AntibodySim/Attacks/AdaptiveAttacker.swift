import AntibodyCore
import AntibodyMath

/// An attacker that reads the defence's published thresholds and stays just under them.
///
/// * ``drainBridge(limit:window:horizon:defence:)`` — against a Nomad-style vulnerable bridge
///   guarded by an outflow limit of `limit` per `window` seconds: instead of forging large messages
///   (refused), it forges messages of 99 % of the remaining allowance, one per window.
/// * ``creepOracle(threshold:defence:)`` — against a spot-priced lending market guarded by a
///   deviation breaker that pauses when one observation moves more than `threshold`: it pumps the
///   thin pair in per-block steps of 90 % of the threshold (holding the price between blocks, as
///   the Inverse attacker did), then borrows against the inflated collateral.
public enum AdaptiveAttacker {
    /// Drains a vulnerable bridge just under an outflow limit for `horizon` seconds.
    public static func drainBridge(
        limit: Double, window: Int64, horizon: Int64, locked: UInt256 = 190_000_000_000_000,
        defence: some DefenceHook
    ) throws(SimError) -> AttackOutcome {
        var tap: TransactionTap? = nil
        return try drainBridge(
            limit: limit, window: window, horizon: horizon, locked: locked, defence: defence, tap: &tap)
    }

    /// ``drainBridge(limit:window:horizon:locked:defence:)``, recording every executed transaction
    /// into `tap` when it is not `nil`.
    static func drainBridge(
        limit: Double, window: Int64, horizon: Int64, locked: UInt256, defence: some DefenceHook,
        tap: inout TransactionTap?
    ) throws(SimError) -> AttackOutcome {
        var defence = defence
        var guardrails = Guardrails()
        guardrails.limit("bridge:nomad", maxOutflow: limit, window: window)
        var clock = SimClock()
        var bridge = LockMintBridge(trustZeroRoot: true)
        let attacker = 2
        tap?.kinds = [1: .bridgeUser, attacker: .adaptiveBridgeDrain]
        try bridge.deposit(locked, recipient: 1)
        tap?.recordBridgeDeposit(account: 1, amount: locked, escrowBefore: .zero, block: Int64(clock.block))
        let start = clock.seconds
        var nonce: UInt64 = 1_000_000  // forged nonces, never dispatched by the source chain
        var lastSent: Int64? = nil
        while clock.seconds - start < horizon, !bridge.escrow.isZero {
            clock.advanceBlock()
            // Read the policy: one message per window, sized at 99 % of the allowance.
            if let lastSent, clock.seconds - lastSent < window { continue }
            let allowance = limit * 0.99
            let amount = Swift.min(UInt256(allowance * 1e6), bridge.escrow)
            guard guardrails.permit("bridge:nomad", outflow: Double(amount) / 1e6, at: clock.seconds) else { continue }
            let escrow = bridge.escrow
            try bridge.process(.init(nonce: nonce, recipient: attacker, amount: amount))
            tap?.recordBridgeRelease(account: attacker, amount: amount, escrowBefore: escrow, block: Int64(clock.block))
            nonce += 1
            lastSent = clock.seconds
            defence.observe(
                Observation(stream: "bridge:nomad outflow", timestamp: clock.timestamp, value: Double(amount) / 1e6),
                guardrails: &guardrails)
        }
        let stolen = bridge.released[attacker] ?? .zero
        return AttackOutcome(
            scenario: "adaptive-bridge-drain-under-limit", attackerProfitUSD: Double(stolen) / 1e6,
            attackerProfitUnits: ["USDC": stolen.description], userLossUSD: Double(bridge.deficit) / 1e6,
            lossBearer: .bridgedTokenHolders, operationsBlocked: guardrails.totalBlocked)
    }

    /// Pumps a spot oracle in steps just under `threshold` per block, then borrows. `naive: true`
    /// pumps in one step instead (what a deviation breaker is built to stop).
    public static func creepOracle(
        threshold: Double, targetMultiple: Double = 4, naive: Bool = false, defence: some DefenceHook
    ) throws(SimError) -> AttackOutcome {
        var tap: TransactionTap? = nil
        return try creepOracle(
            threshold: threshold, targetMultiple: targetMultiple, naive: naive, defence: defence, tap: &tap)
    }

    /// ``creepOracle(threshold:targetMultiple:naive:defence:)``, recording every executed
    /// transaction into `tap` when it is not `nil`.
    static func creepOracle(
        threshold: Double, targetMultiple: Double, naive: Bool, defence: some DefenceHook, tap: inout TransactionTap?
    ) throws(SimError) -> AttackOutcome {
        var defence = defence
        var world = try LendingMarketWorld(
            pairToken: 1_000_000_000_000_000_000_000_000, pairUSDC: 1_000_000_000_000, supplied: 20_000_000_000_000,
            oracle: .spot)
        let attacker = try world.addAccount(wallet: [.zero, 3_000_000_000_000])
        let keeper = try world.addAccount(wallet: [1_000_000_000_000_000_000_000_000_000_000, 1_000_000_000_000_000])
        world.tap = tap.map {
            var t = $0; t.kinds = [attacker: .adaptiveOracleCreep, keeper: .arbitrageur]; return t
        }
        try world.refreshOracle(defence: &defence)
        let before = world.walletUSD(attacker)
        let startPrice = Double(world.pair.reserve1) / Double(world.pair.reserve0)
        var blocked = 0
        do {
            while Double(world.pair.reserve1) / Double(world.pair.reserve0) < startPrice * targetMultiple {
                world.nextBlock()
                // Spot price after buying with x USDC: (r1 + 0.997x)² / k; step to (1 + 0.9·threshold)·now.
                let r0 = Double(world.pair.reserve0), r1 = Double(world.pair.reserve1)
                let stepFactor = naive ? targetMultiple : 1 + 0.9 * threshold
                let x = (r1 * stepFactor.squareRoot() - r1) / 0.997
                let cash = world.pool.accounts[attacker].wallet[LendingMarketWorld.usdc]
                let amount = Swift.min(UInt256(Swift.max(1, x)), cash)
                guard !amount.isZero else { break }
                try world.swap(attacker, amountIn: amount, tokenIn: LendingMarketWorld.usdc)
                try world.refreshOracle(defence: &defence)
                _ = r0
                if naive { break }
            }
            let tokens = world.pool.accounts[attacker].wallet[LendingMarketWorld.token]
            try world.supply(attacker, asset: LendingMarketWorld.token, amount: tokens)
            try world.borrow(
                attacker, asset: LendingMarketWorld.usdc,
                amount: try world.borrowable(attacker, asset: LendingMarketWorld.usdc))
        } catch {
            guard error.revertReason?.hasPrefix("GUARDED") == true else { throw error }
            blocked += 1
        }
        world.nextBlock()
        try world.arbitrageToTruePrice(arbitrageur: keeper)
        try world.refreshOracle(defence: &defence)
        world.liquidateFully(
            attacker, liquidator: keeper, collateral: LendingMarketWorld.token, debtAsset: LendingMarketWorld.usdc)
        // Unborrowed TOKEN (a blocked attack) is still the attacker's, at the true price.
        let held =
            world.pool.accounts[attacker].borrowing.contains(true)
            ? 0
            : world.usd(
                try world.pool.supplied(attacker, asset: LendingMarketWorld.token), asset: LendingMarketWorld.token)
        let badDebt = try world.badDebtUSD()
        if tap != nil { tap = world.tap }
        return AttackOutcome(
            scenario: naive ? "naive-oracle-pump" : "adaptive-oracle-creep-under-threshold",
            attackerProfitUSD: world.walletUSD(attacker) + held - before,
            attackerProfitUnits: ["USDC": world.pool.accounts[attacker].wallet[LendingMarketWorld.usdc].description],
            badDebtUSD: badDebt, userLossUSD: badDebt, lpLossUSD: world.lpLossUSD, lossBearer: .lendingSuppliers,
            liquidationsExecuted: world.liquidationsExecuted, liquidationsBlocked: world.guardrails.liquidationsBlocked,
            operationsBlocked: world.guardrails.totalBlocked + blocked)
    }
}
