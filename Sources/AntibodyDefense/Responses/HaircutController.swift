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

        /// Settings with all fields; see the type's documentation.
        public init(
            assets: [String], baseLTV: [Double], lambda: Double = 0.94, referenceVolatility: Double = 0.6,
            volatilitySensitivity: Double = 0.2, referenceCorrelation: Double = 0.5,
            correlationSensitivity: Double = 0.2, maxStep: Double = 0.02, minInterval: Timestamp.Duration,
            floor: Double, ceiling: Double, thresholdSpread: Double = 0.05, warmUp: Int = 10, deadband: Double = 0.005
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
    private var lastPrices: [Double] = []
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
    }

    /// Annualised volatility of asset `i`.
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

    /// The LTV the controller aims at for asset `i`, before caps on step and interval.
    public func target(_ i: Int) -> Double {
        let c = configuration
        var highest = -1.0
        for j in c.assets.indices where j != i { highest = Swift.max(highest, correlation(i, j)) }
        let raw =
            c.baseLTV[i] - c.volatilitySensitivity * Swift.max(0, volatility(i) - c.referenceVolatility)
            - c.correlationSensitivity * Swift.max(0, highest - c.referenceCorrelation)
        return Swift.min(c.ceiling, Swift.max(c.floor, raw))
    }

    /// Feeds one synchronous sample of all assets' prices at `time`; returns the parameter changes
    /// (LTV and liquidation threshold per changed asset). Invalid prices are ignored.
    public mutating func observe(prices: [Double], at time: Timestamp) -> [Action] {
        let c = configuration
        guard prices.count == c.assets.count, prices.allSatisfy({ $0.isFinite && $0 > 0 }) else { return [] }
        defer {
            lastPrices = prices
            lastTime = time
        }
        guard let previousTime = lastTime, time > previousTime, lastPrices.count == prices.count else { return [] }
        let n = c.assets.count
        let dt = previousTime.duration(to: time).seconds
        meanInterval = samples == 0 ? dt : c.lambda * meanInterval + (1 - c.lambda) * dt
        var returns = [Double](repeating: 0, count: n)
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
            let reason = "haircut \(c.assets[i]): volatility \(rounded(volatility(i))), target LTV \(rounded(goal))"
            guard let action = parameters[i].propose(goal, at: time, reason: reason),
                case .setParameter(_, let next) = action.kind
            else { continue }
            actions.append(action)
            actions.append(
                Action(
                    .setParameter(name: "liquidationThreshold", value: Swift.min(1, next + c.thresholdSpread)),
                    scope: .market(c.assets[i]), at: time, reason: reason))
        }
        return actions
    }

    private func rounded(_ x: Double) -> Double { (x * 10_000).rounded() / 10_000 }
}
