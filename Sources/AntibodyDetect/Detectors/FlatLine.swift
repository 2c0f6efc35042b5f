public import AntibodyCore

/// A stuck value: a run of repeated values far longer than the series' own repeats make likely (a
/// frozen oracle, a dead feed, a sensor that stopped).
///
/// **Maths.** A value repeats when `|x − x_prev| ≤ tolerance`. The detector keeps `p`, an
/// exponentially weighted frequency of repeats (smoothing `alpha`, updated after scoring), and the
/// current run length `r`. Under a geometric model, a run of `r` repeats has probability `p^r`; the
/// score is `1 − max(p, pMin)^r` for `r ≥ minRun`, else 0. A series that repeats often (`p` near 1)
/// needs a very long run to score; one that never repeats scores high after a few repeats.
///
/// **Parameters.** `tolerance` (in the data's units; 0 for exact repeats), `alpha`, `minRun`,
/// `pMin` (floor of `p`, so that the first repeats of a never-repeating series are not certain
/// alarms), `warmup`.
///
/// **Complexity.** O(1), no allocation; one `exp`/`log` pair per repeated value.
public struct FlatLine: Detector {
    /// Largest difference regarded as a repeat.
    public let tolerance: Double
    /// Smoothing of the repeat frequency.
    public let alpha: Double
    /// Shortest run that can score.
    public let minRun: Int
    /// Floor of the repeat frequency.
    public let pMin: Double
    /// Values scored 0 while the frequency settles.
    public let warmup: Int
    @usableFromInline var previous = 0.0
    @usableFromInline var run = 0
    @usableFromInline var repeatFrequency = 0.0
    @usableFromInline var count = 0
    @usableFromInline var _health = InputHealth()

    /// The current run of repeats.
    public var runLength: Int { run }
    /// Skipped and out-of-order input.
    public var health: InputHealth { _health }

    /// A flat-line detector. - Precondition: `tolerance ≥ 0`, `0 < alpha ≤ 1`, `minRun ≥ 1`,
    /// `0 < pMin < 1`, `warmup ≥ 0`.
    public init(tolerance: Double = 0, alpha: Double = 0.01, minRun: Int = 3, pMin: Double = 0.5, warmup: Int = 50) {
        precondition(
            tolerance >= 0 && alpha > 0 && alpha <= 1 && minRun >= 1 && pMin > 0 && pMin < 1 && warmup >= 0,
            "FlatLine: parameters out of range")
        self.tolerance = tolerance
        self.alpha = alpha
        self.minRun = minRun
        self.pMin = pMin
        self.warmup = warmup
    }

    @inlinable
    public mutating func update(_ value: Double, at timestamp: Timestamp) -> Double {
        guard _health.admit(value, at: timestamp) else { return 0 }
        defer { previous = value }
        count &+= 1
        guard count > 1 else { return 0 }
        let repeated = abs(value - previous) <= tolerance
        run = repeated ? run + 1 : 0
        var score = 0.0
        if count > warmup && run >= minRun {
            let p = max(repeatFrequency, pMin)
            score = 1 - _exp(Double(run) * _log(p))
        }
        repeatFrequency += alpha * ((repeated ? 1 : 0) - repeatFrequency)
        return score
    }
}
