/// Why a price, a source or a verdict is not fully trusted: one typed reason per check.
///
/// Reasons are small and `UInt8`-backed so that a set of them (``ReasonSet``) is a single
/// bit mask: producing a verdict never allocates.
public enum PriceReason: UInt8, CaseIterable, Sendable, Codable, CustomStringConvertible {
    // MARK: Feed rounds (Chainlink AggregatorV3 semantics)

    /// `now − updatedAt` exceeds the feed's heartbeat plus grace, or a quote is older than allowed.
    case stale = 0
    /// `answeredInRound < roundId`: the answer was carried over from an earlier round.
    case incompleteRound
    /// The answer is zero or negative.
    case nonPositiveAnswer
    /// The answer sits at (or below) the aggregator's `minAnswer`: the real price may be lower.
    case atMinAnswer
    /// The answer sits at (or above) the aggregator's `maxAnswer`: the real price may be higher.
    case atMaxAnswer
    /// The answer moved more than the configured limit since the previous round.
    case jumpTooLarge
    /// The round id did not increase, or the same round id came back with different data.
    case roundIdNotIncreasing
    /// A timestamp lies in the future of the evaluation time.
    case timestampInFuture
    /// `updatedAt` or `startedAt` is zero, `startedAt > updatedAt`, or time went backwards between rounds.
    case invalidTimestamp
    /// The answer cannot be represented (beyond the 128-bit range or the 18-digit scale).
    case answerOutOfRange
    /// The feed differs from the market consensus by far more than its deviation threshold.
    case feedLagsMarket

    // MARK: L2 sequencer

    /// The L2 sequencer uptime feed reports the sequencer down.
    case sequencerDown
    /// The sequencer is up but still inside the grace period after its restart.
    case sequencerGracePeriod
    /// The sequencer uptime signal is contradicted by the chain (blocks are being produced) or malformed.
    case sequencerSignalSuspect

    // MARK: Aggregation

    /// The source lies farther from the median than `k` scaled median absolute deviations.
    case outlier
    /// The source's reported confidence interval is too wide relative to its price.
    case lowConfidence
    /// The source's reputation fell below the floor after repeated outliers.
    case lowReputation
    /// Too few healthy sources agree: no price can be trusted.
    case quorumLost
    /// The sources split while the majority moved the price: a move needs a supermajority.
    case contestedMove
    /// The source set is empty.
    case noSources
    /// A quote is malformed: not finite, not positive, unknown or duplicate source, too many sources.
    case invalidQuote
    /// Some sources were excluded; the price rests on the rest.
    case sourcesExcluded

    // MARK: DEX manipulation signals

    /// The pool's spot price diverges from its time-weighted average price.
    case twapDivergence
    /// A pool reserve changed by more than the limit in one step.
    case reserveJump
    /// Within one block the spot price moved sharply and came back: a flash-loan or sandwich pattern.
    case sameBlockMoveAndRevert
    /// The TWAP window available is shorter than the configured minimum.
    case twapWindowTooShort

    // MARK: Fallback state machine

    /// The primary oracle is distrusted and the fallback oracle's price is used.
    case usingFallbackOracle
    /// Neither oracle gave a usable fresh price: the last good price is returned.
    case usingLastGoodPrice
    /// Both oracles are untrusted.
    case bothOraclesUntrusted

    /// Whether this reason alone makes the value it is attached to unusable.
    ///
    /// A source with a disqualifying reason is excluded from aggregation; a single-feed verdict with one
    /// is `untrusted`. The others lower a verdict to `degraded` but keep its price. The DEX signals are
    /// not disqualifying because they are attached to a pool's TWAP quote, which the manipulation of
    /// spot does not move; spot itself must never be used when they are present
    /// (see ``DexSignal/isSpotUsable``).
    @inlinable
    public var isDisqualifying: Bool {
        switch self {
        case .stale, .incompleteRound, .nonPositiveAnswer, .atMinAnswer, .atMaxAnswer, .jumpTooLarge,
            .roundIdNotIncreasing, .timestampInFuture, .invalidTimestamp, .answerOutOfRange, .feedLagsMarket,
            .sequencerDown, .outlier, .lowConfidence, .lowReputation, .quorumLost, .contestedMove, .noSources,
            .invalidQuote, .bothOraclesUntrusted:
            return true
        case .sequencerGracePeriod, .sequencerSignalSuspect, .sourcesExcluded, .reserveJump, .twapWindowTooShort,
            .twapDivergence, .sameBlockMoveAndRevert, .usingFallbackOracle, .usingLastGoodPrice:
            return false
        }
    }

    /// The reason's stable name in JSON and tables (the case name in kebab case).
    public var name: String {
        switch self {
        case .stale: "stale"
        case .incompleteRound: "incomplete-round"
        case .nonPositiveAnswer: "non-positive-answer"
        case .atMinAnswer: "at-min-answer"
        case .atMaxAnswer: "at-max-answer"
        case .jumpTooLarge: "jump-too-large"
        case .roundIdNotIncreasing: "round-id-not-increasing"
        case .timestampInFuture: "timestamp-in-future"
        case .invalidTimestamp: "invalid-timestamp"
        case .answerOutOfRange: "answer-out-of-range"
        case .feedLagsMarket: "feed-lags-market"
        case .sequencerDown: "sequencer-down"
        case .sequencerGracePeriod: "sequencer-grace-period"
        case .sequencerSignalSuspect: "sequencer-signal-suspect"
        case .outlier: "outlier"
        case .lowConfidence: "low-confidence"
        case .lowReputation: "low-reputation"
        case .quorumLost: "quorum-lost"
        case .contestedMove: "contested-move"
        case .noSources: "no-sources"
        case .invalidQuote: "invalid-quote"
        case .sourcesExcluded: "sources-excluded"
        case .twapDivergence: "twap-divergence"
        case .reserveJump: "reserve-jump"
        case .sameBlockMoveAndRevert: "same-block-move-and-revert"
        case .twapWindowTooShort: "twap-window-too-short"
        case .usingFallbackOracle: "using-fallback-oracle"
        case .usingLastGoodPrice: "using-last-good-price"
        case .bothOraclesUntrusted: "both-oracles-untrusted"
        }
    }

    public var description: String { name }

    /// Encodes as the stable ``name``.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(name)
    }

    /// Decodes from the stable ``name``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let name = try container.decode(String.self)
        guard let reason = PriceReason.allCases.first(where: { $0.name == name }) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "unknown price reason \(name.debugDescription)")
        }
        self = reason
    }
}
