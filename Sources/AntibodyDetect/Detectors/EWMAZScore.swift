public import AntibodyCore

/// Exponentially weighted mean and variance, and the z-score of each new value against them.
///
/// **Maths.** With smoothing `α`, for each value `x`: `d = x − μ`, score from `d²` against `σ²`
/// (before the update, so a value never explains itself), then `μ ← (1 − α)μ + αx`,
/// `σ² ← (1 − α)(σ² + α d²)` (West's exponentially weighted variance), each computed with one
/// multiply and one add on the running value. The score is
/// ``TailTransform/chebyshev(squaredDeviation:variance:)``: `max(0, 1 − σ²/d²)`.
///
/// **Parameters.** `alpha` (0 < α ≤ 1; effective memory about `2/α − 1` values), `warmup` (values
/// scored 0 while the estimates settle).
///
/// **Complexity.** O(1) time, no allocation: four multiply-adds and one division per value.
///
/// **Use it** for a cheap first line on a stationary series (a price's returns, a latency). It
/// follows slow drifts and flags isolated spikes; a level shift is flagged for about `1/α` values.
public struct EWMAZScore: Detector {
    /// The smoothing factor `α`.
    public let alpha: Double
    /// The number of first values scored 0.
    public let warmup: Int
    @usableFromInline var _mean: Double = 0
    @usableFromInline var _variance: Double = 0
    @usableFromInline var _count: Int = 0
    @usableFromInline var _health = InputHealth()

    /// The current mean `μ`.
    public var mean: Double { _mean }
    /// The current variance `σ²`.
    public var variance: Double { _variance }
    /// Values accepted so far.
    public var count: Int { _count }
    /// Skipped and out-of-order input.
    public var health: InputHealth { _health }

    /// A detector with smoothing `alpha` and `warmup` values scored 0.
    /// - Precondition: `0 < alpha ≤ 1`, `warmup ≥ 0`.
    public init(alpha: Double = 0.01, warmup: Int = 30) {
        precondition(alpha > 0 && alpha <= 1, "EWMAZScore: alpha must be in (0, 1]")
        precondition(warmup >= 0, "EWMAZScore: warmup must be non-negative")
        self.alpha = alpha
        self.warmup = warmup
    }

    @inlinable
    public mutating func update(_ value: Double, at timestamp: Timestamp) -> Double {
        guard _health.admit(value, at: timestamp) else { return 0 }
        if _count == 0 {
            _mean = value
            _count = 1
            return 0
        }
        let d = value - _mean
        let score = _count >= warmup ? TailTransform.chebyshev(squaredDeviation: d * d, variance: _variance) : 0
        // μ ← (1 − α)μ + αx and σ² ← (1 − α)σ² + (1 − α)α d²: one multiply and one add on each
        // loop-carried value (no fused multiply-add: baseline x86-64 has none in hardware).
        let keep = 1 - alpha
        _mean = keep * _mean + alpha * value
        _variance = keep * _variance + keep * alpha * d * d
        _count &+= 1
        return score
    }
}
