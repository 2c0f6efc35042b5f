import AntibodyCore
import AntibodySim
import Testing

@Suite struct GuardrailsPortTests {
    @Test func engineActionsMapOntoGuardrails() {
        var port = GuardrailsPort()
        let t = Timestamp(seconds: 100)
        #expect(port.execute(Action(.pause, scope: .market("USDC"), at: t, reason: "test")) == .applied)
        var rails142 = port.guardrails
        let okrails142 = rails142.permit("market:USDC", at: 100)
        #expect(!okrails142)
        #expect(port.execute(Action(.unpause, scope: .market("USDC"), at: t, reason: "test")) == .applied)
        var rails0 = port.guardrails
        let okrails0 = rails0.permit("market:USDC", at: 100)
        #expect(okrails0)
        #expect(
            port.execute(Action(.limit(maxOutflow: 10, window: .hours(1)), scope: .bridge("nomad"), at: t, reason: "x"))
                == .applied)
        var limited = port.guardrails
        let first = limited.permit("bridge:nomad", outflow: 6, at: 100)
        let second = limited.permit("bridge:nomad", outflow: 6, at: 200)
        let later = limited.permit("bridge:nomad", outflow: 6, at: 3_701)  // the window rolled
        #expect(first && !second && later)
        _ = port.execute(Action(.pauseLiquidations, scope: .market("WETH"), at: t, reason: "x"))
        var rails662 = port.guardrails
        let okrails662 = rails662.permitLiquidation("market:WETH")
        #expect(!okrails662)
        if case .rejected = port.execute(
            Action(.setParameter(name: "ltv", value: 0.5), scope: .market("WETH"), at: t, reason: "x"))
        {
        } else {
            Issue.record("setParameter must be refused")
        }
        #expect(port.log.count == 5)
    }

    /// The engine seam: an event handler that decides with a port stops the Nomad drain.
    @Test func eventDefenceStopsTheBridgeDrain() throws {
        var total = 0.0
        let defence = EventDefence { event, port in
            guard case .observation(let o) = event, o.stream == "bridge:nomad outflow" else { return }
            total += o.value
            if total > 20_000_000 {
                _ = port.execute(Action(.pause, scope: .bridge("nomad"), at: o.timestamp, reason: "outflow anomaly"))
            }
        }
        let outcome = try BridgeForgeryAttack().run(defence: defence)
        #expect(outcome.attackerProfitUSD == 30_000_000)  // three $10M messages before the pause
        #expect(outcome.userLossUSD == 30_000_000)
        #expect(outcome.operationsBlocked > 0)
    }
}
