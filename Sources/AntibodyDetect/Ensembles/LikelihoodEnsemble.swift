public import AntibodyCore

/// Antibody's recommended general-purpose detector (the one `antibody nab run` uses by default):
/// range breakouts and prediction errors, each turned into an anomaly likelihood, the largest taken,
/// with alarm suppression.
///
/// **Components.**
/// 1. *Range breakout.* After `spatialWarmup` values, a value more than `spatialTolerance` times the
///    range seen so far beyond its minimum or maximum scores 1.
/// 2. *Prediction errors.* For each smoothing `αₖ` in `scales`, the error `|x − μₖ|` of an
///    exponentially weighted mean `μₖ` (`α = 1`: the last value); for each period in
///    `seasonalPeriods`, the error against the value one period earlier (the row lag is the period
///    over the first sampling interval; lags of 2…`seasonalCapacity − 1` rows are used). Each error is
///    divided by the range seen so far (or, with `errorScale > 0`, mapped by `e/(e + c·MAE)`): a raw
///    surprise in `[0, 1]` that needs no per-series scale.
/// 3. *Sequence surprise* (off by default, `sequenceBins = 0`): ``SequenceSurprise`` per order.
/// 4. *Anomaly likelihood* (``AnomalyLikelihood``) of each raw surprise: how unusual its recent level
///    is against its own history, on a log scale.
/// The score is the maximum of the components; after a score of at least `suppressionLevel`, the next
/// `suppressionRows` scores are 0 (``AlarmSuppression`` semantics, built in).
///
/// All parameters are global: one configuration for every series, no labels, no look-ahead (every
/// estimate is updated after the value is scored; warm-ups are fixed row counts). The defaults were
/// chosen on the NAB corpus score (see docs/detectors.md).
///
/// **Complexity.** O(components) per value, no allocation after `init`.
public struct LikelihoodEnsemble: Detector {
    /// The ensemble's parameters.
    public struct Configuration: Sendable, Hashable {
        /// Values before range breakouts can score.
        public var spatialWarmup = 300
        /// Fraction of the range beyond the extremes that counts as a breakout.
        public var spatialTolerance = 0.025
        /// Smoothing factors of the predictors.
        public var scales: [Double] = [1]
        /// Short moving average of the likelihoods.
        public var likelihoodShort = 12
        /// Smoothing of the likelihoods' long-run estimates.
        public var likelihoodAlpha = 0.001
        /// Floor of the likelihoods' long-run variance.
        public var likelihoodMinVariance = 1e-6
        /// Values before likelihoods can score.
        public var likelihoodLearning = 300
        /// Bins of the sequence models (0: none).
        public var sequenceBins = 0
        /// Orders of the sequence models (one model per order).
        public var sequenceOrders: [Int] = [2]
        /// Seasonal periods in seconds (e.g. 86400 for daily); each adds the error against the value
        /// one period earlier (found by row lag from the sampling interval).
        public var seasonalPeriods: [Double] = [604_800]
        /// Longest seasonal lag kept, in rows.
        public var seasonalCapacity = 4096
        /// How prediction errors become raw surprises: 0 divides by the range seen so far; `c > 0`
        /// maps an error `e` to `e/(e + c·m)` with `m` a slowly updated mean absolute error.
        public var errorScale = 0.0
        /// Smoothing of the mean absolute errors used when `errorScale > 0`.
        public var errorAlpha = 0.01
        /// Whether values are first mapped by `sign(x)·log(1 + |x|)` (compresses multiplicative
        /// bursts of counts and volumes).
        public var logValues = false
        /// Whether the raw surprises are averaged into one likelihood (instead of one likelihood each,
        /// the largest taken).
        public var jointLikelihood = false
        /// Score that counts as an alarm for suppression.
        public var suppressionLevel = 0.5
        /// Values silenced after an alarm.
        public var suppressionRows = 200

        /// The recommended configuration.
        public init() {}
    }

    /// The parameters.
    public let configuration: Configuration
    @usableFromInline var minimum = Double.infinity
    @usableFromInline var maximum = -Double.infinity
    @usableFromInline var means: [Double]
    @usableFromInline var likelihoods: [AnomalyLikelihood]
    @usableFromInline var meanErrors: [Double]
    @usableFromInline var sequences: [SequenceSurprise]
    @usableFromInline var sequenceLikelihoods: [AnomalyLikelihood]
    @usableFromInline var seasonalRing: [Double]
    @usableFromInline var seasonalHead = 0
    @usableFromInline var seasonalLags: [Int]
    @usableFromInline var seasonalLikelihoods: [AnomalyLikelihood]
    @usableFromInline var firstTimestamp: Int64?
    @usableFromInline var interval: Int64 = 0
    @usableFromInline var count = 0
    @usableFromInline var silent = 0
    @usableFromInline var _health = InputHealth()

    /// Skipped and out-of-order input.
    public var health: InputHealth { _health }

    /// An ensemble with `configuration`. - Precondition: the parameters are in range.
    public init(configuration: Configuration = Configuration()) {
        let c = configuration
        precondition(
            c.spatialWarmup >= 1 && c.spatialTolerance >= 0
                && c.scales.allSatisfy { $0 > 0 && $0 <= 1 } && c.suppressionRows >= 0,
            "LikelihoodEnsemble: parameters out of range")
        self.configuration = c
        means = [Double](repeating: 0, count: c.scales.count)
        func likelihood() -> AnomalyLikelihood {
            AnomalyLikelihood(
                short: c.likelihoodShort, alpha: c.likelihoodAlpha,
                minVariance: c.likelihoodMinVariance, learning: c.likelihoodLearning)
        }
        likelihoods = c.scales.map { _ in likelihood() }
        meanErrors = [Double](repeating: 0, count: c.scales.count + c.seasonalPeriods.count)
        let orders = c.sequenceBins >= 2 ? c.sequenceOrders : []
        sequences = orders.map { SequenceSurprise(bins: c.sequenceBins, order: $0) }
        sequenceLikelihoods = orders.map { _ in likelihood() }
        seasonalRing = [Double](repeating: 0, count: c.seasonalPeriods.isEmpty ? 1 : c.seasonalCapacity)
        seasonalLags = c.seasonalPeriods.map { _ in 0 }
        seasonalLikelihoods = c.seasonalPeriods.map { _ in likelihood() }
    }

    @inlinable
    public mutating func update(_ input: Double, at timestamp: Timestamp) -> Double {
        guard _health.admit(input, at: timestamp) else { return 0 }
        let c = configuration
        let value = c.logValues ? (input < 0 ? -_log1p(-input) : _log1p(input)) : input
        count &+= 1
        var score = 0.0
        if count == 1 {
            for k in means.indices { means[k] = value }
        }
        let range = maximum - minimum
        if count > c.spatialWarmup && range > 0 {
            let tolerance = c.spatialTolerance * range
            if value > maximum + tolerance || value < minimum - tolerance { score = 1 }
        }
        var joint = 0.0
        var parts = 0
        for k in means.indices {
            let raw = surprise(abs(value - means[k]), range: range, slot: k)
            if c.jointLikelihood { joint += raw; parts += 1 } else { score = max(score, likelihoods[k].update(raw)) }
            means[k] += c.scales[k] * (value - means[k])
        }
        if !seasonalLags.isEmpty {
            if interval == 0 {
                if let first = firstTimestamp {
                    let dt = timestamp.milliseconds - first
                    if dt > 0 {
                        interval = dt
                        for k in seasonalLags.indices {
                            let lag = Int((c.seasonalPeriods[k] * 1000 / Double(dt)).rounded())
                            seasonalLags[k] = lag >= 2 && lag < seasonalRing.count ? lag : 0
                        }
                    }
                } else {
                    firstTimestamp = timestamp.milliseconds
                }
            }
            let capacity = seasonalRing.count
            for k in seasonalLags.indices where seasonalLags[k] > 0 && count > seasonalLags[k] {
                var slot = seasonalHead - seasonalLags[k]
                if slot < 0 { slot += capacity }
                let raw = surprise(abs(value - seasonalRing[slot]), range: range, slot: c.scales.count + k)
                if c.jointLikelihood {
                    joint += raw
                    parts += 1
                } else {
                    score = max(score, seasonalLikelihoods[k].update(raw))
                }
            }
            seasonalRing[seasonalHead] = value
            seasonalHead = seasonalHead + 1 == capacity ? 0 : seasonalHead + 1
        }
        for k in sequences.indices {
            let raw = sequences[k].update(value, low: minimum, high: maximum)
            if c.jointLikelihood {
                joint += raw; parts += 1
            } else {
                score = max(score, sequenceLikelihoods[k].update(raw))
            }
        }
        if c.jointLikelihood && parts > 0 && !likelihoods.isEmpty {
            score = max(score, likelihoods[0].update(joint / Double(parts)))
        }
        minimum = min(minimum, value)
        maximum = max(maximum, value)
        if silent > 0 {
            silent -= 1
            return 0
        }
        if score >= c.suppressionLevel { silent = c.suppressionRows }
        return score
    }
}

extension LikelihoodEnsemble {
    /// A prediction error as a raw surprise in `[0, 1]` (see ``Configuration/errorScale``).
    @inlinable
    mutating func surprise(_ error: Double, range: Double, slot: Int) -> Double {
        let c = configuration
        if c.errorScale <= 0 { return range > 0 ? min(1, error / range) : 0 }
        let m = meanErrors[slot]
        meanErrors[slot] += c.errorAlpha * (error - m)
        let denominator = error + c.errorScale * m
        return denominator > 0 ? error / denominator : 0
    }
}

extension LikelihoodEnsemble.Configuration {
    /// The parameter names accepted by ``set(_:to:)``.
    public static let parameterNames = [
        "spatialWarmup", "spatialTolerance", "scales", "likelihoodShort", "likelihoodAlpha",
        "likelihoodMinVariance", "likelihoodLearning", "sequenceBins", "sequenceOrders", "seasonalPeriods",
        "errorScale", "errorAlpha", "logValues", "jointLikelihood", "suppressionLevel",
        "suppressionRows",
    ]

    /// Sets one parameter from text (`scales` as comma-separated numbers), for tuning from the CLI.
    ///
    /// - Throws: ``DetectError`` for an unknown name or a value that does not parse.
    public mutating func set(_ name: String, to text: String) throws {
        func number() throws -> Double {
            guard let v = Double(text), v.isFinite else {
                throw DetectError.invalidArgument("parameter \(name): '\(text)' is not a number")
            }
            return v
        }
        func integer() throws -> Int {
            guard let v = Int(text), v >= 0 else {
                throw DetectError.invalidArgument("parameter \(name): '\(text)' is not a non-negative integer")
            }
            return v
        }
        switch name {
        case "spatialWarmup": spatialWarmup = max(1, try integer())
        case "spatialTolerance": spatialTolerance = try number()
        case "sequenceBins": sequenceBins = try integer()
        case "sequenceOrders":
            let parts = text.split(separator: ",").map { Int($0) }
            guard parts.allSatisfy({ $0 != nil && $0! >= 1 && $0! <= 7 }) else {
                throw DetectError.invalidArgument(
                    "parameter sequenceOrders: expected integers in 1...7, found '\(text)'")
            }
            sequenceOrders = parts.map { $0! }
        case "seasonalPeriods":
            let parts = text.split(separator: ",").map { Double($0) }
            guard parts.allSatisfy({ $0 != nil && $0! > 0 }) else {
                throw DetectError.invalidArgument(
                    "parameter seasonalPeriods: expected positive seconds, found '\(text)'")
            }
            seasonalPeriods = parts.map { $0! }
        case "scales":
            let parts = text.split(separator: ",").map { Double($0) }
            guard parts.allSatisfy({ $0 != nil && $0! > 0 && $0! <= 1 }) else {
                throw DetectError.invalidArgument("parameter scales: expected numbers in (0, 1], found '\(text)'")
            }
            scales = parts.map { $0! }
        case "likelihoodShort": likelihoodShort = max(1, try integer())
        case "likelihoodAlpha": likelihoodAlpha = try number()
        case "likelihoodMinVariance": likelihoodMinVariance = try number()
        case "likelihoodLearning": likelihoodLearning = try integer()
        case "jointLikelihood": jointLikelihood = try number() != 0
        case "logValues": logValues = try number() != 0
        case "errorScale": errorScale = try number()
        case "errorAlpha": errorAlpha = try number()
        case "suppressionLevel": suppressionLevel = try number()
        case "suppressionRows": suppressionRows = try integer()
        default:
            throw DetectError.invalidArgument(
                "unknown parameter '\(name)'; known: \(Self.parameterNames.joined(separator: ", "))")
        }
    }
}
