public import AntibodyCore

/// The rails on one governed parameter, like Aave's Risk Stewards: hard floor and ceiling for every
/// change, and for automatic (engine-made) changes a maximum relative step and a minimum interval
/// between changes.
public struct ParameterBounds: Hashable, Sendable, Codable {
    /// The smallest value any change may set.
    public var floor: Double
    /// The largest value any change may set.
    public var ceiling: Double
    /// The largest automatic change relative to the current value, e.g. 0.1 for ±10 %.
    public var maximumRelativeStep: Double
    /// The shortest time between two automatic changes of this parameter.
    public var minimumInterval: Timestamp.Duration

    /// Bounds.
    ///
    /// - Throws: ``TrustError`` unless floor ≤ ceiling (both finite), 0 ≤ step (finite) and the
    ///   interval is not negative.
    public init(
        floor: Double, ceiling: Double, maximumRelativeStep: Double, minimumInterval: Timestamp.Duration
    )
        throws(TrustError)
    {
        guard floor.isFinite, ceiling.isFinite, floor <= ceiling else {
            throw .invalidInput("parameter bounds need finite floor ≤ ceiling, got \(floor) and \(ceiling)")
        }
        guard maximumRelativeStep.isFinite, maximumRelativeStep >= 0 else {
            throw .invalidInput("maximum relative step must be finite and ≥ 0, got \(maximumRelativeStep)")
        }
        guard minimumInterval.milliseconds >= 0 else {
            throw .invalidInput("minimum interval must not be negative")
        }
        self.floor = floor
        self.ceiling = ceiling
        self.maximumRelativeStep = maximumRelativeStep
        self.minimumInterval = minimumInterval
    }

    /// Whether `value` is finite and within floor…ceiling.
    public func contains(_ value: Double) -> Bool { value.isFinite && value >= floor && value <= ceiling }
}
