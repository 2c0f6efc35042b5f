import AntibodyCore
import AntibodyEngine
import AntibodySim
import Testing

/// The real engine, loaded from a policy, defending the simulated Nomad bridge through the
/// simulator's ProtocolPort: the `bridge.minted <= bridge.locked` invariant pauses `bridge:nomad`
/// after the first forged message.
@Suite struct EngineWiringTests {
    static let policy = """
        version = 1
        [protocol]
        name = "nomad-like bridge"
        chain_id = 1
        kind = "bridge"
        assets = ["USDC"]
        bridges = ["nomad"]

        [[feeds]]
        asset = "USDC"
        min_price = 0.5
        max_price = 2.0
        max_staleness = "1h"

        [[invariants]]
        name = "fully-backed"
        expression = "bridge.minted <= bridge.locked"
        response = "pause"

        [responses.pause_decision]
        expected_pause_hours = 6
        fees_per_hour_usd = 500
        user_cost_per_hour_usd = 2500
        value_at_risk_usd = 190000000

        [governance]
        signers = ["0x1111111111111111111111111111111111111111"]
        pause_threshold = 1
        unpause_threshold = 1
        timelock = "48h"
        """

    @Test func engineInvariantStopsTheForgedMessageDrain() throws {
        let policy = try Policy.load(source: Self.policy, file: "nomad.toml")
        var engine = Engine(policy: policy, port: GuardrailsPort(), recorder: CollectingRecorder())
        let defence = EventDefence { event, port in
            engine.port = port
            engine.handle(event)
            port = engine.port
        }
        let open = try BridgeForgeryAttack().run(defence: NoDefence())
        let guarded = try BridgeForgeryAttack().run(defence: defence)
        #expect(open.userLossUSD == 190_000_000)
        #expect(guarded.attackerProfitUSD == 10_000_000)  // one forged message, then the pause
        #expect(guarded.userLossUSD == 10_000_000)
        #expect(guarded.operationsBlocked > 0)
        // The port is rebuilt over the simulation's guardrails for each event, so the engine's own
        // records say what it decided.
        #expect(engine.pauses.count == 1)
        #expect(engine.recorder.decisions.contains { $0.kind == .invariantViolated && $0.subject == "bridge:nomad" })
    }
}
