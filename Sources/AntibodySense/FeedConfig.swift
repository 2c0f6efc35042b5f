public import AntibodyCore

/// The configuration of one price feed: its scale, heartbeat, deviation threshold and the
/// aggregator's `minAnswer`/`maxAnswer` bounds, plus the guard's own limits.
public struct FeedConfig: Hashable, Sendable {
    /// Decimal places of `answer` (Chainlink USD feeds use 8, ETH feeds 18); `0...36`.
    public var decimals: Int
    /// The feed's heartbeat: the longest time between updates when the price is calm.
    public var heartbeat: Timestamp.Duration
    /// Extra time allowed past the heartbeat before the feed counts as stale (update latency).
    public var grace: Timestamp.Duration
    /// The feed's deviation threshold as a fraction (0.005 = 0.5 %): it updates when the price moves more.
    public var deviationThreshold: Double
    /// How many deviation thresholds the feed may lag the market consensus before it counts as wrong.
    public var deviationLagFactor: Double
    /// The aggregator's `minAnswer`, if known: an answer at or below it may be a clamp, not a price.
    public var minAnswer: Int128?
    /// The aggregator's `maxAnswer`, if known: an answer at or above it may be a clamp, not a price.
    public var maxAnswer: Int128?
    /// The largest relative move between consecutive rounds, `(max − min) / max`; Liquity v1 uses 0.5.
    public var maxJump: Double
    /// How far in the future of the evaluation time a timestamp may lie (clock skew) before it is rejected.
    public var futureTolerance: Timestamp.Duration

    /// The default grace past the heartbeat: 60 s (Chainlink documents about 40 s of latency).
    public static let defaultGrace = Timestamp.Duration.seconds(60)

    /// A configuration; call ``validate()`` (or build it with `FeedConfig.validated(…)`) before trusting
    /// values that came from outside.
    public init(
        decimals: Int = 8, heartbeat: Timestamp.Duration = .hours(1),
        grace: Timestamp.Duration = FeedConfig.defaultGrace,
        deviationThreshold: Double = 0.005, deviationLagFactor: Double = 4, minAnswer: Int128? = nil,
        maxAnswer: Int128? = nil, maxJump: Double = 0.5, futureTolerance: Timestamp.Duration = .seconds(15)
    ) {
        self.decimals = decimals
        self.heartbeat = heartbeat
        self.grace = grace
        self.deviationThreshold = deviationThreshold
        self.deviationLagFactor = deviationLagFactor
        self.minAnswer = minAnswer
        self.maxAnswer = maxAnswer
        self.maxJump = maxJump
        self.futureTolerance = futureTolerance
    }

    /// A validated configuration, or an error naming the bad value and the accepted range.
    public static func validated(
        decimals: Int, heartbeat: Timestamp.Duration, grace: Timestamp.Duration = FeedConfig.defaultGrace,
        deviationThreshold: Double = 0.005, minAnswer: Int128? = nil, maxAnswer: Int128? = nil, maxJump: Double = 0.5
    ) throws(SenseError) -> FeedConfig {
        let config = FeedConfig(
            decimals: decimals, heartbeat: heartbeat, grace: grace, deviationThreshold: deviationThreshold,
            minAnswer: minAnswer, maxAnswer: maxAnswer, maxJump: maxJump)
        try config.validate()
        return config
    }

    /// Checks every field; throws an error that names the bad one and the accepted range.
    public func validate() throws(SenseError) {
        guard (0...36).contains(decimals) else {
            throw .invalidConfiguration("feed decimals is \(decimals); use 0…36 (Chainlink USD feeds use 8)")
        }
        guard heartbeat.milliseconds > 0, heartbeat <= .hours(24 * 365) else {
            throw .invalidConfiguration(
                "feed heartbeat is \(heartbeat.seconds) s; use a positive duration of at most a year")
        }
        guard grace.milliseconds >= 0, grace <= .hours(24 * 365) else {
            throw .invalidConfiguration("feed grace is \(grace.seconds) s; use 0 s to a year")
        }
        guard deviationThreshold.isFinite, deviationThreshold > 0, deviationThreshold < 1 else {
            throw .invalidConfiguration(
                "feed deviation threshold is \(deviationThreshold); use a fraction in (0, 1), e.g. 0.005 for 0.5 %")
        }
        guard deviationLagFactor.isFinite, deviationLagFactor >= 1 else {
            throw .invalidConfiguration("deviation lag factor is \(deviationLagFactor); use a number ≥ 1")
        }
        guard maxJump.isFinite, maxJump > 0, maxJump < 1 else {
            throw .invalidConfiguration("max jump is \(maxJump); use a fraction in (0, 1), e.g. 0.5 as in Liquity v1")
        }
        guard futureTolerance.milliseconds >= 0, futureTolerance <= .hours(1) else {
            throw .invalidConfiguration("future tolerance is \(futureTolerance.seconds) s; use 0 s to 1 h")
        }
        if let minAnswer, minAnswer < 0 {
            throw .invalidConfiguration("minAnswer is \(minAnswer); a price bound must not be negative")
        }
        if let minAnswer, let maxAnswer, minAnswer >= maxAnswer {
            throw .invalidConfiguration("minAnswer \(minAnswer) is not below maxAnswer \(maxAnswer)")
        }
    }

    /// `answer` in human units (`answer / 10^decimals`).
    @inlinable
    public func value(of answer: Int128) -> Double {
        // Through Int64 when it fits: Double(Int128) is a slow generic conversion.
        let fits = answer >= Int128(Int64.min) && answer <= Int128(Int64.max)
        let whole = fits ? Double(Int64(truncatingIfNeeded: answer)) : Double(answer)
        return whole / Decimal10.power(decimals)
    }
}
