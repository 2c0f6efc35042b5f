public import AntibodyCore
import Foundation

/// Moves the loan-to-value (LTV) and liquidation threshold of collateral assets with their EWMA
/// volatility and their pairwise EWMA correlation, inside governed caps — like Aave's Risk
/// Stewards: at most `maxStep` per change, at least `minInterval` between changes of an asset,
/// never below `floor` nor above `ceiling`.
///
/// Target LTV of asset *i* = `baseLTV[i]` − `volatilitySensitivity` × max(0, σᵢ − `referenceVolatility`)
/// − `correlationSensitivity` × max(0, ρᵢ − `referenceCorrelation`), where σᵢ is the annualised
/// EWMA volatility of its log returns and ρᵢ its highest EWMA correlation with another collateral
/// asset (correlated collateral diversifies less). The liquidation threshold keeps
/// `thresholdSpread` above the LTV. Prices arrive as synchronous samples of all assets.
///
/// σᵢ can instead come from a forecast that arrives with the sample (``observe(prices:forecasts:at:)``,
/// e.g. the engine's learned volatility forecaster): ``Configuration/volatilitySource`` selects the
/// EWMA alone (the default), the forecast alone, or the larger of the two (``VolatilitySource``). A
/// missing, negative or non-finite forecast falls back to the EWMA, so the controller never acts
/// on garbage. The controller itself performs no I/O and knows nothing of where a forecast comes from.
public struct HaircutController: Hashable, Sendable {
    /// Settings, from the policy.
    public struct Configuration: Hashable, Sendable {
        /// The collateral assets (market names), in sample order.
        public var assets: [String]
        /// Governed LTV of each asset at calm markets.
        public var baseLTV: [Double]
        /// EWMA decay per sample (RiskMetrics uses 0.94 for daily data).
        public var lambda: Double
        /// Annualised volatility below which no haircut applies.
        public var referenceVolatility: Double
        /// LTV points removed per unit of annualised volatility above the reference.
        public var volatilitySensitivity: Double
        /// Correlation below which no haircut applies.
        public var referenceCorrelation: Double
        /// LTV points removed per unit of correlation above the reference.
        public var correlationSensitivity: Double
        /// Largest change of LTV in one step (e.g. 0.02 = 2 points).
        public var maxStep: Double
        /// Shortest time between two changes of one asset.
        public var minInterval: Timestamp.Duration
        /// Lowest LTV allowed.
        public var floor: Double
        /// Highest LTV allowed.
        public var ceiling: Double
        /// Liquidation threshold minus LTV.
        public var thresholdSpread: Double
        /// Samples needed before the controller acts.
        public var warmUp: Int
        /// Smallest change worth making; smaller gaps to the target are left alone, so estimation
        /// noise does not churn parameters.
        public var deadband: Double
        /// Which volatility drives the target: EWMA (default), forecast or the larger of the two.
        public var volatilitySource: VolatilitySource

        /// Settings with all fields; see the type's documentation.
        public init(
            assets: [String], baseLTV: [Double], lambda: Double = 0.94, referenceVolatility: Double = 0.6,
            volatilitySensitivity: Double = 0.2, referenceCorrelation: Double = 0.5,
            correlationSensitivity: Double = 0.2, maxStep: Double = 0.02, minInterval: Timestamp.Duration,
            floor: Double, ceiling: Double, thresholdSpread: Double = 0.05, warmUp: Int = 10, deadband: Double = 0.005,
            volatilitySource: VolatilitySource = .ewma
        ) {
            precondition(assets.count == baseLTV.count && !assets.isEmpty)
            precondition(lambda > 0 && lambda < 1 && maxStep > 0 && floor <= ceiling)
            self.assets = assets
            self.baseLTV = baseLTV
            self.lambda = lambda
            self.referenceVolatility = referenceVolatility
            self.volatilitySensitivity = volatilitySensitivity
            self.referenceCorrelation = referenceCorrelation
            self.correlationSensitivity = correlationSensitivity
            self.maxStep = maxStep
            self.minInterval = minInterval
            self.floor = floor
            self.ceiling = ceiling
            self.thresholdSpread = thresholdSpread
            self.warmUp = warmUp
            self.deadband = deadband
            self.volatilitySource = volatilitySource
        }
    }

    /// Settings.
    public let configuration: Configuration
    /// The governed LTV of each asset.
    public private(set) var parameters: [BoundedParameter]
    /// Current LTV of each asset.
    public var ltv: [Double] { parameters.map(\.value) }
    /// EWMA variance of each asset's log returns (per sample).
    public private(set) var variance: [Double]
    /// EWMA covariance, row-major n × n.
    public private(set) var covariance: [Double]
    /// The latest annualised volatility forecast of each asset (`nan` when none arrived).
    public private(set) var forecast: [Double]
    private var lastPrices: [Double] = []
    private var returns: [Double]
    private var lastTime: Timestamp?
    private var meanInterval: Double = 0
    /// Samples seen.
    public private(set) var samples = 0

    /// A controller starting at the base LTVs (clamped to the caps).
    public init(_ configuration: Configuration) {
        self.configuration = configuration
        let n = configuration.assets.count
        parameters = zip(configuration.assets, configuration.baseLTV).map { asset, base in
            BoundedParameter(
                name: "ltv", scope: .market(asset), initial: base, maxStep: configuration.maxStep,
                minInterval: configuration.minInterval, floor: configuration.floor,
                ceiling: configuration.ceiling, deadband: configuration.deadband)
        }
        variance = Array(repeating: 0, count: n)
        covariance = Array(repeating: 0, count: n * n)
        forecast = Array(repeating: .nan, count: n)
        returns = Array(repeating: 0, count: n)
    }

    /// Annualised EWMA volatility of asset `i`.
    public func volatility(_ i: Int) -> Double {
        guard meanInterval > 0 else { return 0 }
        return (variance[i] * 365 * 86_400 / meanInterval).squareRoot()
    }

    /// EWMA correlation of assets `i` and `j` (0 when undefined).
    public func correlation(_ i: Int, _ j: Int) -> Double {
        let n = configuration.assets.count
        let d = (variance[i] * variance[j]).squareRoot()
        return d > 0 ? Swift.max(-1, Swift.min(1, covariance[i * n + j] / d)) : 0
    }

    /// The annualised volatility that drives asset `i`'s target under
    /// ``Configuration/volatilitySource``: the EWMA, the forecast, or the larger; the EWMA whenever
    /// no usable forecast (finite, ≥ 0) has arrived.
    public func drivingVolatility(_ i: Int) -> Double {
        let ewma = volatility(i)
        let predicted = forecast[i]
        guard predicted.isFinite, predicted >= 0 else { return ewma }
        switch configuration.volatilitySource {
        case .ewma: return ewma
        case .forecast: return predicted
        case .max: return Swift.max(ewma, predicted)
        }
    }

    /// The LTV the controller aims at for asset `i`, before caps on step and interval.
    public func target(_ i: Int) -> Double {
        let c = configuration
        var highest = -1.0
        for j in c.assets.indices where j != i { highest = Swift.max(highest, correlation(i, j)) }
        let raw =
            c.baseLTV[i] - c.volatilitySensitivity * Swift.max(0, drivingVolatility(i) - c.referenceVolatility)
            - c.correlationSensitivity * Swift.max(0, highest - c.referenceCorrelation)
        return Swift.min(c.ceiling, Swift.max(c.floor, raw))
    }

    /// Feeds one synchronous sample of all assets' prices at `time`; returns the parameter changes
    /// (LTV and liquidation threshold per changed asset). Invalid prices are ignored.
    ///
    /// `forecasts` is empty or holds one annualised volatility forecast per asset, in the same order
    /// (`nan` for "none"); it is stored with the sample and used as ``drivingVolatility(_:)`` says.
    /// Allocates only when it returns actions (the first sample sizes its buffers).
    public mutating func observe(prices: [Double], forecasts: [Double] = [], at time: Timestamp) -> [Action] {
        let c = configuration
        guard prices.count == c.assets.count, prices.allSatisfy({ $0.isFinite && $0 > 0 }) else { return [] }
        if forecasts.count == c.assets.count {
            for i in forecasts.indices { forecast[i] = forecasts[i] }
        }
        defer {
            // Copied element by element: keeping a reference to the caller's buffer would make its
            // next write copy the whole array.
            if lastPrices.count == prices.count {
                for i in prices.indices { lastPrices[i] = prices[i] }
            } else {
                lastPrices = Array(prices)
            }
            lastTime = time
        }
        guard let previousTime = lastTime, time > previousTime, lastPrices.count == prices.count else { return [] }
        let n = c.assets.count
        let dt = previousTime.duration(to: time).seconds
        meanInterval = samples == 0 ? dt : c.lambda * meanInterval + (1 - c.lambda) * dt
        for i in 0..<n { returns[i] = log(prices[i] / lastPrices[i]) }
        for i in 0..<n {
            for j in 0..<n {
                covariance[i * n + j] = c.lambda * covariance[i * n + j] + (1 - c.lambda) * returns[i] * returns[j]
            }
            variance[i] = covariance[i * n + i]
        }
        samples += 1
        guard samples >= c.warmUp else { return [] }
        var actions: [Action] = []
        for i in 0..<n {
            let goal = target(i)
            let (driving, ewma, predicted) = (drivingVolatility(i), volatility(i), forecast[i])
            guard
                let action = parameters[i].propose(
                    goal, at: time,
                    reason: Self.reason(c, i, driving: driving, ewma: ewma, forecast: predicted, goal: goal)),
                case .setParameter(_, let next) = action.kind
            else { continue }
            actions.append(action)
            actions.append(
                Action(
                    .setParameter(name: "liquidationThreshold", value: Swift.min(1, next + c.thresholdSpread)),
                    scope: .market(c.assets[i]), at: time, reason: action.reason))
        }
        return actions
    }

    /// Why asset `i` moves toward `goal`; the forecast is named when one is configured and arrived.
    /// Built only when a change is made (``BoundedParameter/propose(_:at:reason:)`` takes it lazily).
    private static func reason(
        _ c: Configuration, _ i: Int, driving: Double, ewma: Double, forecast: Double, goal: Double
    ) -> String {
        var text = "haircut \(c.assets[i]): volatility \(rounded(driving))"
        if c.volatilitySource != .ewma, forecast.isFinite {
            text += " (\(c.volatilitySource.rawValue) of EWMA \(rounded(ewma)), forecast \(rounded(forecast)))"
        }
        return text + ", target LTV \(rounded(goal))"
    }

    private static func rounded(_ x: Double) -> Double { (x * 10_000).rounded() / 10_000 }
}
