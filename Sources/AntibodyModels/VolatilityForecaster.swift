/// A volatility / liquidation-risk forecaster for the haircut controller: ridge regression of the
/// log realised variance over the next ``horizon`` returns on EWMA features of past returns —
/// `[1, ln EWMA_fast(r²), ln EWMA_slow(r²), ln(r_t² + floor)]` with smoothing 0.2 and 0.02.
///
/// A value type fed one return at a time (``update(_:)``); ``forecastVolatility`` is the per-step
/// volatility expected over the horizon, which a haircut policy scales into a collateral discount.
/// The engine holds one per haircut asset (``ForecasterArtifact`` is the signed form); updating and
/// forecasting are O(1) and allocate nothing.
public struct VolatilityForecaster: Hashable, Sendable {
    /// Returns ahead the forecast covers.
    public let horizon: Int
    /// Ridge coefficients (intercept first).
    public let coefficients: [Double]
    private var fast = 0.0
    private var slow = 0.0
    private var last = 0.0
    private var seen = 0

    /// Smoothing of the fast and slow EWMAs of r², and the floor added before taking logs: fixed by
    /// the architecture (a signed document states them, and loading checks they match).
    static let fastAlpha = 0.2, slowAlpha = 0.02, floor = 1e-12

    /// Finite returns fed so far (non-finite ones are ignored and not counted).
    public var returnsSeen: Int { seen }

    /// A forecaster with given coefficients.
    ///
    /// - Throws: ``ModelError`` unless there are 4 finite coefficients and 1 ≤ horizon ≤ 10,000.
    public init(horizon: Int, coefficients: [Double]) throws(ModelError) {
        guard coefficients.count == 4, coefficients.allSatisfy(\.isFinite) else {
            throw .invalidInput("the volatility forecaster needs 4 finite coefficients")
        }
        guard (1...10_000).contains(horizon) else { throw .invalidInput("horizon must be 1…10,000, not \(horizon)") }
        self.horizon = horizon
        self.coefficients = coefficients
    }

    /// Fits on a return series by ridge regression (λ = 10⁻³).
    ///
    /// - Throws: ``ModelError`` for non-finite returns or fewer than 200 + horizon of them.
    public static func fit(returns: [Double], horizon: Int) throws(ModelError) -> VolatilityForecaster {
        guard returns.allSatisfy(\.isFinite) else { throw .invalidInput("returns must be finite") }
        guard (1...10_000).contains(horizon), returns.count >= 200 + horizon else {
            throw .invalidInput("fitting needs at least 200 + horizon returns, not \(returns.count)")
        }
        let (x, y) = design(returns, horizon: horizon)
        var xtx = [Double](repeating: 0, count: 16)
        var xty = [Double](repeating: 0, count: 4)
        for (row, target) in zip(x, y) {
            for a in 0..<4 {
                xty[a] += row[a] * target
                for b in 0..<4 { xtx[a * 4 + b] += row[a] * row[b] }
            }
        }
        for a in 1..<4 { xtx[a * 4 + a] += 1e-3 * Double(x.count) }
        let inverse = InputValidator.invert(xtx, 4)
        let beta = (0..<4).map { a in (0..<4).reduce(0.0) { $0 + inverse[a * 4 + $1] * xty[$1] } }
        return try VolatilityForecaster(horizon: horizon, coefficients: beta)
    }

    /// Feature rows and targets (log mean r² over the next `horizon`) after a 50-return warm-up.
    static func design(_ returns: [Double], horizon: Int) -> ([[Double]], [Double]) {
        var state = try! VolatilityForecaster(horizon: horizon, coefficients: [0, 0, 0, 0])
        var x: [[Double]] = []
        var y: [Double] = []
        for t in 0..<(returns.count - horizon) {
            state.update(returns[t])
            guard t >= 50 else { continue }
            var future = 0.0
            for k in 1...horizon { future += returns[t + k] * returns[t + k] }
            x.append(state.features)
            y.append(_log(future / Double(horizon) + floor))
        }
        return (x, y)
    }

    /// Feeds one return (a log return over one sampling interval). A non-finite return — the log of
    /// a ratio with a zero, negative or non-finite price — is ignored: the state does not change.
    public mutating func update(_ r: Double) {
        guard r.isFinite else { return }
        let r2 = r * r
        if seen == 0 {
            fast = r2
            slow = r2
        } else {
            fast += Self.fastAlpha * (r2 - fast)
            slow += Self.slowAlpha * (r2 - slow)
        }
        last = r2
        seen += 1
    }

    var features: [Double] { [1, _log(fast + Self.floor), _log(slow + Self.floor), _log(last + Self.floor)] }

    /// The forecast log variance per step over the horizon. No allocation.
    public var forecastLogVariance: Double {
        coefficients[0] + coefficients[1] * _log(fast + Self.floor) + coefficients[2] * _log(slow + Self.floor)
            + coefficients[3] * _log(last + Self.floor)
    }

    /// The forecast volatility per step over the horizon.
    public var forecastVolatility: Double { _exp(forecastLogVariance / 2) }

    /// The forecast volatility annualised from steps of `stepSeconds` seconds:
    /// σ_step · √(365 · 86,400 / stepSeconds) — the same 365-day year as the haircut controller's
    /// EWMA volatility. `nan` for a non-positive step.
    public func annualisedVolatility(stepSeconds: Double) -> Double {
        guard stepSeconds > 0, stepSeconds.isFinite else { return .nan }
        return forecastVolatility * (365 * 86_400 / stepSeconds).squareRoot()
    }

    /// Out-of-sample quality on `returns`: R² of the log realised variance for this model and for
    /// the RiskMetrics EWMA (λ = 0.94) forecast it is meant to beat.
    public func evaluate(returns: [Double]) -> (r2: Double, ewmaR2: Double) {
        let (x, y) = Self.design(returns, horizon: horizon)
        guard !y.isEmpty else { return (0, 0) }
        let mean = y.reduce(0, +) / Double(y.count)
        let total = y.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        var model = 0.0
        for (row, target) in zip(x, y) {
            let prediction = zip(coefficients, row).reduce(0) { $0 + $1.0 * $1.1 }
            model += (target - prediction) * (target - prediction)
        }
        var riskMetrics = 0.0
        var ewma = 0.0
        for t in 0..<(returns.count - horizon) {
            ewma = t == 0 ? returns[0] * returns[0] : 0.94 * ewma + 0.06 * returns[t] * returns[t]
            guard t >= 50 else { continue }
            let index = t - 50
            let error = y[index] - _log(ewma + Self.floor)
            riskMetrics += error * error
        }
        return (1 - model / max(total, 1e-300), 1 - riskMetrics / max(total, 1e-300))
    }
}
