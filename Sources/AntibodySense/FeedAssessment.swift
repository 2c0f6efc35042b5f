public import AntibodyCore

/// What ``FeedGuard`` found about one round: the reasons and, when none disqualifies it, its price.
public struct FeedAssessment: Hashable, Sendable {
    /// The round assessed.
    public var round: FeedRound
    /// Every reason found.
    public var reasons: ReasonSet
    /// The answer in human units, or `nil` when a reason disqualifies it.
    public var price: Double?

    /// An assessment with every field given.
    @inlinable
    public init(round: FeedRound, reasons: ReasonSet, price: Double?) {
        self.round = round
        self.reasons = reasons
        self.price = price
    }

    /// Whether no reason disqualifies the round.
    @inlinable
    public var isUsable: Bool { price != nil }

    /// The assessment as a single-source verdict at `timestamp`.
    @inlinable
    public func verdict(at timestamp: Timestamp) -> PriceVerdict {
        guard let price else { return .untrusted(at: timestamp, reasons: reasons, excluded: SourceSet(rawValue: 1)) }
        return PriceVerdict(
            timestamp: timestamp, status: reasons.isEmpty ? .ok : .degraded, price: price, reasons: reasons,
            used: SourceSet(rawValue: 1), lower: price, upper: price)
    }

    /// The assessment as a quote for ``SourceAggregator``: the price (or, when disqualified, the raw value,
    /// which the flags exclude) observed at `now` — the guard has already judged freshness — with the
    /// reasons as flags.
    @inlinable
    public func quote(source: Int, at now: Timestamp, config: FeedConfig) -> SourceQuote {
        SourceQuote(source: source, price: price ?? config.value(of: round.answer), timestamp: now, flags: reasons)
    }
}
