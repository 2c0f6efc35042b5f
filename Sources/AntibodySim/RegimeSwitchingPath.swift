/// A Markov regime-switching GBM (Hamilton, 1989): a hidden regime follows a discrete-time Markov
/// chain, and within regime `k` the price moves as GBM with drift `μ_k` and volatility `σ_k`.
///
/// Per step the regime first transitions with probabilities `transition[k]` (a row-stochastic
/// matrix), then the price moves by the new regime's exact GBM increment.
public struct RegimeSwitchingPath: PricePath, Hashable {
    /// A regime's annualised drift and volatility.
    public struct Regime: Hashable, Sendable {
        /// Annualised drift μ_k.
        public var drift: Double
        /// Annualised volatility σ_k.
        public var volatility: Double
        /// A regime with `drift` and `volatility`.
        public init(drift: Double, volatility: Double) {
            self.drift = drift
            self.volatility = volatility
        }
    }

    /// The current price.
    public var price: Double
    /// The index of the current regime.
    public var regime: Int
    /// The regimes.
    public let regimes: [Regime]
    /// Row-stochastic transition matrix: `transition[i][j]` is P(next = j | current = i).
    public let transition: [[Double]]
    /// The step Δ in years.
    public let step: Double
    @usableFromInline let means: [Double]
    @usableFromInline let scales: [Double]

    /// A regime-switching path starting in `initialRegime`.
    ///
    /// - Throws: ``SimError`` unless there is at least one regime, the matrix is square with rows of
    ///   non-negative entries summing to 1 (±1e-9), volatilities are ≥ 0 and `start`, `step` > 0.
    public init(
        start: Double, regimes: [Regime], transition: [[Double]], initialRegime: Int = 0, step: Double
    ) throws(SimError) {
        let n = regimes.count
        guard n > 0, transition.count == n, (0..<n).contains(initialRegime) else {
            throw .invalidInput("regime switching needs ≥ 1 regime and an n×n transition matrix (n = \(n))")
        }
        for (i, row) in transition.enumerated() {
            guard row.count == n, row.allSatisfy({ $0.isFinite && $0 >= 0 }), abs(row.reduce(0, +) - 1) <= 1e-9 else {
                throw .invalidInput("transition row \(i) must have \(n) non-negative entries summing to 1: \(row)")
            }
        }
        guard regimes.allSatisfy({ $0.drift.isFinite && $0.volatility.isFinite && $0.volatility >= 0 }),
            start.isFinite, start > 0, step.isFinite, step > 0
        else { throw .invalidInput("regime switching needs start > 0, step > 0 and finite μ, σ ≥ 0") }
        self.price = start
        self.regime = initialRegime
        self.regimes = regimes
        self.transition = transition
        self.step = step
        self.means = regimes.map { ($0.drift - $0.volatility * $0.volatility / 2) * step }
        self.scales = regimes.map { $0.volatility * step.squareRoot() }
    }

    /// The stationary distribution of the regime chain (by power iteration; for tests and reports).
    public func stationaryDistribution(iterations: Int = 10_000) -> [Double] {
        var p = [Double](repeating: 1 / Double(regimes.count), count: regimes.count)
        for _ in 0..<iterations {
            var q = [Double](repeating: 0, count: p.count)
            for i in p.indices { for j in p.indices { q[j] += p[i] * transition[i][j] } }
            p = q
        }
        return p
    }

    /// Advances one step. O(number of regimes), no allocation.
    @inlinable
    public mutating func next(using rng: inout Xoshiro256StarStar) -> Double {
        let u = rng.nextUnit()
        var cumulative = 0.0
        var nextRegime = regimes.count - 1
        for j in 0..<regimes.count {
            cumulative += transition[regime][j]
            if u < cumulative {
                nextRegime = j
                break
            }
        }
        regime = nextRegime
        price *= _exp(means[regime] + scales[regime] * rng.nextGaussian())
        return price
    }
}
