public import AntibodyCore
public import AntibodyEngine
public import AntibodySim

/// The real decision engine plugged into the simulator: every observation the simulator emits is
/// translated (through the scenario's stream mapping) into an engine ``Event``, the engine decides,
/// and its actions go to the simulator's ``GuardrailsPort``, which applies them to the run's
/// ``Guardrails`` — exactly what a guardian contract would do on chain.
///
/// The defence keeps its own record (decisions, observations, actions) for the report; the
/// simulator's attacks take the defence by value, so the runner reads it back through a
/// ``DefenceLog`` box.
public struct EngineDefence: DefenceHook {
    /// The engine, with its port and recorder.
    public private(set) var engine: Engine<GuardrailsPort, CollectingRecorder>
    /// Simulator stream name → engine input.
    public let streams: [String: StreamMapping]
    /// Where the run is recorded.
    public let log: DefenceLog
    /// Minutes of calm history replayed before a price stream's first observation.
    public let historyMinutes: Int
    private var totals: [String: Double] = [:]
    private var seen: Set<String> = []

    /// A defence running `policy` with `streams`, recording into `log`. A sentinel has watched a
    /// feed long before an attack; the simulator's attacks start cold, so the first value of each
    /// price stream is replayed once a minute for `historyMinutes` before it (marked as source
    /// `"history"`), which fills the detectors' windows with the calm price the attack starts from.
    public init(policy: Policy, streams: [String: StreamMapping], log: DefenceLog, historyMinutes: Int = 60) {
        engine = Engine(policy: policy, port: GuardrailsPort(), recorder: CollectingRecorder())
        self.streams = streams
        self.log = log
        self.historyMinutes = max(0, historyMinutes)
    }

    public mutating func observe(_ observation: Observation, guardrails: inout Guardrails) {
        log.observations.append(observation)
        let t = observation.timestamp
        engine.port.guardrails = guardrails
        defer { guardrails = engine.port.guardrails }
        switch streams[observation.stream] {
        case .asset(let asset)?:
            if seen.insert(asset).inserted {
                for k in stride(from: historyMinutes, to: 0, by: -1) {
                    engine.handle(
                        .observation(
                            Observation(
                                stream: asset, timestamp: t.advanced(by: .minutes(-Int64(k))),
                                value: observation.value, source: "history")))
                }
            }
            engine.handle(
                .observation(
                    Observation(
                        stream: asset, timestamp: t, value: observation.value,
                        source: observation.source)))
        case .state(let path, let cumulative)?:
            var value = observation.value
            if cumulative {
                value += totals[path, default: 0]
                totals[path] = value
            }
            engine.handle(.state(path: path, value: value, timestamp: t))
        case .outflow(let asset)?:
            engine.handle(.flow(asset: asset, amount: -observation.value, account: "sim", timestamp: t))
        case nil:
            log.unmapped.insert(observation.stream)
        }
        log.decisions = engine.recorder.decisions
        if log.actions.count < engine.port.log.count {
            log.actions.append(contentsOf: engine.port.log[log.actions.count...].map(\.action))
        }
        log.pauses = engine.pauses
        log.pauseCostPerHourUSD =
            engine.policy.pauseDecision.map {
                $0.configuration.feesPerHourUSD + $0.configuration.userCostPerHourUSD
            } ?? 0
    }
}
