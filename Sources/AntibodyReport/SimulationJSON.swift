public import Foundation

/// The `--json` document of `antibody simulate`: `scenarios` (one object per scenario with the
/// fields the CLI documents) and `summary` (`preventedPercent` over all attacks, weighted by loss,
/// and `falsePausesInControls`). Absent times (never detected) are `null`.
public enum SimulationJSON {
    struct Row: Encodable {
        var name: String
        var kind: String
        var lossOffUSD: Double
        var lossOnUSD: Double
        var preventedPercent: Double
        var detectSeconds: Double?
        var containSeconds: Double?
        var falseAlarms: Int
        var falsePauses: Int
        var pauseHours: Double
        var pauseCostUSD: Double
        var liquidationsBlocked: Int
        var seed: UInt64

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(name, forKey: .name)
            try c.encode(kind, forKey: .kind)
            try c.encode(lossOffUSD, forKey: .lossOffUSD)
            try c.encode(lossOnUSD, forKey: .lossOnUSD)
            try c.encode(preventedPercent, forKey: .preventedPercent)
            try c.encode(detectSeconds, forKey: .detectSeconds)  // explicit null when absent
            try c.encode(containSeconds, forKey: .containSeconds)
            try c.encode(falseAlarms, forKey: .falseAlarms)
            try c.encode(falsePauses, forKey: .falsePauses)
            try c.encode(pauseHours, forKey: .pauseHours)
            try c.encode(pauseCostUSD, forKey: .pauseCostUSD)
            try c.encode(liquidationsBlocked, forKey: .liquidationsBlocked)
            try c.encode(seed, forKey: .seed)
        }

        enum CodingKeys: String, CodingKey {
            case name, kind, lossOffUSD, lossOnUSD, preventedPercent, detectSeconds, containSeconds, falseAlarms
            case falsePauses, pauseHours, pauseCostUSD, liquidationsBlocked, seed
        }
    }

    struct Summary: Encodable {
        var preventedPercent: Double
        var lossOffUSD: Double
        var lossOnUSD: Double
        var falsePausesInControls: Int
        var falseAlarmsInControls: Int
        var attacks: Int
        var controls: Int
    }

    struct Document: Encodable {
        var scenarios: [Row]
        var summary: Summary
    }

    /// The document for `report`, pretty-printed with sorted keys.
    public static func render(_ report: SimulationReport) -> String {
        let rows = report.scenarios.map {
            Row(
                name: $0.name, kind: $0.kind.rawValue, lossOffUSD: finite($0.lossOffUSD),
                lossOnUSD: finite($0.lossOnUSD),
                preventedPercent: finite($0.preventedPercent), detectSeconds: $0.detectSeconds.map(finite),
                containSeconds: $0.containSeconds.map(finite), falseAlarms: $0.falseAlarms,
                falsePauses: $0.falsePauses, pauseHours: finite($0.pauseHours), pauseCostUSD: finite($0.pauseCostUSD),
                liquidationsBlocked: $0.liquidationsBlocked, seed: $0.seed)
        }
        let summary = Summary(
            preventedPercent: finite(report.preventedPercent), lossOffUSD: finite(report.lossOffUSD),
            lossOnUSD: finite(report.lossOnUSD), falsePausesInControls: report.falsePausesInControls,
            falseAlarmsInControls: report.falseAlarmsInControls,
            attacks: report.scenarios.filter { $0.kind == .attack }.count,
            controls: report.scenarios.filter { $0.kind == .control }.count)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        guard let data = try? encoder.encode(Document(scenarios: rows, summary: summary)) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    /// JSON has no NaN or infinity: such values become 0.
    static func finite(_ x: Double) -> Double { x.isFinite ? x : 0 }
}
