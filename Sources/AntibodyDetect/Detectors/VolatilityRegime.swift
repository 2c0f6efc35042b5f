public import AntibodyCore

/// Volatility against its own long-run level: "volatility beyond historical standard deviations".
///
/// **Maths.** On the increments `r = x − x_prev` (so a change of level is not volatility), two
/// exponentially weighted variances: a fast one `σ²_f` (smoothing `fast`) and a slow one `σ²_s`
/// (smoothing `slow`), `σ² ← (1 − α)σ² + α r²`. The regime ratio is `ρ = σ²_f/σ²_s` and the score
/// `max(0, 1 − k/ρ)` with `k = ratio` the ratio regarded as normal: at `ρ = k` the score is 0, at
/// `ρ = 2k` 0.5, at `ρ = 10k` 0.9. The slow variance is updated after scoring.
///
/// **Parameters.** `fast`, `slow` (smoothing, `0 < slow < fast ≤ 1`), `ratio` `k` (≥ 1), `warmup`.
///
/// **Complexity.** O(1), no allocation.
///
/// **Use it** to switch a market into a stressed regime (wider bands, smaller limits) when its
/// short-term volatility leaves its historical range, whatever the direction of prices.
public struct VolatilityRegime: Detector {
    /// Smoothing of the fast variance.
    public let fast: Double
    /// Smoothing of the slow variance.
    public let slow: Double
    /// The variance ratio regarded as normal.
    public let ratio: Double
    /// Increments scored 0 while the variances settle.
    public let warmup: Int
    @usableFromInline var previous = 0.0
    @usableFromInline var fastVariance = 0.0
    @usableFromInline var slowVariance = 0.0
    @usableFromInline var count = 0
    @usableFromInline var _health = InputHealth()

    /// The current ratio `σ²_f/σ²_s` (0 before any increment).
    public var currentRatio: Double { slowVariance > 0 ? fastVariance / slowVariance : 0 }
    /// Skipped and out-of-order input.
    public var health: InputHealth { _health }

    /// A detector with the given smoothing, normal ratio and warm-up.
    /// - Precondition: `0 < slow < fast ≤ 1`, `ratio ≥ 1`, `warmup ≥ 0`.
    public init(fast: Double = 0.1, slow: Double = 0.005, ratio: Double = 2, warmup: Int = 100) {
        precondition(
            slow > 0 && slow < fast && fast <= 1 && ratio >= 1 && warmup >= 0,
            "VolatilityRegime: need 0 < slow < fast ≤ 1, ratio ≥ 1, warmup ≥ 0")
        self.fast = fast
        self.slow = slow
        self.ratio = ratio
        self.warmup = warmup
    }

    @inlinable
    public mutating func update(_ value: Double, at timestamp: Timestamp) -> Double {
        guard _health.admit(value, at: timestamp) else { return 0 }
        defer { previous = value }
        count &+= 1
        guard count > 1 else { return 0 }
        let r2 = (value - previous) * (value - previous)
        if count == 2 {
            fastVariance = r2
            slowVariance = r2
            return 0
        }
        fastVariance += fast * (r2 - fastVariance)
        var score = 0.0
        if count > warmup {
            if slowVariance > 0 {
                score = max(0, 1 - ratio * slowVariance / fastVariance)
            } else if fastVariance > 0 {
                score = 1
            }
        }
        slowVariance += slow * (r2 - slowVariance)
        return score
    }
}
