public import AntibodyCore
public import AntibodyDefense
import AntibodySense

/// The decision logic of an ``Engine``, without its port and recorder: it appends the actions it
/// decides to ``outbox`` and the decisions to ``decisionOutbox``, which the engine drains after
/// every event. Non-generic, so the hot path needs no generic metadata at run time.
public struct EngineCore {
    /// Actions decided and not yet sent.
    public internal(set) var outbox: [Action] = []
    /// Decisions made and not yet recorded.
    public internal(set) var decisionOutbox: [Decision] = []
    /// The policy running.
    public let policy: Policy
    /// The protocol state invariants read.
    public private(set) var store: StateStore
    /// Every pause ordered so far.
    public internal(set) var pauses: [PauseRecord] = []
    /// Events processed.
    public private(set) var eventsProcessed = 0
    /// Events refused by input validation or naming no known stream.
    public private(set) var eventsRejected = 0
    /// Breakers, in policy order.
    public private(set) var breakers: [CircuitBreaker]
    /// Outflow limiters, in policy order.
    public private(set) var limiters: [OutflowLimiter]
    /// The haircut controller, if configured.
    public private(set) var haircuts: HaircutController?

    private var streamIndex: [String: Int] = [:]
    private var streams: [EngineStream] = []
    private let compiledInvariants: [CompiledInvariant]
    private var detectors: [EngineDetector]
    private var alarming: [Bool]
    private var invariantFailing: [Bool]
    private var invariantPause: [Int?]
    private var invariantHeldSince: [Timestamp?]
    private var breakerPause: [Int?]
    private var handles: [String: FieldHandle] = [:]
    private let pauseDecision: PauseDecision?
    private var latestTime = Timestamp(milliseconds: .min)
    private var sequencerSentinel: SequencerSentinel?
    private var sequencerStatus: SequencerStatus?
    private var sequencerState: SequencerAssessment.State?
    private var latestBlock: Timestamp?
    private var haircutPrices: [Double] = []
    private var lastHaircutSample: Timestamp?
    private var haircutForecasts: HaircutForecasts?
    /// The transaction classifier's state (`EngineCore+Transactions.swift`).
    var flowClassifier: FlowClassifier?

    /// A core running `policy`.
    public init(policy: Policy) {
        self.policy = policy
        store = policy.compiler.makeStore()
        let layout = store.layout
        detectors = policy.detectors.map(EngineDetector.init)
        compiledInvariants = policy.invariants.map(\.named.invariant)
        alarming = Array(repeating: false, count: policy.detectors.count)
        invariantFailing = Array(repeating: false, count: policy.invariants.count)
        invariantPause = Array(repeating: nil, count: policy.invariants.count)
        invariantHeldSince = Array(repeating: nil, count: policy.invariants.count)
        breakers = policy.breakers.map(CircuitBreaker.init)
        breakerPause = Array(repeating: nil, count: policy.breakers.count)
        limiters = policy.outflowLimits.map { OutflowLimiter($0.configuration) }
        haircuts = policy.haircuts.map { HaircutController($0.configuration) }
        haircutPrices = Array(repeating: .nan, count: policy.haircuts?.configuration.assets.count ?? 0)
        haircutForecasts = policy.haircuts.flatMap(HaircutForecasts.init)
        pauseDecision = policy.pauseDecision.map { PauseDecision($0.configuration) }
        flowClassifier = policy.flowModel.map(FlowClassifier.init)
        // The builder bounded both durations to SequencerSentinel's accepted ranges.
        sequencerSentinel = policy.sequencer.map {
            try! SequencerSentinel(gracePeriod: $0.grace, livenessWindow: $0.livenessWindow)
        }
        for asset in policy.assets {
            streamIndex[asset] = streams.count
            streams.append(
                EngineStream(
                    sense: FeedSense(feed: policy.feeds.first { $0.asset == asset } ?? .implicit(asset: asset)),
                    priceHandle: layout.handle(entity: "asset", field: "price", element: asset),
                    detectors: policy.detectors.indices.filter { policy.detectors[$0].stream == asset },
                    haircutIndex: policy.haircuts?.configuration.assets.firstIndex(of: asset)))
        }
    }

    /// Empties the outboxes, keeping their capacity.
    public mutating func drain() {
        outbox.removeAll(keepingCapacity: true)
        decisionOutbox.removeAll(keepingCapacity: true)
    }

    /// Processes one event.
    public mutating func handle(_ event: Event) {
        eventsProcessed += 1
        switch event {
        case .observation(let observation):
            observe(observation)
        case .state(let path, let value, let time):
            guard let handle = handle(for: path), store.set(handle, value) else {
                reject(at: time, subject: path, "state update \(path) = \(value) does not match the policy's schema")
                return
            }
            advanceTime(time)
            checkInvariants(at: time)
        case .flow(let asset, let amount, let account, let time):
            advanceTime(time)
            flow(asset: asset, amount: amount, account: account, at: time)
        case .block(_, let time):
            if latestBlock.map({ time > $0 }) ?? true { latestBlock = time }
            advanceTime(time)
        case .transaction(let transaction):
            self.transaction(transaction)
        }
    }

    /// Closes the books at `time`: pauses still open are reported as lasting until `time`.
    public func openPausesClosed(at time: Timestamp) -> [PauseRecord] {
        pauses.map { record in
            var r = record
            if r.end == nil { r.end = time }
            return r
        }
    }

    /// Cost of a pause record, USD: hours × (fees + user cost per hour) from the pause decision.
    public func cost(of pause: PauseRecord, until: Timestamp) -> Double {
        guard let c = policy.pauseDecision?.configuration else { return 0 }
        return pause.hours(until: until) * (c.feesPerHourUSD + c.userCostPerHourUSD)
    }

    // MARK: - Observations

    private mutating func observe(_ o: Observation) {
        guard abs(o.timestamp.milliseconds) <= FeedSense.timeBound else {
            reject(at: o.timestamp, subject: o.stream, "timestamp \(o.timestamp.milliseconds) ms is out of range")
            return
        }
        if let spec = policy.sequencer, o.stream == spec.stream {
            sequencerObserved(o)
            return
        }
        guard let s = streamIndex[o.stream] else {
            reject(at: o.timestamp, subject: o.stream, "stream '\(o.stream)' is not an asset of the policy")
            return
        }
        guard let slot = streams[s].sense.slot(of: o.source) else {
            reject(
                at: o.timestamp, subject: "asset:\(o.stream)",
                "source '\(o.source ?? "")' is not one of the feed's sources ("
                    + streams[s].sense.feed.sources.joined(separator: ", ") + ")")
            return
        }
        // Sense: the source's checks and the verdict over every source, at the engine's event time.
        let now = max(latestTime, o.timestamp)
        let sequencer = assessSequencer(at: now)
        let result = streams[s].sense.observe(
            o.value, slot: slot, at: o.timestamp, now: now, round: o.round, sequencer: sequencer)
        if !result.quoteUsed {
            let source = streams[s].sense.name(of: slot)
            reject(
                at: o.timestamp, subject: "asset:\(o.stream)",
                "price \(o.value) from \(source) rejected: \(result.quoteReasons)"
                    + (result.verdict.usablePrice == nil ? "; verdict untrusted" : ""))
        }
        verdictChanged(s, result.verdict, at: now)
        advanceTime(o.timestamp)
        guard result.quoteUsed, let price = result.verdict.usablePrice else { return }
        // Detect, then invariants: only an accepted verdict's price goes on.
        if let handle = streams[s].priceHandle { store.set(handle, price) }
        let observed = Observation(stream: o.stream, timestamp: o.timestamp, value: price, source: o.source)
        for k in streams[s].detectors.indices {
            let d = streams[s].detectors[k]
            let score = detectors[d].update(price, at: o.timestamp)
            detectorScored(d, score: score, observation: observed)
        }
        if let h = streams[s].haircutIndex { haircutSample(h, price: price, at: o.timestamp) }
        checkInvariants(at: o.timestamp)
    }

    /// Records a Sense alert when stream `s`'s verdict turns untrusted or trusted again.
    private mutating func verdictChanged(_ s: Int, _ verdict: PriceVerdict, at time: Timestamp) {
        let untrusted = verdict.usablePrice == nil
        guard untrusted != streams[s].untrusted else { return }
        streams[s].untrusted = untrusted
        let asset = streams[s].sense.feed.asset
        if untrusted {
            var evidence: [String: Double] = ["sourcesExcluded": Double(verdict.excluded.count)]
            var fallback = "no price was accepted yet"
            if let good = streams[s].sense.lastGood {
                evidence["lastGoodPrice"] = good.price
                evidence["lastGoodAgeSeconds"] = Double(good.time.duration(to: time).milliseconds) / 1000
                fallback = "asset.price keeps the last accepted \(good.price) from \(good.time.milliseconds) ms"
            }
            decisionOutbox.append(
                Decision(
                    timestamp: time, kind: .senseAlert, severity: .high, source: "sense", subject: "asset:\(asset)",
                    message: "feed \(asset) untrusted (\(verdict.reasons)): detectors get no price; \(fallback)",
                    evidence: evidence))
        } else {
            decisionOutbox.append(
                Decision(
                    timestamp: time, kind: .senseAlert, severity: .info, source: "sense", subject: "asset:\(asset)",
                    message: "feed \(asset) trusted again at \(verdict.price ?? .nan) (\(verdict.status))",
                    evidence: ["price": verdict.price ?? .nan, "sourcesUsed": Double(verdict.used.count)]))
        }
    }

    /// The L2 sequencer's state at `now`, if the policy watches one and it has reported.
    private mutating func assessSequencer(at now: Timestamp) -> SequencerAssessment? {
        guard let status = sequencerStatus, sequencerSentinel != nil else { return nil }
        let assessment = sequencerSentinel!.assess(status, now: now, latestL2Block: latestBlock)
        if assessment.state != sequencerState {
            sequencerState = assessment.state
            let severity: Severity =
                switch assessment.state {
                case .up: .info
                case .down: .high
                case .gracePeriod, .suspect: .warning
                }
            decisionOutbox.append(
                Decision(
                    timestamp: now, kind: .senseAlert, severity: severity, source: "sense", subject: "sequencer",
                    message: "L2 sequencer \(assessment.state.rawValue)"
                        + (assessment.reasons.isEmpty ? "" : " (\(assessment.reasons))")))
        }
        return assessment
    }

    private mutating func sequencerObserved(_ o: Observation) {
        let answer: Int128 = o.value == 0 ? 0 : (o.value == 1 ? 1 : 2)
        if let status = sequencerStatus {
            if status.answer != answer { sequencerStatus = SequencerStatus(answer: answer, startedAt: o.timestamp) }
        } else {
            // The first reading: when the status began is unknown; an "up" is taken as past its grace.
            let since = answer == 0 ? o.timestamp.advanced(by: .seconds(-1)) : o.timestamp
            sequencerStatus = SequencerStatus(
                answer: answer,
                startedAt: answer == 0
                    ? since.advanced(by: Timestamp.Duration(milliseconds: -(policy.sequencer?.grace.milliseconds ?? 0)))
                    : since)
        }
        _ = assessSequencer(at: max(latestTime, o.timestamp))
        advanceTime(o.timestamp)
    }

    private mutating func detectorScored(_ d: Int, score: Double, observation o: Observation) {
        let spec = policy.detectors[d]
        let anomalous = score >= spec.threshold || score.isNaN
        if anomalous && !alarming[d] {
            var evidence = ["score": score, "threshold": spec.threshold, "value": o.value]
            if let assessment = assess(signal: score) {
                evidence.merge(assessment.evidence) { a, _ in a }
            }
            decisionOutbox.append(
                Decision(
                    timestamp: o.timestamp, kind: .alarm, severity: spec.severity, source: spec.name,
                    subject: "asset:\(o.stream)",
                    message: "\(spec.kind.rawValue) score \(score) ≥ \(spec.threshold) on \(o.stream)",
                    evidence: evidence))
        }
        alarming[d] = anomalous
        guard let b = spec.breaker else { return }
        let step = breakers[b].handle(score: score, at: o.timestamp)
        breakerStepped(b, step, signal: score, at: o.timestamp)
    }

    func assess(signal: Double) -> PauseDecision.Assessment? {
        guard let rule = pauseDecision, let spec = policy.pauseDecision else { return nil }
        return rule.assess(
            signal: signal, valueAtRiskUSD: spec.valueAtRiskUSD,
            blockedLiquidationBadDebtUSD: spec.blockedLiquidationBadDebtUSD)
    }

    private mutating func breakerStepped(_ b: Int, _ step: CircuitBreaker.Step, signal: Double, at time: Timestamp) {
        guard let action = step.action else { return }
        let config = breakers[b].configuration
        switch action.kind {
        case .pause:
            var evidence = ["signal": signal, "threshold": config.threshold, "trips": Double(breakers[b].trips)]
            if let assessment = assess(signal: signal) {
                evidence.merge(assessment.evidence) { a, _ in a }
                if !assessment.shouldPause {
                    _ = breakers[b].reset(at: time)
                    decisionOutbox.append(
                        Decision(
                            timestamp: time, kind: .pauseDecided, severity: .warning, source: config.name,
                            subject: config.scope.description,
                            message: "breaker \(config.name) would trip, but the expected loss "
                                + "\(assessment.expectedLossUSD) USD is below the pause cost \(assessment.pauseCostUSD) USD",
                            evidence: evidence))
                    return
                }
            }
            outbox.append(action)
            breakerPause[b] = pauses.count
            pauses.append(PauseRecord(start: time, end: nil, scope: config.scope, reason: "breaker \(config.name)"))
            decisionOutbox.append(
                Decision(
                    timestamp: time, kind: .breakerTripped, severity: .high, source: config.name,
                    subject: config.scope.description, message: action.reason, evidence: evidence,
                    actions: [action]))
        case .unpause:
            outbox.append(action)
            if let p = breakerPause[b] { pauses[p].end = time }
            breakerPause[b] = nil
            decisionOutbox.append(
                Decision(
                    timestamp: time, kind: .breakerRecovered, severity: .info, source: config.name,
                    subject: config.scope.description, message: action.reason, actions: [action]))
        default:
            break
        }
    }

    mutating func advanceTime(_ time: Timestamp) {
        guard time > latestTime else { return }
        latestTime = time
        // A feed whose every source went quiet goes stale in event time, with no price arriving.
        for s in streams.indices where !streams[s].untrusted {
            guard let staleAt = streams[s].sense.staleAt, time > staleAt else { continue }
            let sequencer = assessSequencer(at: time)
            let verdict = streams[s].sense.reevaluate(now: time, sequencer: sequencer)
            verdictChanged(s, verdict, at: time)
        }
        for b in breakers.indices where breakers[b].isPaused {
            let step = breakers[b].tick(at: time)
            breakerStepped(b, step, signal: 0, at: time)
        }
    }

    // MARK: - Invariants

    private mutating func checkInvariants(at time: Timestamp) {
        store.now = time
        for i in compiledInvariants.indices {
            if compiledInvariants[i].holds(&store) {
                if !invariantFailing[i] && invariantPause[i] == nil { continue }
                let named = policy.invariants[i].named
                if invariantFailing[i] {
                    invariantFailing[i] = false
                    invariantHeldSince[i] = time
                }
                if let since = invariantHeldSince[i], let p = invariantPause[i],
                    since.duration(to: time) >= (policy.governance?.timelock ?? .hours(0))
                {
                    let scope = pauses[p].scope
                    let action = Action(
                        .unpause, scope: scope, at: time,
                        reason: "invariant \(named.name) holds again for the governance timelock")
                    outbox.append(action)
                    pauses[p].end = time
                    invariantPause[i] = nil
                    invariantHeldSince[i] = nil
                    decisionOutbox.append(
                        Decision(
                            timestamp: time, kind: .pauseDecided, severity: .info, source: named.name,
                            subject: scope.description, message: action.reason, actions: [action]))
                }
                continue
            }
            invariantHeldSince[i] = nil
            if invariantFailing[i] { continue }
            invariantFailing[i] = true
            invariantFailed(i, outcome: policy.invariants[i].named.invariant.evaluate(&store), at: time)
        }
        store.commit(at: time)
    }

    private mutating func invariantFailed(_ i: Int, outcome: InvariantOutcome, at time: Timestamp) {
        let named = policy.invariants[i].named
        let element: String?
        let kind: Decision.Kind
        let message: String
        switch outcome {
        case .holds: return
        case .violated(let e):
            element = e
            kind = .invariantViolated
            message = "invariant \(named.name) violated" + (e.map { " on \($0)" } ?? "") + ": \(named.invariant.source)"
        case .failed(let error, let e):
            element = e
            kind = .invariantFailed
            message = "invariant \(named.name) could not be evaluated (\(error))" + (e.map { " on \($0)" } ?? "")
        }
        let scope = ActionScope(element: element)
        var actions: [Action] = []
        switch named.response {
        case .alert:
            break
        case .isolate:
            actions.append(Action(.isolate, scope: scope, at: time, reason: message))
        case .pause:
            if invariantPause[i] == nil {
                actions.append(Action(.pause, scope: scope, at: time, reason: message))
                invariantPause[i] = pauses.count
                pauses.append(PauseRecord(start: time, end: nil, scope: scope, reason: "invariant \(named.name)"))
            }
        }
        for action in actions { outbox.append(action) }
        var evidence: [String: Double] = [:]
        if let assessment = assess(signal: 1) { evidence = assessment.evidence }
        decisionOutbox.append(
            Decision(
                timestamp: time, kind: kind, severity: named.severity, source: named.name,
                subject: scope.description, message: message, evidence: evidence, actions: actions))
    }

    // MARK: - Flows, haircuts, helpers

    private mutating func flow(asset: String, amount: Double, account: String, at time: Timestamp) {
        guard amount.isFinite, abs(amount) < 1e36,
            let l = policy.outflowLimits.firstIndex(where: { $0.configuration.asset == asset })
        else { return }
        let units = Wad.int128(integral: amount.rounded())
        if units >= 0 {
            limiters[l].inflow(units, at: time)
            return
        }
        var actions: [Action] = []
        let result = limiters[l].outflow(
            -units, to: account, revertOnLimit: policy.outflowLimits[l].revertOnLimit,
            at: time, actions: &actions)
        for action in actions { outbox.append(action) }
        if case .held(tripped: true) = result {
            decisionOutbox.append(
                Decision(
                    timestamp: time, kind: .limiterChanged, severity: .high, source: "outflow-limit:\(asset)",
                    subject: "asset:\(asset)", message: actions.first?.reason ?? "outflow limiter tripped",
                    evidence: [
                        "totalLiquidity": Double(limiters[l].totalLiquidity),
                        "liquidityInPeriod": Double(limiters[l].liquidityInPeriod), "outflow": -amount,
                    ],
                    actions: actions))
        }
    }

    private mutating func haircutSample(_ h: Int, price: Double, at time: Timestamp) {
        guard let spec = policy.haircuts else { return }
        haircutPrices[h] = price
        if let last = lastHaircutSample, last.duration(to: time) < spec.sampleInterval { return }
        guard haircutPrices.allSatisfy({ $0.isFinite }) else { return }
        lastHaircutSample = time
        haircutForecasts?.sample(haircutPrices)
        guard
            let actions = haircuts?.observe(
                prices: haircutPrices, forecasts: haircutForecasts?.annualised ?? [], at: time),
            !actions.isEmpty
        else { return }
        for action in actions { outbox.append(action) }
        decisionOutbox.append(
            Decision(
                timestamp: time, kind: .parameterChanged, severity: .warning, source: "haircuts",
                subject: actions[0].scope.description, message: actions[0].reason, actions: actions))
    }

    private mutating func handle(for path: String) -> FieldHandle? {
        if let h = handles[path] { return h }
        guard handles.count < 100_000, let h = store.layout.handle(path: path) else { return nil }
        handles[path] = h
        return h
    }

    mutating func reject(at time: Timestamp, subject: String, _ reason: String) {
        eventsRejected += 1
        decisionOutbox.append(
            Decision(
                timestamp: time, kind: .inputRejected, severity: .warning, source: "sense",
                subject: subject, message: reason))
    }
}
