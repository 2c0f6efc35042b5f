/// Numenta-style anomaly likelihood: how unusual the recent level of a raw anomaly score is compared
/// with its own long-run distribution, as a tail probability on a log scale.
///
/// **Maths.** The raw scores' short moving average `a` (over `short` values, O(1) with a ring) is
/// compared with the exponentially weighted mean `μ` and variance `σ²` of past short averages
/// (smoothing `alpha`, variance floored at `minVariance`): `z = (a − μ)/σ`, tail `q = ½·erfc(z/√2)`
/// (only high averages are unusual), and the output `log(q)/log(10⁻¹⁰)` clamped to `[0, 1]` — 0.5 at a
/// tail probability of 10⁻⁵, 1 at 10⁻¹⁰. The long-run estimates are updated after scoring, and only
/// after `learning` values is anything but 0 returned.
///
/// **Complexity.** O(1) per value (one `erfc`, one `log`), no allocation after `init`.
public struct AnomalyLikelihood: Sendable {
    /// Length of the short moving average.
    public let short: Int
    /// Smoothing of the long-run mean and variance of the short average.
    public let alpha: Double
    /// Floor of the long-run variance.
    public let minVariance: Double
    /// Values returning 0 while the estimates settle.
    public let learning: Int
    @usableFromInline var ring: [Double]
    @usableFromInline var head = 0
    @usableFromInline var sum = 0.0
    @usableFromInline var count = 0
    @usableFromInline var mean = 0.0
    @usableFromInline var variance = 0.0

    /// A likelihood over short averages of `short` raw scores.
    /// - Precondition: `short ≥ 1`, `0 < alpha ≤ 1`, `minVariance > 0`, `learning ≥ 0`.
    public init(short: Int = 10, alpha: Double = 0.001, minVariance: Double = 1e-6, learning: Int = 300) {
        precondition(
            short >= 1 && alpha > 0 && alpha <= 1 && minVariance > 0 && learning >= 0,
            "AnomalyLikelihood: parameters out of range")
        self.short = short
        self.alpha = alpha
        self.minVariance = minVariance
        self.learning = learning
        ring = [Double](repeating: 0, count: short)
    }

    /// Feeds one raw score and returns the log-scaled likelihood in `[0, 1]`.
    @inlinable
    public mutating func update(_ raw: Double) -> Double {
        sum += raw - ring[head]
        ring[head] = raw
        head = head + 1 == short ? 0 : head + 1
        count &+= 1
        let average = sum / Double(min(count, short))
        if count == 1 {
            mean = average
            return 0
        }
        var score = 0.0
        if count > learning {
            let z = (average - mean) / max(variance, minVariance).squareRoot()
            if z > 0 {
                let q = 0.5 * _erfc(z * 0.7071067811865476)
                score = q > 0 ? min(1, _log(q) / -23.025850929940457) : 1
            }
        }
        let d = average - mean
        mean += alpha * d
        variance = (1 - alpha) * (variance + alpha * d * d)
        return score
    }
}
