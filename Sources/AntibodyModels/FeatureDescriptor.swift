/// One input of a model: its name, closed bounds, whether it is 0/1, and what an attacker can do to it.
public struct FeatureDescriptor: Hashable, Sendable {
    /// The feature's name (as the traffic source names it).
    public let name: String
    /// The smallest accepted value.
    public let minimum: Double
    /// The largest accepted value.
    public let maximum: Double
    /// Whether the feature only takes the values 0 and 1.
    public let isBinary: Bool
    /// What an attacker can do to it.
    public let constraint: FeatureConstraint

    /// A descriptor.
    ///
    /// - Throws: ``ModelError`` for an empty name or bounds that are not finite and ordered.
    public init(
        name: String, minimum: Double, maximum: Double, isBinary: Bool = false, constraint: FeatureConstraint
    ) throws(ModelError) {
        guard !name.isEmpty, name.utf8.count <= 64 else {
            throw .invalidInput("a feature name must have 1…64 bytes, not \(name.utf8.count)")
        }
        guard minimum.isFinite, maximum.isFinite, minimum < maximum else {
            throw .invalidInput(
                "feature \(name): bounds must be finite with minimum < maximum, not \(minimum)…\(maximum)")
        }
        self.name = name
        self.minimum = minimum
        self.maximum = maximum
        self.isBinary = isBinary
        self.constraint = constraint
    }
}
