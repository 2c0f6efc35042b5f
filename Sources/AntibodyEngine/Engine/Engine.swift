public import AntibodyCore
public import AntibodyDefense

/// The decision pipeline a policy describes: validated prices → detectors → invariants →
/// responses → actions to a ``ProtocolPort``, every decision with its evidence to a
/// ``DecisionRecorder``.
///
/// Event time only: no wall clock, no randomness, so the same events always give the same
/// decisions. Generic over the port and the recorder (no existentials); the logic lives in the
/// non-generic ``EngineCore``, whose outboxes are drained into the port and the recorder after
/// every event. Not thread-safe: feed it from one task.
public struct Engine<Port: ProtocolPort, Recorder: DecisionRecorder> {
    /// Where actions go.
    public var port: Port
    /// Where decisions go.
    public var recorder: Recorder
    /// The logic and its state.
    @usableFromInline var core: EngineCore

    /// The logic and its state (read-only).
    public var engineCore: EngineCore { core }

    /// An engine running `policy`, sending actions to `port` and decisions to `recorder`.
    public init(policy: Policy, port: Port, recorder: Recorder) {
        self.port = port
        self.recorder = recorder
        core = EngineCore(policy: policy)
    }

    /// Processes one event and delivers what it decided.
    @inlinable
    public mutating func handle(_ event: Event) {
        core.handle(event)
        if !core.outbox.isEmpty || !core.decisionOutbox.isEmpty { deliver() }
    }

    @usableFromInline
    mutating func deliver() {
        for action in core.outbox { _ = port.execute(action) }
        for decision in core.decisionOutbox { recorder.record(decision) }
        core.drain()
    }

    /// The policy running.
    public var policy: Policy { core.policy }
    /// The protocol state invariants read.
    public var store: StateStore { core.store }
    /// Every pause ordered so far.
    public var pauses: [PauseRecord] { core.pauses }
    /// Events processed.
    public var eventsProcessed: Int { core.eventsProcessed }
    /// Events refused by input validation or naming no known stream.
    public var eventsRejected: Int { core.eventsRejected }
    /// Breakers, in policy order.
    public var breakers: [CircuitBreaker] { core.breakers }
    /// Outflow limiters, in policy order.
    public var limiters: [OutflowLimiter] { core.limiters }
    /// The haircut controller, if configured.
    public var haircuts: HaircutController? { core.haircuts }

    /// Closes the books at `time`: pauses still open are reported as lasting until `time`.
    public func openPausesClosed(at time: Timestamp) -> [PauseRecord] { core.openPausesClosed(at: time) }

    /// Cost of a pause record, USD.
    public func cost(of pause: PauseRecord, until: Timestamp) -> Double { core.cost(of: pause, until: until) }
}
