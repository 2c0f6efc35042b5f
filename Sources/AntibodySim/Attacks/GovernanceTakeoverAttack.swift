import AntibodyCore
import AntibodyMath

/// Beanstalk, April 2022: the attacker submitted a proposal sending the treasury to itself, waited
/// the one day `emergencyCommit` required, then in one transaction flash-borrowed enough assets to
/// hold a two-thirds supermajority of voting power, voted, committed, withdrew and repaid. The
/// protocol's treasury bore the loss.
///
/// Here the governance token is flash-borrowed from a lending pool (`GOV` reserve, 0.09 % premium)
/// and the treasury holds USDC.
public struct GovernanceTakeoverAttack: Sendable {
    /// Voting power already deposited by honest holders.
    public var honestPower: UInt256 = 100_000_000_000_000_000_000_000_000  // 100M GOV (18 decimals)
    /// GOV available to flash-borrow.
    public var lendableGOV: UInt256 = 500_000_000_000_000_000_000_000_000  // 500M GOV
    /// The treasury (USDC raw units).
    public var treasury: UInt256 = 80_000_000_000_000  // $80M
    /// GOV's price in USD (for the premium's cost).
    public var govPrice = 0.1

    /// The default scenario.
    public init() {}

    /// Runs the attack against `defence` (observations: `"governance:votes share"`, the share of
    /// voting power held by the proposal's voters, just before a commit).
    public func run(defence: some DefenceHook) throws(SimError) -> AttackOutcome {
        var tap: TransactionTap? = nil
        return try run(defence: defence, tap: &tap)
    }

    /// Runs the attack, recording every executed transaction into `tap` when it is not `nil`.
    func run(defence: some DefenceHook, tap: inout TransactionTap?) throws(SimError) -> AttackOutcome {
        var defence = defence
        var guardrails = Guardrails()
        var clock = SimClock()
        var gov = Governance(treasury: treasury)
        let holder = 0, attackerID = 1
        tap?.kinds = [holder: .governanceHolder, attackerID: .governanceTakeover]
        let govPrice = self.govPrice
        func record(
            _ account: Int, _ operation: TransactionOperation, _ value: Double, _ before: Governance,
            outflow: Double = 0, deposited: Double = 0, withdrawn: Double = 0
        ) {
            tap?.recordGovernance(
                account: account, operation: operation, value: value, governance: before, tokenPrice: govPrice,
                block: Int64(clock.block), outflowShare: outflow, deposited: deposited, withdrawn: withdrawn)
        }
        let honestValue = Double(honestPower) / 1e18 * govPrice
        record(holder, .governanceDeposit, honestValue, gov, deposited: honestValue)
        try gov.deposit(holder, amount: honestPower)
        let gCfg = ReserveConfiguration(
            symbol: "GOV", decimals: 18, ltv: 5_000, liquidationThreshold: 6_500, liquidationBonus: 11_000,
            reserveFactor: 1_000, optimalUsageRatio: 450_000_000_000_000_000_000_000_000, baseVariableBorrowRate: 0,
            variableRateSlope1: 70_000_000_000_000_000_000_000_000,
            variableRateSlope2: 3_000_000_000_000_000_000_000_000_000)
        var lender = try LendingPool(
            configurations: [gCfg], prices: [UInt256(UInt64(govPrice * 1e8))], now: UInt64(clock.seconds))
        let supplier = try lender.addAccount(wallet: [lendableGOV])
        try lender.supply(supplier, asset: 0, amount: lendableGOV)
        let attacker = try lender.addAccount(wallet: [.zero])
        // The attacker needs the premium: it buys it beforehand (cost counted).
        let borrow = lendableGOV - 1
        let premium = try AaveMath.percentMul(borrow, lender.flashLoanPremium)
        try lender.credit(attacker, asset: 0, amount: premium)
        let cost = Double(premium) / 1e18 * govPrice
        record(attackerID, .governancePropose, 0, gov)
        let id = gov.propose(attacker, recipient: attacker, amount: treasury, at: clock.seconds)
        clock.advance(blocks: 86_400 / 12 + 1)
        lender.advance(seconds: 86_400 + 12)
        var stolen = UInt256.zero
        var blocked = 0
        let borrowedValue = Double(borrow) / 1e18 * govPrice
        let tapBefore = tap
        do {
            var g = gov
            var rails = guardrails
            try lender.flashLoan(receiver: attacker, asset: 0, amount: borrow) {
                (pool: inout LendingPool) throws(SimError) in
                try pool.debit(attacker, asset: 0, amount: borrow)
                if tap != nil {
                    tap?.record(
                        account: attackerID, operation: .flashLoan, block: Int64(clock.block),
                        notionalUSD: borrowedValue, tvlUSD: Double(lendableGOV) / 1e18 * govPrice,
                        outflowShare: Double(borrow) / Double(lendableGOV))
                    tap?.insideFlashLoan = true
                }
                record(attackerID, .governanceDeposit, borrowedValue, g, deposited: borrowedValue)
                try g.deposit(attacker, amount: borrow)
                record(attackerID, .governanceVote, Double(g.power[attacker] ?? .zero) / 1e18 * govPrice, g)
                try g.vote(id, voter: attacker)
                let share = Double(g.votes(for: id)) / Double(g.totalPower)
                defence.observe(
                    Observation(stream: "governance:votes share", timestamp: clock.timestamp, value: share),
                    guardrails: &rails)
                guard rails.permit("protocol", outflow: Double(g.treasury) / 1e6, at: clock.seconds) else {
                    throw .revert("GUARDED: governance execution paused")
                }
                let beforeCommit = g
                stolen = try g.emergencyCommit(id, at: clock.seconds)
                let taken = Double(stolen) / 1e6
                record(
                    attackerID, .governanceCommit, taken, beforeCommit,
                    outflow: TransactionTap.share(stolen, of: beforeCommit.treasury), withdrawn: taken)
                let beforeWithdraw = g
                try g.withdraw(attacker, amount: borrow)
                record(
                    attackerID, .governanceWithdraw, borrowedValue, beforeWithdraw,
                    outflow: TransactionTap.share(borrow, of: beforeWithdraw.totalPower), withdrawn: borrowedValue)
                tap?.insideFlashLoan = false
                try pool.credit(attacker, asset: 0, amount: borrow)
            }
            gov = g
            guardrails = rails
        } catch {
            guard error.revertReason?.hasPrefix("GUARDED") == true else { throw error }
            blocked += 1
            stolen = .zero
            tap = tapBefore  // the reverted transaction executed nothing
        }
        let profit = Double(stolen) / 1e6 - (blocked > 0 ? 0 : cost)
        return AttackOutcome(
            scenario: "beanstalk-flash-loan-governance", attackerProfitUSD: profit,
            attackerProfitUnits: ["USDC": stolen.description],
            treasuryLossUSD: Double(treasury - gov.treasury) / 1e6, lossBearer: .protocolTreasury,
            operationsBlocked: guardrails.totalBlocked + blocked)
    }
}
