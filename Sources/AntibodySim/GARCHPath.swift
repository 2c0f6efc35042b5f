/// GARCH(1,1) volatility clustering (Bollerslev, 1986) on per-step log-returns:
/// `r_t = σ_t·Z_t`, `σ²_{t+1} = ω + α·r_t² + β·σ²_t`, price `S_t = S_{t−1}·exp(r_t)`.
///
/// With `α + β < 1` the process is covariance-stationary with unconditional variance
/// `ω / (1 − α − β)`; the path starts at that variance. Returns are uncorrelated but their squares
/// are positively autocorrelated (volatility clusters), with lag-1 autocorrelation of `r²`
/// `α(1 − αβ − β²) / (1 − 2αβ − β²)` when the fourth moment exists.
public struct GARCHPath: PricePath, Hashable {
    /// The current price.
    public var price: Double
    /// The current conditional variance σ²_t of the next log-return.
    public var variance: Double
    /// ω > 0, α ≥ 0, β ≥ 0 with α + β < 1.
    public let omega: Double, alpha: Double, beta: Double

    /// A GARCH(1,1) path from `start`.
    ///
    /// - Throws: ``SimError`` unless `start > 0`, `ω > 0`, `α, β ≥ 0`, `α + β < 1`, all finite.
    public init(start: Double, omega: Double, alpha: Double, beta: Double) throws(SimError) {
        guard start.isFinite, start > 0, omega.isFinite, omega > 0, alpha.isFinite, alpha >= 0, beta.isFinite,
            beta >= 0, alpha + beta < 1
        else {
            throw .invalidInput(
                "GARCH(1,1) needs start > 0, ω > 0, α, β ≥ 0 and α + β < 1 (got ω \(omega), α \(alpha), β \(beta))")
        }
        self.price = start
        self.omega = omega
        self.alpha = alpha
        self.beta = beta
        self.variance = omega / (1 - alpha - beta)
    }

    /// The unconditional (long-run) variance of a log-return, `ω / (1 − α − β)`.
    public var unconditionalVariance: Double { omega / (1 - alpha - beta) }

    /// Advances one step. O(1), no allocation.
    @inlinable
    public mutating func next(using rng: inout Xoshiro256StarStar) -> Double {
        let r = variance.squareRoot() * rng.nextGaussian()
        variance = omega + alpha * r * r + beta * variance
        price *= _exp(r)
        return price
    }
}
