public import AntibodyCore

/// One pause the engine ordered: when, how long, what and why.
public struct PauseRecord: Hashable, Sendable, Codable {
    /// Start (event time).
    public var start: Timestamp
    /// End, or `nil` while still paused.
    public var end: Timestamp?
    /// What was paused.
    public var scope: ActionScope
    /// Why (the breaker or invariant).
    public var reason: String

    /// Duration in hours up to `end` (or `until` while open).
    public func hours(until: Timestamp) -> Double {
        start.duration(to: end ?? until).seconds / 3600
    }
}
