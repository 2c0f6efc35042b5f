/// The documented maps from a detector statistic to an anomaly score in `[0, 1]`.
public enum TailTransform {
    /// One minus Chebyshev's bound on the two-sided tail: `max(0, 1 − 1/z²)` for a standardised
    /// deviation `z`, computed from `d²` and the variance as `max(0, 1 − (σ² + ε)/(d² + ε))`, with ε
    /// the least normal double (0 for `d = σ = 0`, no other result changed): no square root, no
    /// branch. Distribution-free: whatever the data's law, at most a fraction `1 − s` of normal points
    /// score above `s`. `|z| = 2 → 0.75`, `3 → 0.89`, `10 → 0.99`.
    @inlinable
    public static func chebyshev(squaredDeviation d2: Double, variance: Double) -> Double {
        let tiny = Double.leastNormalMagnitude
        return max(0, 1 - (variance + tiny) / (d2 + tiny))
    }

    /// A ratio `r` of a statistic to its alarm level mapped to `[0, 1]` linearly and clamped:
    /// `min(1, max(0, r))`. Used by CUSUM and Page–Hinkley, whose statistic alarms at a level `h`.
    @inlinable
    public static func clampedRatio(_ r: Double) -> Double {
        r >= 1 ? 1 : (r > 0 ? r : 0)
    }

    /// The Kolmogorov distribution's survival function `Q(λ) = 2 Σ_{k≥1} (−1)^{k−1} e^{−2k²λ²}`, the
    /// asymptotic p-value of a KS statistic scaled to `λ`. Returns 1 for `λ < 0.2` (where the series is
    /// 1 to double precision).
    @inlinable
    public static func kolmogorovSurvival(_ lambda: Double) -> Double {
        if lambda < 0.2 { return 1 }
        // e^{−2k²λ²} = q^{k²} with q = e^{−2λ²}: one exp, then q^{(k+1)²} = q^{k²}·q^{2k+1}.
        let q = _exp(-2 * lambda * lambda)
        let q2 = q * q
        var power = q  // q^{k²}
        var step = q * q2  // q^{2k+1}
        var sum = 0.0
        var sign = 1.0
        for _ in 0..<100 {
            sum += sign * power
            if power <= 1e-12 * sum { break }
            power *= step
            step *= q2
            sign = -sign
        }
        return min(1, max(0, 2 * sum))
    }
}
