import AntibodyCore
import AntibodySense
import Testing

@Suite struct SourceAggregatorTests {
    let t0 = Timestamp(seconds: 1_700_000_000)

    func quotes(_ prices: [Double], at time: Timestamp) -> [SourceQuote] {
        prices.enumerated().map { SourceQuote(source: $0.offset, price: $0.element, timestamp: time) }
    }

    /// An aggregator that has accepted `price` from five agreeing sources at t0.
    func warmed(_ price: Double = 100) throws -> SourceAggregator {
        var aggregator = try SourceAggregator()
        let v = aggregator.aggregate(quotes([price, price, price, price, price], at: t0), now: t0)
        #expect(v.status == .ok)
        return aggregator
    }

    @Test func agreeingSourcesGiveOkVerdict() throws {
        var aggregator = try SourceAggregator()
        let v = aggregator.aggregate(quotes([100, 100.1, 99.9, 100.05, 99.95], at: t0), now: t0)
        #expect(v.status == .ok)
        #expect(v.price == 100)
        #expect(v.reasons.isEmpty)
        #expect(v.used.count == 5)
        #expect(v.interval == 99.9...100.1)
    }

    @Test func oneMaliciousOfFiveIsRejectedAndPriceUnchanged() throws {
        var aggregator = try warmed()
        let now = t0.advanced(by: .seconds(12))
        let v = aggregator.aggregate(quotes([100, 100, 1_000, 100, 100], at: now), now: now)
        #expect(v.price == 100)
        #expect(v.status == .degraded)
        #expect(v.reasons.contains(.outlier))
        #expect(v.excluded == SourceSet([2]))
        #expect(!v.used.contains(2))
        #expect(aggregator.exclusionReason(of: 2) == .outlier)
        // Also on a cold start: four of five is a supermajority.
        var cold = try SourceAggregator()
        #expect(cold.aggregate(quotes([100, 100, 0.001, 100, 100], at: now), now: now).price == 100)
    }

    @Test func twoColludingOfFiveAreStillRejected() throws {
        var aggregator = try warmed()
        let now = t0.advanced(by: .seconds(12))
        let v = aggregator.aggregate(quotes([100, 150, 100, 150, 100], at: now), now: now)
        #expect(v.price == 100)
        #expect(v.status == .degraded)
        #expect(v.excluded == SourceSet([1, 3]))
        #expect(aggregator.reputation(of: 1) < 1)
        #expect(aggregator.reputation(of: 0) == 1)
    }

    @Test func threeColludingOfFiveLoseTheQuorumNeverTheirPrice() throws {
        var aggregator = try warmed()
        let now = t0.advanced(by: .seconds(12))
        let v = aggregator.aggregate(quotes([150, 150, 100, 150, 100], at: now), now: now)
        #expect(v.status == .untrusted)
        #expect(v.price == nil)
        #expect(v.usablePrice == nil)
        #expect(v.reasons.contains(.quorumLost))
        #expect(v.reasons.contains(.contestedMove))
        #expect(v.used.isEmpty)
        // The anchor is not moved by a contested verdict, and reputations are untouched.
        #expect(aggregator.anchor?.price == 100)
        #expect(aggregator.reputation(of: 2) == 1)
        // With no history either, a 3–2 split is never resolved in the majority's favour.
        var cold = try SourceAggregator()
        #expect(cold.aggregate(quotes([150, 150, 100, 150, 100], at: now), now: now).price == nil)
    }

    @Test func genuineMarketMoveByAllSourcesIsAccepted() throws {
        var aggregator = try warmed()
        let now = t0.advanced(by: .seconds(60))
        let v = aggregator.aggregate(quotes([70, 70.1, 69.9, 70, 70], at: now), now: now)
        #expect(v.status == .ok)
        #expect(v.price == 70)
        // One source lagging the move: four of five still carry it.
        let later = now.advanced(by: .seconds(60))
        let w = aggregator.aggregate(quotes([50, 50, 50, 70, 50], at: later), now: later)
        #expect(w.price == 50)
        #expect(w.excluded == SourceSet([3]))
    }

    @Test func emptySourceSetIsUntrusted() throws {
        var aggregator = try SourceAggregator()
        let v = aggregator.aggregate([], now: t0)
        #expect(v.status == .untrusted)
        #expect(v.reasons.contains(.noSources))
        #expect(v.price == nil)
    }

    @Test func malformedQuotesAreExcludedWithReasons() throws {
        var aggregator = try SourceAggregator()
        let bad = [
            SourceQuote(source: 0, price: 100, timestamp: t0),
            SourceQuote(source: 1, price: .nan, timestamp: t0),
            SourceQuote(source: 2, price: -1, timestamp: t0),
            SourceQuote(source: 3, price: 100, timestamp: t0.advanced(by: .minutes(5))),
            SourceQuote(source: 4, price: 100, timestamp: t0.advanced(by: .minutes(-10))),
            SourceQuote(source: 0, price: 100, timestamp: t0),
            SourceQuote(source: 99, price: 100, timestamp: t0),
            SourceQuote(source: 5, price: .infinity, timestamp: t0),
        ]
        let v = aggregator.aggregate(bad, now: t0)
        #expect(v.status == .untrusted)
        #expect(v.price == nil)
        #expect(v.reasons.contains(.invalidQuote))
        #expect(v.reasons.contains(.timestampInFuture))
        #expect(v.reasons.contains(.stale))
        #expect(v.reasons.contains(.quorumLost))
        #expect(aggregator.exclusionReason(of: 3) == .timestampInFuture)
        #expect(aggregator.exclusionReason(of: 4) == .stale)
        #expect(aggregator.exclusionReason(of: 1) == .invalidQuote)
        let many = (0..<17).map { SourceQuote(source: $0, price: 1, timestamp: t0) }
        #expect(aggregator.aggregate(many, now: t0).reasons.contains(.invalidQuote))
    }

    @Test func upstreamFlagsExcludeOrDegrade() throws {
        var aggregator = try SourceAggregator()
        var qs = quotes([100, 100, 100, 100], at: t0)
        qs[0].flags = ReasonSet(.atMinAnswer)
        qs[1].flags = ReasonSet(.reserveJump)
        let v = aggregator.aggregate(qs, now: t0)
        #expect(v.price == 100)
        #expect(v.status == .degraded)
        #expect(!v.used.contains(0))
        #expect(v.used.contains(1))
        #expect(v.reasons.contains(.atMinAnswer))
        #expect(v.reasons.contains(.reserveJump))
    }

    @Test func confidenceWeightingFavoursNarrowIntervals() throws {
        var aggregator = try SourceAggregator()
        let qs = [
            SourceQuote(source: 0, price: 100, confidence: 0.01, timestamp: t0),
            SourceQuote(source: 1, price: 100.2, confidence: 0.5, timestamp: t0),
            SourceQuote(source: 2, price: 100.3, confidence: 0.5, timestamp: t0),
            SourceQuote(source: 3, price: 100.1, confidence: 5, timestamp: t0),
        ]
        let v = aggregator.aggregate(qs, now: t0)
        #expect(v.price == 100)
        #expect(aggregator.exclusionReason(of: 3) == .lowConfidence)
        #expect(v.lower == 100.2 - 0.5)
        #expect(v.upper == 100.3 + 0.5)
    }

    @Test func reputationDecaysOnRepeatedOutliersAndRecovers() throws {
        var aggregator = try SourceAggregator()
        var now = t0
        for _ in 0..<4 {
            now = now.advanced(by: .seconds(10))
            _ = aggregator.aggregate(quotes([100, 100, 100, 100, 130], at: now), now: now)
        }
        #expect(aggregator.reputation(of: 4) < 0.3)
        now = now.advanced(by: .seconds(10))
        let v = aggregator.aggregate(quotes([100, 100, 100, 100, 100], at: now), now: now)
        #expect(aggregator.exclusionReason(of: 4) == .lowReputation)
        #expect(!v.used.contains(4))
        var rounds = 1
        while aggregator.reputation(of: 4) < 0.3 && rounds < 50 {
            now = now.advanced(by: .seconds(10))
            _ = aggregator.aggregate(quotes([100, 100, 100, 100, 100], at: now), now: now)
            rounds += 1
        }
        now = now.advanced(by: .seconds(10))
        let back = aggregator.aggregate(quotes([100, 100, 100, 100, 100], at: now), now: now)
        #expect(back.used.contains(4))
        #expect(back.status == .ok)
    }

    @Test func quorumOfHealthySourcesIsRequired() throws {
        var aggregator = try SourceAggregator()
        var qs = quotes([100, 100, 100, 100, 100], at: t0)
        for i in 0..<3 { qs[i].timestamp = t0.advanced(by: .minutes(-30)) }
        let v = aggregator.aggregate(qs, now: t0)
        #expect(v.status == .untrusted)
        #expect(v.reasons.contains(.quorumLost))
        #expect(v.reasons.contains(.stale))
    }

    @Test func badConfigurationIsRejected() {
        #expect(throws: SenseError.self) { try SourceAggregator(config: AggregatorConfig(capacity: 0)) }
        #expect(throws: SenseError.self) { try SourceAggregator(config: AggregatorConfig(capacity: 65)) }
        #expect(throws: SenseError.self) { try SourceAggregator(config: AggregatorConfig(madMultiplier: .nan)) }
        #expect(throws: SenseError.self) { try SourceAggregator(config: AggregatorConfig(reputationFloor: 2)) }
    }
}
