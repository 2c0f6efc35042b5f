import AntibodyCore
import AntibodyMath
import AntibodySim
import Testing

/// A minimal deviation breaker used to show the defence hook works: it pauses `scope` when a
/// stream's value jumps by more than `threshold` (relative) from the previous observation.
struct DeviationBreaker: DefenceHook {
    let threshold: Double
    let scope: String
    var last: [String: Double] = [:]
    mutating func observe(_ observation: Observation, guardrails: inout Guardrails) {
        if let previous = last[observation.stream], abs(observation.value / previous - 1) > threshold {
            guardrails.pause(scope)
        }
        last[observation.stream] = observation.value
    }
}

@Suite struct AttackTests {
    @Test func bzxFlashLoanOracleManipulation() throws {
        let open = try FlashLoanOracleAttack().run(defence: NoDefence())
        #expect(open.attackerProfitUSD > 1_000_000)
        #expect(open.badDebtUSD > 1_000_000)
        #expect(open.lossBearer == .lendingSuppliers)
        #expect(open.lpLossUSD < 0)  // the pair's LPs sold TOKEN high: they gained, suppliers lost
        #expect(open.liquidationsExecuted >= 1)
        let guarded = try FlashLoanOracleAttack().run(
            defence: DeviationBreaker(threshold: 0.2, scope: "market:TOKEN"))
        #expect(guarded.attackerProfitUSD <= 0)
        #expect(guarded.badDebtUSD < 1)
        #expect(guarded.operationsBlocked >= 1)
    }
}

@Suite struct MoreAttackTests {
    @Test func inverseTWAPManipulationHeldOverBlocks() throws {
        let open = try TWAPManipulationAttack().run(defence: NoDefence())
        #expect(open.attackerProfitUSD > 100_000)
        #expect(open.badDebtUSD > 100_000)
        #expect(open.lossBearer == .lendingSuppliers)
        // Held for too few blocks, the TWAP barely moves and borrowing against it does not pay.
        var short = TWAPManipulationAttack()
        short.holdBlocks = 2
        let quick = try short.run(defence: NoDefence())
        #expect(quick.attackerProfitUSD < open.attackerProfitUSD)
    }

    @Test func mangoBorrowsEverythingAgainstSelfPumpedCollateral() throws {
        let open = try SelfCollateralAttack().run(defence: NoDefence())
        #expect(open.attackerProfitUSD > 1_000_000)
        #expect(open.badDebtUSD > 1_000_000)
        #expect(open.lossBearer == .lendingSuppliers)
        #expect(UInt256(decimal: open.attackerProfitUnits["WETH"]!)! > 0)  // every asset drained, WETH too
        let guarded = try SelfCollateralAttack().run(defence: DeviationBreaker(threshold: 0.5, scope: "protocol"))
        #expect(guarded.badDebtUSD < 1)
        #expect(guarded.attackerProfitUSD < 0)  // the pump cost is sunk
    }

    @Test func vaultDonationInflationAndTheVirtualShareDefence() throws {
        let open = try VaultInflationAttack().run(defence: NoDefence())
        #expect(open.attackerProfitUSD > 200_000)
        #expect(open.userLossUSD > 200_000)
        #expect(open.lossBearer == .vaultDepositors)
        let offset = try VaultInflationAttack(decimalsOffset: 6).run(defence: NoDefence())
        #expect(offset.attackerProfitUSD < 0)
        #expect(offset.userLossUSD < 1)
    }

    @Test func beanstalkFlashLoanedGovernanceTakeover() throws {
        let open = try GovernanceTakeoverAttack().run(defence: NoDefence())
        #expect(open.attackerProfitUSD > 70_000_000)
        #expect(open.treasuryLossUSD == 80_000_000)
        #expect(open.lossBearer == .protocolTreasury)
        let guarded = try GovernanceTakeoverAttack().run(
            defence: ClosureDefence { o, rails in
                if o.stream == "governance:votes share", o.value > 0.5 { rails.pause("protocol") }
            })
        #expect(guarded.attackerProfitUSD <= 0)
        #expect(guarded.treasuryLossUSD == 0)
        #expect(guarded.operationsBlocked >= 1)
    }

    @Test func nomadForgedMessagesDrainTheEscrow() throws {
        let open = try BridgeForgeryAttack().run(defence: NoDefence())
        #expect(open.attackerProfitUSD == 190_000_000)
        #expect(open.userLossUSD == 190_000_000)
        #expect(open.lossBearer == .bridgedTokenHolders)
        let fixed = try BridgeForgeryAttack(trustZeroRoot: false).run(defence: NoDefence())
        #expect(fixed.attackerProfitUSD == 0)
        #expect(fixed.userLossUSD == 0)
    }

    @Test func adaptiveAttackerStaysUnderTheOutflowLimit() throws {
        var naive = BridgeForgeryAttack()
        naive.guardrails.limit("bridge:nomad", maxOutflow: 5_000_000, window: 3_600)
        let blocked = try naive.run(defence: NoDefence())
        #expect(blocked.attackerProfitUSD == 0)
        #expect(blocked.operationsBlocked > 0)
        let adaptive = try AdaptiveAttacker.drainBridge(
            limit: 5_000_000, window: 3_600, horizon: 86_400, defence: NoDefence())
        #expect(adaptive.attackerProfitUSD > 100_000_000)  // ~24 windows × $4.95M
        #expect(adaptive.attackerProfitUSD <= 24 * 5_000_000 + 1)
        #expect(adaptive.operationsBlocked == 0)
    }

    @Test func adaptiveAttackerStaysUnderTheDeviationTrigger() throws {
        let breaker = DeviationBreaker(threshold: 0.2, scope: "protocol")
        let naive = try AdaptiveAttacker.creepOracle(threshold: 0.2, naive: true, defence: breaker)
        #expect(naive.operationsBlocked >= 1)
        #expect(naive.attackerProfitUSD < 0)
        #expect(naive.badDebtUSD < 1)
        let adaptive = try AdaptiveAttacker.creepOracle(threshold: 0.2, defence: breaker)
        #expect(adaptive.operationsBlocked == 0)
        #expect(adaptive.attackerProfitUSD > 0)
        #expect(adaptive.badDebtUSD > 0)
    }
}
