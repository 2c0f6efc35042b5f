public import AntibodyMath

/// A Chainlink-style price feed: it watches a true (off-chain) price and publishes a new round on
/// chain when the heartbeat expires or the price deviates from the last answer by at least the
/// deviation threshold, after a reporting delay, and only answers inside `[minAnswer, maxAnswer]`
/// (OCR's `median is out of min-max range`: an out-of-range report is rejected and the feed keeps
/// its last answer — how a feed stayed at its floor while LUNA collapsed in May 2022).
///
/// Answers are integers with ``Configuration/decimals`` decimals (8 for USD feeds). Event time is
/// in seconds and arrives with each call; the feed never reads a clock.
public struct PriceFeed: Hashable, Sendable {
    /// The feed's parameters.
    public struct Configuration: Hashable, Sendable {
        /// Decimals of an answer.
        public var decimals: Int
        /// Seconds after which a round is published even without deviation.
        public var heartbeat: Int64
        /// Relative deviation (bps) from the last answer that triggers a round.
        public var deviationThreshold: Int
        /// The smallest answer the aggregator accepts.
        public var minAnswer: UInt256
        /// The largest answer the aggregator accepts.
        public var maxAnswer: UInt256
        /// Seconds between a round being triggered and its answer appearing on chain.
        public var delay: Int64

        /// A configuration (see ``PriceFeed`` for the meaning of each field).
        public init(
            decimals: Int = 8, heartbeat: Int64 = 3_600, deviationThreshold: Int = 50, minAnswer: UInt256 = 1,
            maxAnswer: UInt256 = UInt256(UInt64.max), delay: Int64 = 0
        ) {
            self.decimals = decimals
            self.heartbeat = heartbeat
            self.deviationThreshold = deviationThreshold
            self.minAnswer = minAnswer
            self.maxAnswer = maxAnswer
            self.delay = delay
        }
    }

    /// A published round.
    public struct Round: Hashable, Sendable {
        /// The round number (1, 2, …).
        public var roundId: UInt64
        /// The answer with ``Configuration/decimals`` decimals.
        public var answer: UInt256
        /// When the round was triggered (seconds).
        public var startedAt: Int64
        /// When the answer was published on chain (seconds).
        public var updatedAt: Int64
    }

    /// The configuration.
    public let configuration: Configuration
    /// The latest published round, if any.
    public private(set) var latestRound: Round?
    /// A triggered round not yet on chain.
    public private(set) var pending: Round?
    /// Reports rejected for being outside `[minAnswer, maxAnswer]`.
    public private(set) var rejectedReports = 0
    private var lastTrigger: Int64 = .min
    private var scale: Double

    /// A feed with `configuration`.
    ///
    /// - Throws: ``SimError`` unless decimals are 0…18, heartbeat > 0, deviation ≥ 0, delay ≥ 0 and
    ///   `0 < minAnswer ≤ maxAnswer`.
    public init(configuration: Configuration) throws(SimError) {
        let c = configuration
        guard (0...18).contains(c.decimals), c.heartbeat > 0, c.deviationThreshold >= 0, c.delay >= 0,
            !c.minAnswer.isZero, c.minAnswer <= c.maxAnswer
        else {
            throw .invalidInput(
                "price feed needs decimals 0…18, heartbeat > 0, deviation ≥ 0, delay ≥ 0 and 0 < minAnswer ≤ maxAnswer")
        }
        self.configuration = c
        var s = 1.0
        for _ in 0..<c.decimals { s *= 10 }
        self.scale = s
    }

    /// The latest on-chain answer as a `Double` in quote units, if any.
    public var latestPrice: Double? { latestRound.map { Double($0.answer) / scale } }

    /// Observes the true price at time `now` (seconds, non-decreasing): publishes a pending round
    /// whose delay has elapsed, then triggers a new round on heartbeat or deviation. Returns the
    /// round published by this call, if any.
    @discardableResult
    public mutating func observe(truePrice: Double, at now: Int64) -> Round? {
        var published: Round? = nil
        if let p = pending, now >= p.updatedAt {
            latestRound = p
            pending = nil
            published = p
        }
        guard truePrice.isFinite, truePrice > 0 else { return published }
        let reference = pending?.answer ?? latestRound?.answer
        let scaled = (truePrice * scale).rounded()
        guard scaled < 1.0e38 else { return published }
        let answer = UInt256(scaled)
        var trigger = reference == nil || now - lastTrigger >= configuration.heartbeat
        if !trigger, let reference {
            let diff = answer > reference ? answer - reference : reference - answer
            trigger = diff * 10_000 >= reference * UInt256(UInt64(configuration.deviationThreshold))
        }
        guard trigger else { return published }
        lastTrigger = now
        guard answer >= configuration.minAnswer, answer <= configuration.maxAnswer else {
            rejectedReports += 1
            return published
        }
        let round = Round(
            roundId: (pending?.roundId ?? latestRound?.roundId ?? 0) + 1, answer: answer, startedAt: now,
            updatedAt: now + configuration.delay)
        if configuration.delay == 0 {
            latestRound = round
            return round
        }
        pending = round
        return published
    }
}
