public import AntibodyCore

/// Runs the engine of a policy over recorded price series and summarises its decisions.
public enum Backtest {
    /// Merges `series` by time (ties in argument order), runs them through the engine and reports.
    /// `progress` is called now and then with (events done, events total).
    public static func run(
        policy: Policy, series: [PriceSeries],
        progress: ((Int, Int) -> Void)? = nil
    ) -> BacktestReport {
        var engine = Engine(policy: policy, port: RecordingPort(), recorder: CollectingRecorder())
        let total = series.reduce(0) { $0 + $1.prices.count }
        var cursor = Array(repeating: 0, count: series.count)
        var done = 0
        let step = max(1, total / 100)
        while true {
            var best = -1
            for s in series.indices where cursor[s] < series[s].prices.count {
                if best < 0 || series[s].timestamps[cursor[s]] < series[best].timestamps[cursor[best]] { best = s }
            }
            guard best >= 0 else { break }
            let i = cursor[best]
            cursor[best] += 1
            engine.handle(
                .observation(
                    Observation(
                        stream: series[best].asset, timestamp: series[best].timestamps[i],
                        value: series[best].prices[i], source: series[best].sources[i])))
            done += 1
            if let progress, done % step == 0 { progress(done, total) }
        }
        progress?(total, total)
        let start = series.compactMap(\.timestamps.first).min() ?? .epoch
        let end = series.compactMap(\.timestamps.last).max() ?? .epoch
        return report(engine, start: start, end: end)
    }

    /// The report of an engine after a run from `start` to `end`.
    public static func report<Port>(
        _ engine: Engine<Port, CollectingRecorder>, start: Timestamp, end: Timestamp
    )
        -> BacktestReport
    {
        let decisions = engine.recorder.decisions
        let alarms = decisions.filter { $0.kind == .alarm }.map { d in
            BacktestReport.Alarm(
                timestamp: d.timestamp, asset: String(d.subject.dropFirst("asset:".count)),
                detector: d.source, severity: d.severity, score: d.evidence["score"] ?? .nan)
        }
        let pauses = engine.openPausesClosed(at: end).map { p in
            BacktestReport.Pause(
                start: p.start, end: p.end ?? end, hours: p.hours(until: end),
                scope: p.scope.description, reason: p.reason, costUSD: engine.cost(of: p, until: end))
        }
        return BacktestReport(
            alarms: alarms, pauses: pauses, breakerTrips: decisions.filter { $0.kind == .breakerTripped }.count,
            suppressedTrips: decisions.filter { $0.kind == .pauseDecided && $0.message.contains("would trip") }.count,
            invariantViolations: decisions.filter { $0.kind == .invariantViolated || $0.kind == .invariantFailed }
                .count,
            parameterChanges: decisions.filter { $0.kind == .parameterChanged }.count,
            pauseCostUSD: pauses.reduce(0) { $0 + $1.costUSD }, events: engine.eventsProcessed,
            rejected: engine.eventsRejected, start: start, end: end,
            ltvChanges: decisions.filter { $0.kind == .parameterChanged }.flatMap { d in
                d.actions.compactMap { action -> BacktestReport.LTVChange? in
                    guard case .setParameter("ltv", let value) = action.kind, case .market(let market) = action.scope
                    else { return nil }
                    return BacktestReport.LTVChange(timestamp: action.timestamp, market: market, ltv: value)
                }
            })
    }
}
