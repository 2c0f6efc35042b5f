import Foundation
import Testing

@testable import AntibodyReport

/// A small report with one attack and one control, with every chart fed.
func sampleReport() -> SimulationReport {
    let price = (0..<120).map { SeriesPoint(t: Double($0) * 60, value: $0 < 60 ? 1 : 1 + Double($0 - 60) * 0.05) }
    let attack = ScenarioResult(
        name: "demo-attack", kind: .attack, title: "Demo <attack> & pump", facts: "date: 2020-02-15",
        lossOffUSD: 2_000_000, lossOnUSD: 50_000, detectSeconds: 60, containSeconds: 60, falseAlarms: 0,
        falsePauses: 0, pauseHours: 1.5, pauseCostUSD: 15_000, liquidationsBlocked: 2, seed: 7,
        priceLabel: "TOKEN/USD", price: price, alarms: [3660],
        pauses: [ReportInterval(start: 3660, end: 3660 + 5400, label: "market:TOKEN")],
        tvlOff: price.map { SeriesPoint(t: $0.t, value: 20e6 - ($0.t > 3600 ? 2e6 : 0)) },
        tvlOn: price.map { SeriesPoint(t: $0.t, value: 20e6) },
        outflowOn: price.map { SeriesPoint(t: $0.t, value: $0.t / 7200 * 1e6) }, limiterBand: 1.5e6,
        timeline: [
            TimelineEntry(
                t: 3660, kind: "breakerTripped", severity: "high", message: "jump 5 %",
                actions: ["pause market:TOKEN"], evidence: ["expectedLossUSD": 4e7, "pauseCostUSD": 1e4])
        ])
    let control = ScenarioResult(
        name: "calm", kind: .control, title: "Calm", lossOffUSD: 0, lossOnUSD: 0,
        price: price.map { SeriesPoint(t: $0.t, value: 100 + sin($0.t / 600)) })
    return SimulationReport(scenarios: [attack, control], notes: ["Prices are simulated."])
}

@Suite struct HTMLReportTests {
    @Test func selfContainedWithCharts() {
        let html = HTMLReport.render(sampleReport())
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(
            !html.contains("http://")
                || !html.replacingOccurrences(of: "http://www.w3.org/2000/svg", with: "")
                    .contains("http://")
        )
        #expect(!html.contains("https://"))
        #expect(!html.contains("<script"))
        #expect(html.contains("id=\"loss-chart\""))
        #expect(html.contains("id=\"price-0\""))
        #expect(html.contains("id=\"tvl-0\""))
        #expect(html.contains("class=\"pause\""))
        #expect(html.contains("class=\"alarm\""))
        #expect(html.contains("class=\"band\""))
        #expect(html.contains("Demo &lt;attack&gt; &amp; pump"))
        #expect(html.contains("expectedLossUSD=40.00M"))
    }

    @Test func summaryIsLossWeighted() {
        var r = sampleReport()
        r.scenarios.append(
            ScenarioResult(name: "b", kind: .attack, title: "b", lossOffUSD: 1_000_000, lossOnUSD: 1_000_000))
        // (3M − 1.05M) / 3M
        #expect(abs(r.preventedPercent - 65) < 1e-9)
        #expect(r.falsePausesInControls == 0)
    }

    @Test func jsonHasTheDocumentedFields() throws {
        let text = SimulationJSON.render(sampleReport())
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        let rows = try #require(object?["scenarios"] as? [[String: Any]])
        #expect(rows.count == 2)
        for key in [
            "name", "kind", "lossOffUSD", "lossOnUSD", "preventedPercent", "detectSeconds", "containSeconds",
            "falseAlarms", "falsePauses", "pauseHours", "liquidationsBlocked",
        ] {
            #expect(rows[0][key] != nil, "missing \(key)")
            #expect(rows[1].keys.contains(key), "missing \(key)")
        }
        #expect(rows[1]["detectSeconds"] is NSNull)
        let summary = try #require(object?["summary"] as? [String: Any])
        #expect(abs((summary["preventedPercent"] as? Double ?? 0) - 97.5) < 1e-9)
        #expect(summary["falsePausesInControls"] as? Int == 0)
    }

    @Test func csvQuotesAndRows() {
        var r = sampleReport()
        r.scenarios[0].name = "a,\"b\""
        let lines = SimulationCSV.render(r).split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[1].hasPrefix("\"a,\"\"b\"\"\",attack,2000000.0,50000.0,97.5,60.0,60.0,"))
        #expect(lines[2].hasPrefix("calm,control,0.0,0.0,100.0,,,"))
    }
}
