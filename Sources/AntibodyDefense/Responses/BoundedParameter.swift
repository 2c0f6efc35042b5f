public import AntibodyCore

/// A risk parameter that automation may move only within governed bounds — the shape of Aave's
/// Risk Stewards: each change at most `maxStep`, at least `minInterval` after the previous change,
/// and the value always within `floor…ceiling`. Proposals outside the bounds are clamped; changes
/// smaller than `deadband` are skipped; non-finite proposals are refused.
public struct BoundedParameter: Hashable, Sendable {
    /// The parameter's name (`"ltv"`).
    public let name: String
    /// Where it applies.
    public let scope: ActionScope
    /// Largest change per step (> 0).
    public let maxStep: Double
    /// Shortest time between changes.
    public let minInterval: Timestamp.Duration
    /// Lowest value.
    public let floor: Double
    /// Highest value.
    public let ceiling: Double
    /// Smallest change worth making.
    public let deadband: Double
    /// Current value (always within `floor…ceiling`).
    public private(set) var value: Double
    /// Time of the last change.
    public private(set) var lastChange: Timestamp?

    /// A parameter starting at `initial` (clamped into the bounds).
    public init(
        name: String, scope: ActionScope, initial: Double, maxStep: Double, minInterval: Timestamp.Duration,
        floor: Double, ceiling: Double, deadband: Double = 0
    ) {
        precondition(maxStep > 0 && floor <= ceiling && deadband >= 0, "invalid bounds")
        self.name = name
        self.scope = scope
        self.maxStep = maxStep
        self.minInterval = minInterval
        self.floor = floor
        self.ceiling = ceiling
        self.deadband = deadband
        value = Swift.min(ceiling, Swift.max(floor, initial.isFinite ? initial : floor))
    }

    /// Moves toward `target` as far as the bounds allow at `time`; returns the `setParameter`
    /// action, or `nil` if nothing changes. `reason` is evaluated only when an action is returned,
    /// so a caller's message costs nothing on the usual no-change path.
    public mutating func propose(_ target: Double, at time: Timestamp, reason: @autoclosure () -> String) -> Action? {
        guard target.isFinite else { return nil }
        if let lastChange, lastChange.duration(to: time) < minInterval { return nil }
        let goal = Swift.min(ceiling, Swift.max(floor, target))
        let delta = goal - value
        guard abs(delta) >= Swift.max(deadband, 1e-12) else { return nil }
        let next = Swift.min(ceiling, Swift.max(floor, value + Swift.max(-maxStep, Swift.min(maxStep, delta))))
        guard next != value else { return nil }
        value = next
        lastChange = time
        return Action(.setParameter(name: name, value: next), scope: scope, at: time, reason: reason())
    }
}
