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
        print(open)
        let guarded = try FlashLoanOracleAttack().run(
            defence: DeviationBreaker(threshold: 0.2, scope: "market:TOKEN"))
        #expect(guarded.attackerProfitUSD <= 0)
        #expect(guarded.badDebtUSD < 1)
        #expect(guarded.operationsBlocked >= 1)
    }
}
