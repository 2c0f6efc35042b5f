public import AntibodyCore

/// Pauses liquidations in a scope during an incident (e.g. an oracle failure, a chain halt) and,
/// when they resume, gives borrowers a grace period to repay before anyone may liquidate them —
/// so that a pause does not turn into a wave of liquidations the moment it ends.
///
/// Resuming requires its condition (the incident has cleared, decided by the caller: a clean
/// breaker, a fresh oracle) and at least `minimumPause` of pause.
public struct LiquidationPause: Hashable, Sendable {
    /// Where it is.
    public enum State: Hashable, Sendable {
        /// Liquidations allowed.
        case active
        /// Liquidations paused since `since`.
        case paused(since: Timestamp)
        /// Resumed, but liquidations wait until `until` (grace period).
        case grace(until: Timestamp)
    }

    /// The scope whose liquidations are governed.
    public let scope: ActionScope
    /// Grace period after resuming.
    public let grace: Timestamp.Duration
    /// Shortest pause.
    public let minimumPause: Timestamp.Duration
    /// Current state.
    public private(set) var state: State = .active
    /// Total time spent paused (for cost accounting), in milliseconds.
    public private(set) var pausedMilliseconds: Int64 = 0

    /// A controller for `scope` with the given grace period and minimum pause.
    public init(scope: ActionScope, grace: Timestamp.Duration, minimumPause: Timestamp.Duration = .minutes(0)) {
        self.scope = scope
        self.grace = grace
        self.minimumPause = minimumPause
    }

    /// Whether a liquidation may execute at `time`.
    public func liquidationsAllowed(at time: Timestamp) -> Bool {
        switch state {
        case .active: true
        case .paused: false
        case .grace(let until): time >= until
        }
    }

    /// Pauses liquidations (no-op if already paused).
    public mutating func pause(at time: Timestamp, reason: String) -> Action? {
        if case .paused = state { return nil }
        state = .paused(since: time)
        return Action(.pauseLiquidations, scope: scope, at: time, reason: reason)
    }

    /// Resumes liquidations after the grace period if `conditionMet` and the minimum pause has
    /// passed; otherwise stays paused and returns `nil`.
    public mutating func resume(at time: Timestamp, conditionMet: Bool, reason: String) -> Action? {
        guard case .paused(let since) = state, conditionMet, since.duration(to: time) >= minimumPause else {
            return nil
        }
        pausedMilliseconds += since.duration(to: time).milliseconds
        state = .grace(until: time.advanced(by: grace))
        return Action(.unpauseLiquidations(grace: grace), scope: scope, at: time, reason: reason)
    }

    /// Moves from grace to active once the grace period is over.
    public mutating func tick(at time: Timestamp) {
        if case .grace(let until) = state, time >= until { state = .active }
    }
}
