/// The detector algorithms a policy can name: two small built-ins for prices and the streaming
/// detectors of `AntibodyDetect`.
public enum PolicyDetectorKind: String, Hashable, Sendable, CaseIterable, Codable {
    /// Built in: EWMA z-score of log returns (``EwmaZDetector``).
    case returnZ = "return-z"
    /// Built in: absolute log move over a look-back against a maximum move (``PriceJumpDetector``).
    case priceJump = "price-jump"
    /// `AntibodyDetect.EWMAZScore` (α = 2 / (window + 1)).
    case ewmaZ = "ewma-z"
    /// `AntibodyDetect.RobustZScore` over `window` values.
    case robustZ = "robust-z"
    /// `AntibodyDetect.CUSUM` with its defaults.
    case cusum
    /// `AntibodyDetect.PageHinkley` with its defaults.
    case pageHinkley = "page-hinkley"
    /// `AntibodyDetect.WindowedKS` over `window` values.
    case ks
    /// `AntibodyDetect.VolatilityRegime` with its defaults.
    case volatility
    /// `AntibodyDetect.LevelShift` over `window` values.
    case levelShift = "level-shift"
    /// `AntibodyDetect.FlatLine` with its defaults.
    case flatLine = "flat-line"
    /// `AntibodyDetect.LikelihoodEnsemble`, the recommended configuration.
    case ensemble

    /// Whether the detector comes from `AntibodyDetect` (and so honours the `input` setting).
    public var isFromDetect: Bool { self != .returnZ && self != .priceJump }
}
