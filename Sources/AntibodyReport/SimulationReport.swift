/// The results of a set of scenarios and their summary: what `antibody simulate` prints, writes as
/// JSON and renders as HTML.
public struct SimulationReport: Hashable, Sendable, Codable {
    /// Every scenario, in run order.
    public var scenarios: [ScenarioResult]
    /// Free text on what is modelled and what is not, shown at the top of the HTML report.
    public var notes: [String]

    /// A report over `scenarios` with `notes`.
    public init(scenarios: [ScenarioResult], notes: [String] = []) {
        self.scenarios = scenarios
        self.notes = notes
    }

    /// Loss prevented over all attack scenarios, weighted by their loss with the defence off:
    /// 100 × (Σ off − Σ on) / Σ off; 100 when no attack lost anything.
    public var preventedPercent: Double {
        let attacks = scenarios.filter { $0.kind == .attack }
        let off = attacks.reduce(0) { $0 + $1.lossOffUSD }
        let on = attacks.reduce(0) { $0 + $1.lossOnUSD }
        guard off > 0 else { return 100 }
        return (off - on) / off * 100
    }

    /// Total loss with the defence off over the attack scenarios, USD.
    public var lossOffUSD: Double { scenarios.filter { $0.kind == .attack }.reduce(0) { $0 + $1.lossOffUSD } }
    /// Total loss with the defence on over the attack scenarios, USD.
    public var lossOnUSD: Double { scenarios.filter { $0.kind == .attack }.reduce(0) { $0 + $1.lossOnUSD } }

    /// Pauses ordered in the calm controls (each a false pause).
    public var falsePausesInControls: Int {
        scenarios.filter { $0.kind == .control }.reduce(0) { $0 + $1.falsePauses }
    }

    /// Alarms raised in the calm controls.
    public var falseAlarmsInControls: Int {
        scenarios.filter { $0.kind == .control }.reduce(0) { $0 + $1.falseAlarms }
    }
}
