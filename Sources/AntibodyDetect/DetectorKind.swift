public import AntibodyCore

/// The detectors the CLI and the NAB runner can run by name, each with its documented default
/// parameters. Dispatch happens once per series; the per-value loop is generic and specialised.
public enum DetectorKind: String, CaseIterable, Sendable {
    /// ``LikelihoodEnsemble``, the recommended configuration.
    case antibody
    /// ``EWMAZScore``.
    case ewmaZ = "ewma-z"
    /// ``RobustZScore`` with `w = 256`.
    case robustZ = "robust-z"
    /// ``CUSUM``.
    case cusum
    /// ``PageHinkley``.
    case pageHinkley = "page-hinkley"
    /// ``WindowedKS`` with `w = 256`.
    case ks
    /// ``VolatilityRegime``.
    case volatility
    /// ``LevelShift``.
    case levelShift = "level-shift"
    /// ``FlatLine``.
    case flatLine = "flat-line"

    /// Scores a series with a fresh detector of this kind.
    ///
    /// - Parameters:
    ///   - values: the series, in order; NaN and ±∞ are skipped (score 0) and counted.
    ///   - timestamps: one per value.
    ///   - ensemble: the configuration used for ``antibody``.
    /// - Returns: one score per value, and the detector's input health.
    public func scores(
        values: [Double], timestamps: [Timestamp],
        ensemble: LikelihoodEnsemble.Configuration = .init()
    ) -> (scores: [Double], health: InputHealth) {
        switch self {
        case .antibody: return Self.run(LikelihoodEnsemble(configuration: ensemble), values, timestamps) { $0.health }
        case .ewmaZ: return Self.run(EWMAZScore(), values, timestamps) { $0.health }
        case .robustZ: return Self.run(RobustZScore(), values, timestamps) { $0.health }
        case .cusum: return Self.run(CUSUM(), values, timestamps) { $0.health }
        case .pageHinkley: return Self.run(PageHinkley(), values, timestamps) { $0.health }
        case .ks: return Self.run(WindowedKS(), values, timestamps) { $0.health }
        case .volatility: return Self.run(VolatilityRegime(), values, timestamps) { $0.health }
        case .levelShift: return Self.run(LevelShift(), values, timestamps) { $0.health }
        case .flatLine: return Self.run(FlatLine(), values, timestamps) { $0.health }
        }
    }

    /// Runs `detector` over the series.
    @inlinable
    public static func run<D: Detector>(
        _ detector: D, _ values: [Double], _ timestamps: [Timestamp], health: (D) -> InputHealth
    ) -> (scores: [Double], health: InputHealth) {
        precondition(values.count == timestamps.count, "DetectorKind.run: one timestamp per value")
        var d = detector
        var out = [Double](repeating: 0, count: values.count)
        for i in values.indices {
            out[i] = d.update(values[i], at: timestamps[i])
        }
        return (out, health(d))
    }
}
