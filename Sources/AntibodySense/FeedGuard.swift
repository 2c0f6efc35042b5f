public import AntibodyCore

/// Checks the rounds of one price feed, one at a time, as they are read.
///
/// A value type with one piece of state, the previous well-formed round, which the round-id monotonicity
/// and the jump checks compare against. Every check yields a typed ``PriceReason``; all of them are run,
/// so an assessment lists everything wrong with a round, not only the first problem:
///
/// | check | reason |
/// |---|---|
/// | `updatedAt == 0`, `startedAt == 0`, `startedAt > updatedAt`, time going backwards | ``PriceReason/invalidTimestamp`` |
/// | `updatedAt > now + futureTolerance` | ``PriceReason/timestampInFuture`` |
/// | round id not increasing (or same id, different data) | ``PriceReason/roundIdNotIncreasing`` |
/// | `answeredInRound < roundId` | ``PriceReason/incompleteRound`` |
/// | `answer ≤ 0` | ``PriceReason/nonPositiveAnswer`` |
/// | `answer ≤ minAnswer` / `answer ≥ maxAnswer` | ``PriceReason/atMinAnswer`` / ``PriceReason/atMaxAnswer`` |
/// | `now − updatedAt > heartbeat + grace` | ``PriceReason/stale`` |
/// | `(max − min) / max > maxJump` against the previous round | ``PriceReason/jumpTooLarge`` |
/// | `|answer / market − 1| > deviationThreshold · deviationLagFactor` | ``PriceReason/feedLagsMarket`` |
///
/// `check` is O(1) and never allocates.
public struct FeedGuard: Sendable {
    /// The feed's configuration.
    public let config: FeedConfig
    /// The latest well-formed round (monotonic id, sane timestamps), if any.
    public private(set) var previous: FeedRound?
    /// The well-formed round before ``previous``, for the jump check when the latest round is read again.
    public private(set) var earlier: FeedRound?
    @usableFromInline let maxJumpWad: UInt128

    /// A guard for a feed configured by `config`, which must be valid.
    public init(config: FeedConfig) throws(SenseError) {
        try config.validate()
        self.config = config
        self.maxJumpWad = RelativeDeviation.wad(config.maxJump)
    }

    /// Checks `round` read at `now`, optionally against the market consensus price `market`
    /// (human units), and remembers it for the next check when it is well formed.
    public mutating func check(_ round: FeedRound, now: Timestamp, market: Double? = nil) -> FeedAssessment {
        var reasons = ReasonSet()
        var wellFormed = true

        // startedAt == 0 is Chainlink's "no such round"; updatedAt == 0 an unfinished one.
        if round.updatedAt.milliseconds <= 0 || round.startedAt.milliseconds <= 0 || round.startedAt > round.updatedAt {
            reasons.insert(.invalidTimestamp)
            wellFormed = false
        }
        if round.updatedAt > now.advanced(by: config.futureTolerance) {
            reasons.insert(.timestampInFuture)
            wellFormed = false
        }
        if let previous {
            if round.roundId < previous.roundId || (round.roundId == previous.roundId && round != previous) {
                reasons.insert(.roundIdNotIncreasing)
                wellFormed = false
            } else if round.roundId > previous.roundId, round.updatedAt < previous.updatedAt {
                reasons.insert(.invalidTimestamp)
                wellFormed = false
            }
        }
        if round.answeredInRound < round.roundId {
            reasons.insert(.incompleteRound)
        }
        if round.answer <= 0 {
            reasons.insert(.nonPositiveAnswer)
        }
        if let minAnswer = config.minAnswer, round.answer <= minAnswer {
            reasons.insert(.atMinAnswer)
        }
        if let maxAnswer = config.maxAnswer, round.answer >= maxAnswer {
            reasons.insert(.atMaxAnswer)
        }
        if round.updatedAt.duration(to: now)
            > Timestamp.Duration(
                milliseconds: config.heartbeat.milliseconds + config.grace.milliseconds)
        {
            reasons.insert(.stale)
        }
        // Compare with the round before this one: `previous` for a new round, `earlier` for a re-read.
        let reference = round == previous ? earlier : previous
        if wellFormed, let reference, reference.answer > 0, round.answer > 0,
            RelativeDeviation.exceeds(
                UInt128(round.answer), UInt128(reference.answer), limitWad: maxJumpWad, denominator: .larger)
        {
            reasons.insert(.jumpTooLarge)
        }
        let value = config.value(of: round.answer)
        if let market, market.isFinite, market > 0, round.answer > 0 {
            let lag = abs(value / market - 1)
            if lag > config.deviationThreshold * config.deviationLagFactor {
                reasons.insert(.feedLagsMarket)
            }
        }
        if wellFormed, round != previous {
            earlier = previous
            previous = round
        }
        let usable = !reasons.hasDisqualifying && value.isFinite && value > 0
        return FeedAssessment(round: round, reasons: reasons, price: usable ? value : nil)
    }
}
