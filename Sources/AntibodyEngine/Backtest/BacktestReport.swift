public import AntibodyCore

/// What a backtest found: alarms, pauses with their durations and cost, breaker trips.
public struct BacktestReport: Hashable, Sendable {
    /// One detector alarm.
    public struct Alarm: Hashable, Sendable {
        public var timestamp: Timestamp
        public var asset: String
        public var detector: String
        public var severity: Severity
        public var score: Double
    }

    /// One pause.
    public struct Pause: Hashable, Sendable {
        public var start: Timestamp
        public var end: Timestamp
        public var hours: Double
        public var scope: String
        public var reason: String
        public var costUSD: Double
    }

    /// Alarms, in time order.
    public var alarms: [Alarm]
    /// Pauses, in time order (those still open end at the last event).
    public var pauses: [Pause]
    /// Number of breaker trips.
    public var breakerTrips: Int
    /// Breaker trips suppressed by the pause decision (not worth the cost).
    public var suppressedTrips: Int
    /// Invariant violations and failures.
    public var invariantViolations: Int
    /// One LTV change by the haircut controller.
    public struct LTVChange: Hashable, Sendable {
        public var timestamp: Timestamp
        /// The market, e.g. `WBTC`.
        public var market: String
        /// The new LTV.
        public var ltv: Double
    }

    /// Parameter changes by the haircut controller (decisions; each sets an LTV and its
    /// liquidation threshold).
    public var parameterChanges: Int
    /// Total cost of the pauses, USD.
    public var pauseCostUSD: Double
    /// Events processed and rejected by validation.
    public var events: Int
    public var rejected: Int
    /// First and last event time.
    public var start: Timestamp
    public var end: Timestamp
    /// The LTV changes, in time order.
    public var ltvChanges: [LTVChange] = []
}
