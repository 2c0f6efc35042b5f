import AntibodyCore
import AntibodyEngine
public import AntibodyReport
import AntibodySim

/// Runs a scenario twice with the same seed — defence off (``NoDefence``) and on (the real engine
/// driven by the scenario's policy through ``EngineDefence``) — and measures what the report shows.
///
/// * loss: users + treasury (+ bad debt, which post-mortems count as the users'), USD;
/// * detect / contain: seconds from the first malicious transaction to the engine's first alarm or
///   response, and to its first containing action (pause, isolate, limit, liquidation pause);
/// * false alarms / pauses: those before the attack, except a pause still in force when it starts
///   (in a control, all of them);
/// * pause hours and cost: from the engine's pause records and the policy's cost per hour.
public enum ScenarioRunner {
    /// Runs `spec`, with `seed` replacing the file's seed when given.
    public static func run(_ spec: ScenarioSpec, seed: UInt64? = nil) throws -> ScenarioResult {
        let seed = seed ?? spec.seed
        let off = try runModel(spec, defence: NoDefence(), seed: seed)
        let log = DefenceLog()
        let on = try runModel(
            spec,
            defence: EngineDefence(
                policy: spec.policy, streams: spec.streams, log: log,
                historyMinutes: spec.historyMinutes),
            seed: seed)
        let offLog = DefenceLog()
        _ = try runModel(spec, defence: RecordOnly(log: offLog), seed: seed)
        return result(spec, seed: seed, off: off, on: on, log: log, offLog: offLog)
    }

    /// Records observations without defending: the defence-off price path for the chart.
    struct RecordOnly: DefenceHook {
        let log: DefenceLog
        mutating func observe(_ observation: Observation, guardrails: inout Guardrails) {
            log.observations.append(observation)
        }
    }

    static func loss(_ o: AttackOutcome) -> Double { max(o.userLossUSD, o.badDebtUSD) + o.treasuryLossUSD }

    static func runModel(_ spec: ScenarioSpec, defence: some DefenceHook, seed: UInt64) throws -> ModelRun {
        var defence = defence
        switch spec.model {
        case .flashLoanOracle(let a): return try outcome(a.run(defence: defence))
        case .twapManipulation(let a): return try outcome(a.run(defence: defence))
        case .selfCollateral(let a): return try outcome(a.run(defence: defence))
        case .vaultInflation(let a): return try outcome(a.run(defence: defence))
        case .governanceTakeover(let a): return try outcome(a.run(defence: defence))
        case .bridgeForgery(let a): return try outcome(a.run(defence: defence))
        case .adaptiveBridge(let limit, let window, let horizon):
            return try outcome(
                AdaptiveAttacker.drainBridge(
                    limit: limit, window: window, horizon: horizon,
                    defence: defence))
        case .adaptiveOracleCreep(let threshold, let multiple):
            return try outcome(
                AdaptiveAttacker.creepOracle(
                    threshold: threshold, targetMultiple: multiple,
                    defence: defence))
        case .repeatedExploit(let m): return m.run(defence: defence, seed: seed)
        case .priceShock(let m): return m.run(defence: defence, seed: seed)
        case .calmGBM(let stream, let start, let volatility, let minutes):
            var rails = Guardrails()
            var rng = Xoshiro256StarStar(seed: seed)
            var path = try GBMPath(start: start, drift: 0, volatility: volatility, step: 1.0 / 525_600)
            let t0: Int64 = 1_600_000_000
            for m in 0..<minutes {
                let price = m == 0 ? start : path.next(using: &rng)
                defence.observe(
                    Observation(
                        stream: stream, timestamp: Timestamp(seconds: t0 + Int64(m) * 60),
                        value: price), guardrails: &rails)
            }
            return ModelRun(lossUSD: 0)
        case .recorded(let stream, let series):
            var rails = Guardrails()
            for (t, p) in zip(series.timestamps, series.prices) {
                defence.observe(Observation(stream: stream, timestamp: t, value: p), guardrails: &rails)
            }
            return ModelRun(lossUSD: 0)
        }
    }

    static func outcome(_ o: AttackOutcome) -> ModelRun {
        ModelRun(lossUSD: loss(o), liquidationsBlocked: o.liquidationsBlocked)
    }

    static func result(
        _ spec: ScenarioSpec, seed: UInt64, off: ModelRun, on: ModelRun, log: DefenceLog,
        offLog: DefenceLog
    ) -> ScenarioResult {
        let observations = log.observations
        let origin = observations.first?.timestamp ?? on.tvl.first?.0 ?? Timestamp(seconds: 0)
        func rel(_ t: Timestamp) -> Double { origin.duration(to: t).seconds }
        let end =
            [observations.last?.timestamp, on.tvl.last?.0, log.decisions.last?.timestamp]
            .compactMap { $0 }.max() ?? origin
        let attackStart: Timestamp? =
            spec.kind == .control
            ? nil
            : on.attackStart ?? off.attackStart
                ?? (observations.indices.contains(spec.attackStartObservation)
                    ? observations[spec.attackStartObservation].timestamp : observations.last?.timestamp)
        let responseKinds: Set<String> = [
            "alarm", "breakerTripped", "invariantViolated", "invariantFailed",
            "limiterChanged", "pauseDecided", "parameterChanged",
        ]
        let responses = log.decisions.filter { responseKinds.contains($0.kind.rawValue) && !$0.message.isEmpty }
        let containing: Set<String> = ["pause", "isolate", "limit", "pauseLiquidations"]
        var detect: Double?, contain: Double?
        // A pause already in force when the attack starts contained it pre-emptively.
        let openAtStart =
            attackStart.map { a in log.pauses.contains { $0.start <= a && ($0.end.map { $0 > a } ?? true) } }
            ?? false
        if attackStart != nil, openAtStart {
            detect = 0
            contain = 0
        } else if let a = attackStart {
            if let d = responses.first(where: { $0.timestamp >= a }) { detect = a.duration(to: d.timestamp).seconds }
            if let c = log.actions.first(where: { $0.timestamp >= a && containing.contains($0.kindName) }) {
                contain = a.duration(to: c.timestamp).seconds
            }
        }
        let alarms = log.decisions.filter { $0.kind == .alarm }
        let falseAlarms = alarms.filter { a in attackStart.map { a.timestamp < $0 } ?? true }.count
        // Pauses that began and ended before the attack; one still open when it starts is not false.
        let falsePauses = log.pauses.filter { p in
            attackStart.map { a in p.start < a && (p.end.map { $0 <= a } ?? false) } ?? true
        }.count
        let pauseHours = log.pauses.reduce(0.0) { $0 + $1.hours(until: end) }
        let chartStream =
            spec.chart ?? spec.streams.sorted { $0.key < $1.key }.first {
                if case .asset = $0.value { return true } else { return false }
            }?.key ?? observations.first?.stream
        func points(_ obs: [Observation]) -> [SeriesPoint] {
            let xs = obs.filter { $0.stream == chartStream }
            let stride = max(1, xs.count / 1500)
            return Swift.stride(from: 0, to: xs.count, by: stride).map {
                SeriesPoint(t: rel(xs[$0].timestamp), value: xs[$0].value)
            }
        }
        func tvlPoints(_ run: ModelRun) -> [SeriesPoint] {
            let stride = max(1, run.tvl.count / 1500)
            return Swift.stride(from: 0, to: run.tvl.count, by: stride).map {
                SeriesPoint(t: rel(run.tvl[$0].0), value: run.tvl[$0].1)
            }
        }
        var outflow: [SeriesPoint] = []
        var total = 0.0
        for o in observations {
            guard let m = spec.streams[o.stream] else { continue }
            switch m {
            case .outflow, .state(_, true):
                total += o.value
                outflow.append(SeriesPoint(t: rel(o.timestamp), value: total))
            default: break
            }
        }
        let band: Double? = log.actions.lazy.compactMap {
            if case .limit(let maxOutflow, _) = $0.kind { return maxOutflow } else { return nil }
        }.first
        let timeline = log.decisions.filter { $0.kind != .inputRejected || log.decisions.count < 50 }.map { d in
            TimelineEntry(
                t: rel(d.timestamp), kind: d.kind.rawValue, severity: d.severity.rawValue, message: d.message,
                actions: d.actions.map(\.description), evidence: d.evidence)
        }
        return ScenarioResult(
            name: spec.name, kind: spec.kind, title: spec.title, facts: spec.facts,
            lossOffUSD: off.lossUSD, lossOnUSD: on.lossUSD, detectSeconds: detect, containSeconds: contain,
            falseAlarms: falseAlarms, falsePauses: falsePauses, pauseHours: pauseHours,
            pauseCostUSD: pauseHours * log.pauseCostPerHourUSD, liquidationsBlocked: on.liquidationsBlocked, seed: seed,
            priceLabel: chartStream ?? "price", price: points(observations), priceOff: points(offLog.observations),
            alarms: alarms.map { rel($0.timestamp) },
            pauses: log.pauses.map {
                ReportInterval(
                    start: rel($0.start), end: rel($0.end ?? end),
                    label: "\($0.scope): \($0.reason)")
            },
            tvlOff: tvlPoints(off), tvlOn: tvlPoints(on), outflowOn: outflow, limiterBand: band, timeline: timeline,
            limitations: spec.limitations)
    }
}
