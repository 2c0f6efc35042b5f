/// Merton's (1976) jump-diffusion: GBM plus a compound Poisson process of log-normal jumps.
///
/// Per step Δ: `log S(t+Δ)/S(t) = (μ − λκ − σ²/2)Δ + σ√Δ·Z + Σ_{i=1}^{N} Yᵢ`, with
/// `N ~ Poisson(λΔ)`, `Yᵢ ~ N(μ_J, σ_J²)` and `κ = exp(μ_J + σ_J²/2) − 1`, so that the expected
/// price grows at μ whatever the jumps. The log-return's mean is `(μ − λκ − σ²/2 + λμ_J)Δ` and its
/// variance `(σ² + λ(μ_J² + σ_J²))Δ`.
public struct MertonJumpPath: PricePath, Hashable {
    /// The current price.
    public var price: Double
    /// Annualised drift μ, diffusion volatility σ, jump intensity λ (jumps a year), mean μ_J and
    /// standard deviation σ_J of a jump's log size, and the step Δ in years.
    public let drift: Double, volatility: Double, jumpIntensity: Double, jumpMean: Double, jumpVolatility: Double
    /// The step Δ in years.
    public let step: Double
    @usableFromInline let mean: Double
    @usableFromInline let scale: Double

    /// A Merton path; see the type's documentation for the parameters.
    ///
    /// - Throws: ``SimError`` unless `start > 0`, `σ, λ, σ_J ≥ 0`, `step > 0`, `λΔ ≤ 30`, all finite.
    public init(
        start: Double, drift: Double, volatility: Double, jumpIntensity: Double, jumpMean: Double,
        jumpVolatility: Double, step: Double
    ) throws(SimError) {
        let values = [start, drift, volatility, jumpIntensity, jumpMean, jumpVolatility, step]
        guard values.allSatisfy(\.isFinite), start > 0, volatility >= 0, jumpIntensity >= 0, jumpVolatility >= 0,
            step > 0, jumpIntensity * step <= 30
        else {
            throw .invalidInput(
                "Merton jump-diffusion needs start > 0, σ, λ, σ_J ≥ 0, Δ > 0 and λΔ ≤ 30 (got \(values))")
        }
        self.price = start
        self.drift = drift
        self.volatility = volatility
        self.jumpIntensity = jumpIntensity
        self.jumpMean = jumpMean
        self.jumpVolatility = jumpVolatility
        self.step = step
        let kappa = _exp(jumpMean + jumpVolatility * jumpVolatility / 2) - 1
        self.mean = (drift - jumpIntensity * kappa - volatility * volatility / 2) * step
        self.scale = volatility * step.squareRoot()
    }

    /// Advances one step. O(1) expected, no allocation.
    @inlinable
    public mutating func next(using rng: inout Xoshiro256StarStar) -> Double {
        var logReturn = mean + scale * rng.nextGaussian()
        let jumps = rng.nextPoisson(jumpIntensity * step)
        for _ in 0..<jumps { logReturn += jumpMean + jumpVolatility * rng.nextGaussian() }
        price *= _exp(logReturn)
        return price
    }
}
