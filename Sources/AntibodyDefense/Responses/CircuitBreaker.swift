public import AntibodyCore

/// A circuit breaker over an anomaly signal: closed → open → half-open → closed.
///
/// * **closed**: the scope operates. `tripAfter` consecutive anomalous signals (score ≥
///   `threshold`) open the breaker and send a `pause`.
/// * **open**: the scope stays paused. Every anomalous signal restarts the `cooldown`; once the
///   cooldown has passed with no anomaly the breaker moves to half-open by itself (self-healing).
/// * **half-open**: still paused while the breaker probes: if the signal stays clean for `probe`,
///   it closes and sends an `unpause`; one anomalous signal reopens it.
///
/// Hence with clean signals a breaker never stays open longer than `cooldown + probe` after the
/// last anomaly, and it never resumes without a clean probe. Time advances only with the
/// timestamps passed in (``handle(score:at:)`` or ``tick(at:)``); no wall clock.
public struct CircuitBreaker: Hashable, Sendable {
    /// Settings, from the policy.
    public struct Configuration: Hashable, Sendable {
        /// A name for reports, e.g. `"eth-price"`.
        public var name: String
        /// What is paused when the breaker opens.
        public var scope: ActionScope
        /// Score at or above which a signal counts as anomalous.
        public var threshold: Double
        /// Consecutive anomalous signals needed to trip (≥ 1).
        public var tripAfter: Int
        /// Time without anomalies before probing starts.
        public var cooldown: Timestamp.Duration
        /// Clean time in half-open needed to close.
        public var probe: Timestamp.Duration

        /// Settings with all fields.
        public init(
            name: String, scope: ActionScope, threshold: Double, tripAfter: Int = 1,
            cooldown: Timestamp.Duration, probe: Timestamp.Duration
        ) {
            precondition(tripAfter >= 1 && cooldown.milliseconds >= 0 && probe.milliseconds >= 0)
            self.name = name
            self.scope = scope
            self.threshold = threshold
            self.tripAfter = tripAfter
            self.cooldown = cooldown
            self.probe = probe
        }
    }

    /// Where the breaker is.
    public enum State: Hashable, Sendable {
        /// Operating; `streak` anomalous signals in a row so far.
        case closed(streak: Int)
        /// Tripped; the cooldown runs from `lastAnomaly`.
        case open(since: Timestamp, lastAnomaly: Timestamp)
        /// Probing since `since`.
        case halfOpen(since: Timestamp)
    }

    /// What a step did.
    public enum Transition: Hashable, Sendable {
        case none
        /// closed → open.
        case tripped
        /// open → half-open.
        case probing
        /// half-open → closed.
        case closed
        /// half-open → open.
        case reopened
    }

    /// The result of one step: the last transition and the action to send, if any.
    public struct Step: Hashable, Sendable {
        /// The last transition made in this step (`.none` if none).
        public var transition: Transition
        /// `pause` on tripping, `unpause` on closing, otherwise `nil`.
        public var action: Action?
    }

    /// Settings.
    public let configuration: Configuration
    /// Current state.
    public private(set) var state: State = .closed(streak: 0)
    /// Number of times it has tripped.
    public private(set) var trips = 0

    /// A closed breaker.
    public init(_ configuration: Configuration) {
        self.configuration = configuration
    }

    /// Whether the scope is paused by this breaker (open or half-open).
    public var isPaused: Bool {
        if case .closed = state { return false }
        return true
    }

    /// Advances time to `time` without a signal (cooldown and probe expire).
    public mutating func tick(at time: Timestamp) -> Step {
        let wasPaused = isPaused
        let transition = advance(to: time)
        return step(transition, wasPaused: wasPaused, at: time)
    }

    /// Feeds one signal `score` observed at `time`.
    public mutating func handle(score: Double, at time: Timestamp) -> Step {
        let wasPaused = isPaused
        var transition = advance(to: time)
        let anomalous = score >= configuration.threshold || score.isNaN
        if anomalous && wasPaused && transition == .closed {
            // The quiet period ran out exactly as a bad signal arrived: it was not quiet after all.
            state = .open(since: time, lastAnomaly: time)
            return step(.reopened, wasPaused: wasPaused, at: time)
        }
        switch state {
        case .closed(let streak):
            if anomalous {
                if streak + 1 >= configuration.tripAfter {
                    state = .open(since: time, lastAnomaly: time)
                    trips += 1
                    transition = .tripped
                } else {
                    state = .closed(streak: streak + 1)
                }
            } else {
                state = .closed(streak: 0)
            }
        case .open(let since, _):
            if anomalous { state = .open(since: since, lastAnomaly: time) }
        case .halfOpen:
            if anomalous {
                state = .open(since: time, lastAnomaly: time)
                transition = .reopened
            }
        }
        return step(transition, wasPaused: wasPaused, at: time)
    }

    /// Governance: force the breaker closed (e.g. after a false alarm), unpausing the scope.
    public mutating func reset(at time: Timestamp) -> Step {
        let wasPaused = isPaused
        state = .closed(streak: 0)
        return step(wasPaused ? .closed : .none, wasPaused: wasPaused, at: time)
    }

    private mutating func advance(to time: Timestamp) -> Transition {
        var transition = Transition.none
        if case .open(_, let lastAnomaly) = state,
            time >= lastAnomaly.advanced(by: configuration.cooldown)
        {
            state = .halfOpen(since: lastAnomaly.advanced(by: configuration.cooldown))
            transition = .probing
        }
        if case .halfOpen(let since) = state, time >= since.advanced(by: configuration.probe) {
            state = .closed(streak: 0)
            transition = .closed
        }
        return transition
    }

    private func step(_ transition: Transition, wasPaused: Bool, at time: Timestamp) -> Step {
        let name = configuration.name
        if !wasPaused && isPaused {
            return Step(
                transition: transition,
                action: Action(
                    .pause, scope: configuration.scope, at: time,
                    reason: "breaker \(name) tripped"))
        }
        if wasPaused && !isPaused {
            return Step(
                transition: transition,
                action: Action(
                    .unpause, scope: configuration.scope, at: time,
                    reason: "breaker \(name) closed after a clean probe"))
        }
        return Step(transition: transition, action: nil)
    }
}
