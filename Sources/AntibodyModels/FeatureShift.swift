/// One feature's distribution-shift statistics: recent window versus the training reference.
public struct FeatureShift: Hashable, Sendable, Codable {
    /// The feature.
    public let name: String
    /// The two-sample Kolmogorov–Smirnov statistic D.
    public let ks: Double
    /// The KS critical value at the validator's significance level, `c(α)·√((n + m)/(n·m))`.
    public let ksCritical: Double
    /// The population stability index over the reference's decile bins.
    public let psi: Double
    /// The PSI limit (0.25, the usual "significant shift" rule).
    public let psiLimit: Double

    /// Whether either test flags the feature.
    public var drifted: Bool { ks > ksCritical || psi > psiLimit }
}
