public import AntibodyCore

/// The simulator's ``ProtocolPort``: the engine's actions applied to simulated ``Guardrails``,
/// exactly as the guardian contract applies them on chain.
///
/// `pause`/`isolate` pause the scope, `unpause`/`clearIsolation` resume it, `limit` installs a
/// rolling-window outflow limit (`maxOutflow` per `window`), `pauseLiquidations` and
/// `unpauseLiquidations` toggle liquidations. `setParameter` is refused: risk parameters of the
/// simulated markets are fixed per run, and the refusal is reported rather than silently ignored.
public struct GuardrailsPort: ProtocolPort, Sendable {
    /// The guardrails the actions change.
    public var guardrails: Guardrails
    /// Every action received, with what the port did.
    public private(set) var log: [(action: Action, outcome: ActionOutcome)] = []

    /// A port over `guardrails`.
    public init(guardrails: Guardrails = Guardrails()) { self.guardrails = guardrails }

    public mutating func execute(_ action: Action) -> ActionOutcome {
        let scope = action.scope.description
        let outcome: ActionOutcome
        switch action.kind {
        case .pause, .isolate:
            guardrails.pause(scope)
            outcome = .applied
        case .unpause, .clearIsolation:
            guardrails.unpause(scope)
            outcome = .applied
        case .limit(let maxOutflow, let window):
            guard maxOutflow.isFinite, maxOutflow >= 0, window.milliseconds > 0 else {
                outcome = .rejected("limit needs a finite maxOutflow ≥ 0 and a positive window")
                break
            }
            guardrails.limit(scope, maxOutflow: maxOutflow, window: max(1, window.milliseconds / 1000))
            outcome = .applied
        case .pauseLiquidations:
            guardrails.pauseLiquidations(scope)
            outcome = .applied
        case .unpauseLiquidations:
            guardrails.unpauseLiquidations(scope)
            outcome = .applied
        case .setParameter(let name, _):
            outcome = .rejected("the simulator does not change parameter \(name) during a run")
        }
        log.append((action, outcome))
        return outcome
    }
}

/// A ``DefenceHook`` that forwards each observation as an ``Event`` to `handle` together with a
/// ``GuardrailsPort`` over the simulation's guardrails — the seam where the engine plugs in:
///
/// ```swift
/// var engine = Engine(policy: policy, port: GuardrailsPort(), recorder: CollectingRecorder())
/// let defence = EventDefence { event, port in
///     engine.port = port
///     engine.handle(event)
///     port = engine.port
/// }
/// ```
public struct EventDefence: DefenceHook {
    private let handle: (Event, inout GuardrailsPort) -> Void
    /// A defence that passes every event to `handle`.
    public init(_ handle: @escaping (Event, inout GuardrailsPort) -> Void) { self.handle = handle }

    public mutating func observe(_ observation: Observation, guardrails: inout Guardrails) {
        handle(.observation(observation), guardrails: &guardrails)
    }

    public mutating func handle(_ event: Event, guardrails: inout Guardrails) {
        var port = GuardrailsPort(guardrails: guardrails)
        handle(event, &port)
        guardrails = port.guardrails
    }
}
