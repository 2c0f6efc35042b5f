/// The pre-inference check of one input: its robust distance from the training reference and the
/// features whose recent-window distribution has drifted. When ``canActAlone`` is false the
/// model's output must not trigger an action by itself (it needs a second signal or a human).
public struct InputAssessment: Hashable, Sendable {
    /// The robust Mahalanobis distance of the input from the reference centre.
    public let distance: Double
    /// The distance above which an input is out of distribution.
    public let distanceThreshold: Double
    /// Features whose window KS or PSI exceeds its limit (empty until the window is full).
    public let driftedFeatures: [String]

    /// Whether the input itself lies outside the reference distribution.
    public var isOutOfDistribution: Bool { distance > distanceThreshold }

    /// Whether the model's output may be acted on without another signal.
    public var canActAlone: Bool { !isOutOfDistribution && driftedFeatures.isEmpty }
}
