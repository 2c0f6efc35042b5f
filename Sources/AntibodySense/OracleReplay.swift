import AntibodyCore

/// Replays recorded feed rounds and source quotes through the guard, in event time, and reports every
/// change of verdict — what `antibody oracle check` prints.
///
/// The feed (if any rounds are given) is source 0 and is checked by ``FeedGuard`` at every event; the
/// quote files are sources 1…k and are aggregated with it by ``SourceAggregator``. Without quote files
/// the verdict is the feed's own. Each stream's clock only moves forward: a row whose timestamp is
/// earlier than its predecessor's is delivered at its predecessor's time (and the guard flags it).
/// Besides every row, the replay evaluates the moment each round would become stale and each quote
/// would expire, so a feed that simply stops updating shows up as a change to `stale`.
public struct OracleReplay: Sendable {
    /// The feed's configuration.
    public var feed: FeedConfig
    /// The aggregator's configuration.
    public var aggregator: AggregatorConfig

    /// A replay with `feed` and `aggregator` configurations.
    public init(feed: FeedConfig = FeedConfig(), aggregator: AggregatorConfig = AggregatorConfig()) {
        self.feed = feed
        self.aggregator = aggregator
    }

    private enum Event {
        case round(Int)
        case quote(source: Int, index: Int)
        case sequencer(Int)
        case checkpoint
    }

    /// Every verdict that differs from the one before it in status, reasons or presence of a price
    /// (the first verdict is always included).
    ///
    /// `sequencer` holds L2 sequencer uptime readings with the time each was read; when given, every
    /// verdict also carries the ``SequencerSentinel``'s judgement (down → `untrusted`, grace → `degraded`),
    /// and the moment each grace period ends is evaluated too.
    public func run(
        rounds: [FeedRound], sources: [[RecordedQuote]],
        sequencer: [(time: Timestamp, status: SequencerStatus)] = []
    ) throws(SenseError) -> [PriceVerdict] {
        guard !rounds.isEmpty || !sources.isEmpty else {
            throw .malformedInput("nothing to replay: give feed rounds, source quotes, or both")
        }
        let feedOffset = rounds.isEmpty ? 0 : 1
        let total = feedOffset + sources.count
        var aggregatorConfig = aggregator
        aggregatorConfig.capacity = max(aggregatorConfig.capacity, min(total, SourceSet.capacity))
        guard total <= SourceSet.capacity else {
            throw .malformedInput("\(total) sources; at most \(SourceSet.capacity) can be aggregated")
        }
        var guardian = try FeedGuard(config: feed)
        var sentinel = try SequencerSentinel()
        var aggregate = try SourceAggregator(config: aggregatorConfig)

        var events: [(time: Timestamp, order: Int, event: Event)] = []
        var clock = Timestamp(milliseconds: .min)
        let staleAfter = Timestamp.Duration(
            milliseconds: feed.heartbeat.milliseconds + feed.grace.milliseconds + 1_000)
        for (i, round) in rounds.enumerated() {
            clock = max(clock, round.updatedAt)
            events.append((clock, events.count, .round(i)))
            events.append((clock.advanced(by: staleAfter), events.count, .checkpoint))
        }
        for (s, quotes) in sources.enumerated() {
            clock = Timestamp(milliseconds: .min)
            for (i, quote) in quotes.enumerated() {
                clock = max(clock, quote.timestamp)
                events.append((clock, events.count, .quote(source: s, index: i)))
                events.append((clock.advanced(by: Timestamp.Duration(
                    milliseconds: aggregatorConfig.maxQuoteAge.milliseconds + 1)), events.count, .checkpoint))
            }
        }
        clock = Timestamp(milliseconds: .min)
        for (i, reading) in sequencer.enumerated() {
            clock = max(clock, reading.time)
            events.append((clock, events.count, .sequencer(i)))
            if reading.status.answer == 0 {
                events.append((max(clock, reading.status.startedAt.advanced(by: Timestamp.Duration(
                    milliseconds: sentinel.gracePeriod.milliseconds + 1_000))), events.count, .checkpoint))
            }
        }
        // At one instant: quotes first, then rounds (each judged against the market of that instant),
        // then checkpoints.
        func rank(_ event: Event) -> Int {
            switch event {
            case .quote, .sequencer: 0
            case .round: 1
            case .checkpoint: 2
            }
        }
        events.sort {
            if $0.time != $1.time { return $0.time < $1.time }
            if rank($0.event) != rank($1.event) { return rank($0.event) < rank($1.event) }
            return $0.order < $1.order
        }

        var latestRound: FeedRound?
        var latestSequencer: SequencerStatus?
        var latestQuote = [RecordedQuote?](repeating: nil, count: sources.count)
        var changes: [PriceVerdict] = []
        var quotes: [SourceQuote] = []
        quotes.reserveCapacity(total)
        var market: [Double] = []
        var index = 0
        while index < events.count {
            // Apply the events of one instant; a round is evaluated on its own, so none is skipped.
            let now = events[index].time
            while index < events.count && events[index].time == now {
                let event = events[index].event
                index += 1
                if case .round(let i) = event {
                    latestRound = rounds[i]
                    break
                }
                if case .quote(let s, let i) = event { latestQuote[s] = sources[s][i] }
                if case .sequencer(let i) = event { latestSequencer = sequencer[i].status }
            }
            market.removeAll(keepingCapacity: true)
            for quote in latestQuote.compactMap({ $0 })
            where quote.price > 0 && quote.timestamp.duration(to: now) <= aggregatorConfig.maxQuoteAge {
                market.append(quote.price)
            }
            market.sort()
            let marketPrice: Double? = market.isEmpty
                ? nil : (market.count % 2 == 1
                    ? market[market.count / 2] : (market[market.count / 2 - 1] + market[market.count / 2]) / 2)

            var verdict: PriceVerdict
            let assessment = latestRound.map { guardian.check($0, now: now, market: marketPrice) }
            let sequencerState = latestSequencer.map { sentinel.assess($0, now: now) }
            if sources.isEmpty {
                guard let assessment else { continue }
                verdict = assessment.verdict(at: now)
                if let sequencerState {
                    verdict.reasons.formUnion(sequencerState.reasons)
                    if sequencerState.state == .down {
                        verdict = .untrusted(at: now, reasons: verdict.reasons, excluded: SourceSet(rawValue: 1))
                    } else if !sequencerState.reasons.isEmpty, verdict.status == .ok {
                        verdict.status = .degraded
                    }
                }
            } else {
                quotes.removeAll(keepingCapacity: true)
                if let assessment {
                    quotes.append(assessment.quote(source: 0, at: now, config: feed))
                }
                for (s, quote) in latestQuote.enumerated() {
                    guard let quote else { continue }
                    quotes.append(SourceQuote(
                        source: feedOffset + s, price: quote.price, confidence: quote.confidence,
                        timestamp: quote.timestamp))
                }
                verdict = aggregate.aggregate(quotes, now: now, sequencer: sequencerState)
            }
            if let last = changes.last, last.status == verdict.status, last.reasons == verdict.reasons,
                (last.price == nil) == (verdict.price == nil)
            {
                continue
            }
            changes.append(verdict)
        }
        return changes
    }
}
