import AntibodyCore
import AntibodyDefense
import AntibodySense

/// The Sense stage of one asset's price feed inside the engine: every source's price is checked by
/// its own ``FeedGuard`` (out of order, non-positive, at the `min_price`/`max_price` clamp, jump
/// between consecutive prices, stale), kept as that source's latest ``SourceQuote`` (spot sources
/// flagged when they diverge from the TWAP source), and the quotes of every source seen so far are
/// aggregated by a ``SourceAggregator`` (freshness, median with MAD outlier rejection, quorum,
/// contested moves, reputation) into a ``PriceVerdict``. Only a usable verdict's price, and only
/// when the source that just reported is among those it rests on, goes on to the detectors.
///
/// Sources are slots: the feed's listed sources in order, then one slot for observations naming
/// no source; a feed listing none has a single slot that takes every observation. Buffers are
/// sized at `init`; observing allocates nothing.
struct FeedSense {
    /// What one observation led to.
    struct Result {
        /// The verdict after the observation, over every source seen.
        var verdict: PriceVerdict
        /// Whether the observed price is one the verdict rests on (the detectors may see the verdict's price).
        var quoteUsed: Bool
        /// Why the observed price was not used (empty when it was).
        var quoteReasons: ReasonSet
    }

    /// The feed's policy entry.
    let feed: Policy.Feed
    private var guards: [FeedGuard]
    private var aggregator: SourceAggregator
    private var latest: [SourceQuote]
    private var seen: [Bool]
    private var rounds: [UInt128]
    private var batch: [SourceQuote]
    private let twapSlot: Int?
    private let scale: Double
    private let maxValue: Double
    /// The newest time a source reported.
    private(set) var newest: Timestamp?
    /// The latest verdict.
    private(set) var verdict: PriceVerdict?
    /// The last accepted price and when: what invariants keep reading while the feed is untrusted.
    private(set) var lastGood: (price: Double, time: Timestamp)?

    /// The Sense stage of `feed`, whose configurations the policy builder validated.
    init(feed: Policy.Feed) {
        self.feed = feed
        let slots = feed.aggregator.capacity
        // The builder validated both configurations; a failure here is a programming error.
        let guardian = try! FeedGuard(config: feed.guardConfig)
        guards = Array(repeating: guardian, count: slots)
        aggregator = try! SourceAggregator(config: feed.aggregator)
        latest = Array(repeating: SourceQuote(source: 0, price: 1, timestamp: .epoch), count: slots)
        seen = Array(repeating: false, count: slots)
        rounds = Array(repeating: 0, count: slots)
        batch = []
        batch.reserveCapacity(slots)
        twapSlot = feed.twapSource.flatMap { feed.sources.firstIndex(of: $0) }
        scale = feed.guardConfig.decimals == 8 ? 1e8 : 1e18
        maxValue = 1e38 / scale
    }

    /// Event times the engine accepts lie within ±``timeBound`` ms of the epoch (±31,000 years).
    static let timeBound: Int64 = 1 << 50
    /// Added to event times in ``FeedGuard`` rounds so that they are positive.
    static let guardShift: Int64 = 1 << 51

    /// An event time (within ±``timeBound``) shifted by ``guardShift``.
    static func shifted(_ time: Timestamp) -> Timestamp {
        Timestamp(milliseconds: time.milliseconds + guardShift)
    }

    /// A time read from an on-chain round, clamped to ±``timeBound`` and shifted; zero stays zero
    /// (Chainlink's "not started" / "not updated", which the guard refuses).
    static func shifted(roundTime time: Timestamp) -> Timestamp {
        time == .epoch ? time : shifted(Timestamp(milliseconds: min(max(time.milliseconds, -timeBound), timeBound)))
    }

    /// The slot of `source`, or `nil` when the feed lists sources and `source` is not one of them.
    func slot(of source: String?) -> Int? {
        if feed.sources.isEmpty { return 0 }
        guard let source else { return feed.sources.count }
        for i in feed.sources.indices where feed.sources[i] == source { return i }
        return nil
    }

    /// The name of `slot` for messages.
    func name(of slot: Int) -> String {
        feed.sources.indices.contains(slot) ? feed.sources[slot] : (feed.sources.isEmpty ? "source" : "unnamed source")
    }

    /// When the newest quote goes stale (every source stale), if any source reported.
    var staleAt: Timestamp? {
        newest.map { $0.advanced(by: feed.aggregator.maxQuoteAge) }
    }

    /// Checks `value` from `slot` observed at `timestamp`, evaluated at `now` (the engine's event time,
    /// never earlier than `timestamp`), and aggregates every source seen.
    ///
    /// `round` is the on-chain round `value` was read from, if any: the guard then checks its real
    /// round id, `startedAt` and `answeredInRound` (incomplete, not increasing, zero start). A plain
    /// price gets a round made up for it: the slot's next id, complete, started when updated.
    mutating func observe(
        _ value: Double, slot: Int, at timestamp: Timestamp, now: Timestamp, round source: FeedRound? = nil,
        sequencer: SequencerAssessment?
    ) -> Result {
        var flags = ReasonSet()
        if !value.isFinite || value <= 0 {
            flags.insert(value.isNaN || value.isInfinite ? .invalidQuote : .nonPositiveAnswer)
        } else if value >= maxValue {
            flags.insert(.answerOutOfRange)
        } else {
            // Chainlink rounds have positive timestamps; event time may start at 0 (simulations), so the
            // guard sees every time shifted by the same constant, which changes no difference.
            // The answer in the guard's decimals (the feed's own may differ); the round's ids and times as read.
            let answer = Wad.int128(integral: (value * scale).rounded())
            let round =
                source.map {
                    FeedRound(
                        roundId: $0.roundId, answer: answer, startedAt: Self.shifted(roundTime: $0.startedAt),
                        updatedAt: Self.shifted(roundTime: $0.updatedAt), answeredInRound: $0.answeredInRound)
                }
                ?? FeedRound(roundId: rounds[slot] + 1, answer: answer, updatedAt: Self.shifted(timestamp))
            let assessment = guards[slot].check(round, now: Self.shifted(now))
            if assessment.reasons.contains(.invalidTimestamp) && seen[slot] {
                // Out of order: the source's previous price stands; nothing changes.
                return Result(
                    verdict: verdict ?? .untrusted(at: now, reasons: assessment.reasons), quoteUsed: false,
                    quoteReasons: assessment.reasons)
            }
            rounds[slot] = source?.roundId ?? rounds[slot] + 1
            flags = assessment.reasons
            // Without max_jump the guard's limit (just under 1) is not a policy: a 10⁹-fold move passes.
            if feed.maxJump == nil { flags.remove(.jumpTooLarge) }
        }
        latest[slot] = SourceQuote(source: slot, price: value, timestamp: timestamp, flags: flags)
        seen[slot] = true
        if newest.map({ timestamp > $0 }) ?? true { newest = timestamp }
        let verdict = aggregate(now: now, sequencer: sequencer)
        let used = verdict.usablePrice != nil && verdict.used.contains(slot)
        var reasons = ReasonSet()
        if !used {
            reasons = flags.hasDisqualifying ? flags : verdict.reasons
            if let excluded = aggregator.exclusionReason(of: slot) { reasons.insert(excluded) }
            if twapSlot != nil, latest[slot].flags.contains(.twapDivergence) { reasons.insert(.twapDivergence) }
        }
        return Result(verdict: verdict, quoteUsed: used, quoteReasons: reasons)
    }

    /// Re-evaluates the sources seen at `now` without a new price (a feed gone quiet goes stale).
    mutating func reevaluate(now: Timestamp, sequencer: SequencerAssessment?) -> PriceVerdict {
        aggregate(now: now, sequencer: sequencer)
    }

    private mutating func aggregate(now: Timestamp, sequencer: SequencerAssessment?) -> PriceVerdict {
        batch.removeAll(keepingCapacity: true)
        var twap: Double?
        if let t = twapSlot, seen[t], !latest[t].flags.hasDisqualifying,
            latest[t].timestamp.duration(to: now) <= feed.aggregator.maxQuoteAge
        {
            twap = latest[t].price
        }
        for s in seen.indices where seen[s] {
            var quote = latest[s]
            if let twap, s != twapSlot, quote.price.isFinite, abs(quote.price / twap - 1) > feed.maxTWAPDivergence {
                // A spot price is not a price: excluded as an outlier against the TWAP.
                quote.flags.insert(.twapDivergence)
                quote.flags.insert(.outlier)
                latest[s].flags.insert(.twapDivergence)
            } else if latest[s].flags.contains(.twapDivergence) {
                latest[s].flags.remove(.twapDivergence)
            }
            batch.append(quote)
        }
        let verdict = aggregator.aggregate(batch, now: now, sequencer: sequencer)
        if let price = verdict.usablePrice { lastGood = (price, now) }
        self.verdict = verdict
        return verdict
    }
}
