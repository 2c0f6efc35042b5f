/// Geometric Brownian motion: `S(t+Δ) = S(t)·exp((μ − σ²/2)Δ + σ√Δ·Z)`, `Z ~ N(0, 1)`, sampled
/// exactly (no discretisation error). Log-returns are i.i.d. normal with mean `(μ − σ²/2)Δ` and
/// variance `σ²Δ`.
public struct GBMPath: PricePath, Hashable {
    /// The current price.
    public var price: Double
    /// Annualised drift μ.
    public let drift: Double
    /// Annualised volatility σ.
    public let volatility: Double
    /// The step Δ in years.
    public let step: Double
    @usableFromInline let mean: Double
    @usableFromInline let scale: Double

    /// A GBM path from `start` with annual `drift` and `volatility`, stepping `step` years.
    ///
    /// - Throws: ``SimError`` unless `start > 0`, `volatility ≥ 0`, `step > 0` and all are finite.
    public init(start: Double, drift: Double, volatility: Double, step: Double) throws(SimError) {
        guard start.isFinite, start > 0, drift.isFinite, volatility.isFinite, volatility >= 0, step.isFinite, step > 0
        else {
            throw .invalidInput(
                "GBM needs start > 0, volatility ≥ 0, step > 0 (got start \(start), σ \(volatility), Δ \(step))")
        }
        self.price = start
        self.drift = drift
        self.volatility = volatility
        self.step = step
        self.mean = (drift - volatility * volatility / 2) * step
        self.scale = volatility * step.squareRoot()
    }

    /// Advances one step. O(1), no allocation.
    @inlinable
    public mutating func next(using rng: inout Xoshiro256StarStar) -> Double {
        price *= _exp(mean + scale * rng.nextGaussian())
        return price
    }
}
