public import AntibodyCore

/// Two-sided cumulative sum (CUSUM) of standardised deviations, with drift allowance and reset: it
/// accumulates small persistent shifts of the mean that a point-wise z-score misses.
///
/// **Maths.** A slow exponentially weighted mean `μ` and variance `σ²` (smoothing `α`) are the
/// reference; `z = (x − μ)/σ`; `S⁺ ← max(0, S⁺ + z − k)`, `S⁻ ← max(0, S⁻ − z − k)`. The score is
/// `min(1, max(S⁺, S⁻)/h)` (``TailTransform/clampedRatio(_:)``): 1 exactly when the classic CUSUM
/// alarms. After an alarm both sums reset to 0, so one shift gives one alarm. The reference is
/// updated after scoring, so a value never explains itself.
///
/// **Parameters.** `drift` `k` (half the shift to detect, in σ; 0.5 detects 1σ shifts), `threshold`
/// `h` (alarm level, in σ; 5 gives an in-control run length of about 465 values for normal data),
/// `alpha` (reference smoothing), `warmup` (values scored 0 while the reference settles).
///
/// **Complexity.** O(1), no allocation: one square root and a handful of multiply-adds per value.
///
/// **Use it** for slow drifts of a mean: an oracle creeping away from its peers, a collateral ratio
/// eroding, a peg slipping by a few basis points an hour.
public struct CUSUM: Detector {
    /// Drift allowance `k`, in standard deviations.
    public let drift: Double
    /// Alarm level `h`, in standard deviations.
    public let threshold: Double
    /// Smoothing of the reference mean and variance.
    public let alpha: Double
    /// Values scored 0 while the reference settles.
    public let warmup: Int
    @usableFromInline var mean = 0.0
    @usableFromInline var variance = 0.0
    @usableFromInline var upper = 0.0
    @usableFromInline var lower = 0.0
    @usableFromInline var count = 0
    @usableFromInline var _alarms = 0
    @usableFromInline var _health = InputHealth()

    /// Alarms raised so far (each resets the sums).
    public var alarms: Int { _alarms }
    /// Skipped and out-of-order input.
    public var health: InputHealth { _health }

    /// A CUSUM with drift `k`, alarm level `h`, reference smoothing `alpha` and `warmup`.
    /// - Precondition: `drift ≥ 0`, `threshold > 0`, `0 < alpha ≤ 1`, `warmup ≥ 0`.
    public init(drift: Double = 0.5, threshold: Double = 5, alpha: Double = 0.01, warmup: Int = 30) {
        precondition(
            drift >= 0 && threshold > 0 && alpha > 0 && alpha <= 1 && warmup >= 0,
            "CUSUM: need drift ≥ 0, threshold > 0, 0 < alpha ≤ 1, warmup ≥ 0")
        self.drift = drift
        self.threshold = threshold
        self.alpha = alpha
        self.warmup = warmup
    }

    @inlinable
    public mutating func update(_ value: Double, at timestamp: Timestamp) -> Double {
        guard _health.admit(value, at: timestamp) else { return 0 }
        if count == 0 {
            mean = value
            count = 1
            return 0
        }
        let d = value - mean
        var score = 0.0
        if count >= warmup && variance > 0 {
            let z = d / variance.squareRoot()
            // max(0, u) as (u + |u|)/2: exact, and free of a hard-to-predict branch.
            let u = upper + z - drift
            let l = lower - z - drift
            upper = (u + abs(u)) * 0.5
            lower = (l + abs(l)) * 0.5
            let s = max(upper, lower)
            score = TailTransform.clampedRatio(s / threshold)
            if s >= threshold {
                _alarms &+= 1
                upper = 0
                lower = 0
            }
        }
        let keep = 1 - alpha
        mean = keep * mean + alpha * value
        variance = keep * variance + keep * alpha * d * d
        count &+= 1
        return score
    }
}
