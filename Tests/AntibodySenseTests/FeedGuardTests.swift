import AntibodyCore
import AntibodySense
import Testing

@Suite struct FeedGuardTests {
    let t0 = Timestamp(seconds: 1_700_000_000)

    func guardFor(_ config: FeedConfig = FeedConfig()) throws -> FeedGuard { try FeedGuard(config: config) }

    @Test func freshCompleteRoundIsOk() throws {
        var feed = try guardFor()
        let a = feed.check(
            FeedRound(roundId: 1, answer: 2_000_00000000, updatedAt: t0), now: t0.advanced(by: .seconds(5)))
        #expect(a.reasons.isEmpty)
        #expect(a.price == 2_000)
        #expect(a.verdict(at: t0).status == .ok)
    }

    @Test func staleFeedIsUntrusted() throws {
        // heartbeat 3600 s + grace 60 s: at 3660 s still fresh, at 3661 s stale.
        var feed = try guardFor()
        let round = FeedRound(roundId: 7, answer: 1_00000000, updatedAt: t0)
        #expect(!feed.check(round, now: t0.advanced(by: .seconds(3_660))).reasons.contains(.stale))
        let stale = feed.check(round, now: t0.advanced(by: .seconds(3_661)))
        #expect(stale.reasons.contains(.stale))
        #expect(stale.price == nil)
        #expect(stale.verdict(at: t0).status == .untrusted)
        #expect(stale.verdict(at: t0).price == nil)
    }

    @Test func incompleteRoundIsUntrusted() throws {
        var feed = try guardFor()
        let round = FeedRound(roundId: 12, answer: 1_00000000, startedAt: t0, updatedAt: t0, answeredInRound: 11)
        let a = feed.check(round, now: t0)
        #expect(a.reasons.contains(.incompleteRound))
        #expect(a.price == nil)
    }

    @Test func nonPositiveAnswerIsUntrusted() throws {
        var feed = try guardFor()
        #expect(
            feed.check(FeedRound(roundId: 1, answer: 0, updatedAt: t0), now: t0).reasons.contains(.nonPositiveAnswer))
        #expect(feed.check(FeedRound(roundId: 2, answer: -5, updatedAt: t0), now: t0).price == nil)
    }

    @Test func minAnswerClampIsNeverAUsablePrice() throws {
        // LUNA/USD, May 2022: the aggregator's floor was 0.10 USD while the market traded near 0.01.
        let config = try FeedConfig.validated(
            decimals: 8, heartbeat: .hours(1), minAnswer: 10_000_000, maxAnswer: 100_000_000_000_000)
        var feed = try FeedGuard(config: config)
        let floor = FeedRound(roundId: 100, answer: 10_000_000, updatedAt: t0)
        let a = feed.check(floor, now: t0.advanced(by: .seconds(30)), market: 0.01)
        #expect(a.reasons.contains(.atMinAnswer))
        #expect(a.reasons.contains(.feedLagsMarket))
        #expect(a.price == nil)
        let verdict = a.verdict(at: t0)
        #expect(verdict.status == .untrusted)
        #expect(verdict.usablePrice == nil)
        // Even without a market reference the clamp alone disqualifies the round.
        var blind = try FeedGuard(config: config)
        #expect(blind.check(floor, now: t0).price == nil)
        let ceiling = FeedRound(roundId: 101, answer: 100_000_000_000_000, updatedAt: t0)
        #expect(blind.check(ceiling, now: t0).reasons.contains(.atMaxAnswer))
    }

    @Test func jumpBeyondLimitUsesLiquityBoundaries() throws {
        // Liquity v1 PriceFeedTest.js: from 2.00000000, a drop to 1.00000000 (exactly 50 %) is accepted,
        // a drop to 0.99999999 is not; a rise to 4.00000000 is accepted, to 4.00000001 is not.
        func jumped(_ previous: Int128, _ current: Int128) throws -> Bool {
            var feed = try guardFor()
            _ = feed.check(FeedRound(roundId: 1, answer: previous, updatedAt: t0), now: t0)
            return feed.check(FeedRound(roundId: 2, answer: current, updatedAt: t0), now: t0).reasons
                .contains(.jumpTooLarge)
        }
        #expect(try !jumped(2_00000000, 1_00000000))
        #expect(try jumped(2_00000000, 99_999_999))
        #expect(try !jumped(2_00000000, 4_00000000))
        #expect(try jumped(2_00000000, 400_000_001))
        #expect(try !jumped(2_00000000, 399_999_999))
    }

    @Test func jumpFlagSurvivesReReadOfTheSameRound() throws {
        var feed = try guardFor()
        _ = feed.check(FeedRound(roundId: 1, answer: 100, updatedAt: t0), now: t0)
        let spike = FeedRound(roundId: 2, answer: 300, updatedAt: t0.advanced(by: .seconds(1)))
        #expect(feed.check(spike, now: t0.advanced(by: .seconds(2))).reasons.contains(.jumpTooLarge))
        #expect(feed.check(spike, now: t0.advanced(by: .seconds(3))).reasons.contains(.jumpTooLarge))
        let next = FeedRound(roundId: 3, answer: 301, updatedAt: t0.advanced(by: .seconds(4)))
        #expect(feed.check(next, now: t0.advanced(by: .seconds(5))).reasons.isEmpty)
    }

    @Test func nonMonotonicRoundIdsAreFlagged() throws {
        var feed = try guardFor()
        _ = feed.check(FeedRound(roundId: 10, answer: 100, updatedAt: t0), now: t0)
        let back = feed.check(
            FeedRound(roundId: 9, answer: 100, updatedAt: t0.advanced(by: .seconds(1))),
            now: t0.advanced(by: .seconds(1)))
        #expect(back.reasons.contains(.roundIdNotIncreasing))
        #expect(back.price == nil)
        let conflicting = feed.check(FeedRound(roundId: 10, answer: 105, updatedAt: t0), now: t0)
        #expect(conflicting.reasons.contains(.roundIdNotIncreasing))
        // Re-reading the same round is fine.
        #expect(feed.check(FeedRound(roundId: 10, answer: 100, updatedAt: t0), now: t0).reasons.isEmpty)
        // A later round with an earlier timestamp: time went backwards.
        let earlier = feed.check(
            FeedRound(roundId: 11, answer: 100, updatedAt: t0.advanced(by: .seconds(-10))), now: t0)
        #expect(earlier.reasons.contains(.invalidTimestamp))
    }

    @Test func timestampsInTheFutureAndZeroAreFlagged() throws {
        var feed = try guardFor()
        let future = feed.check(FeedRound(roundId: 1, answer: 100, updatedAt: t0.advanced(by: .seconds(16))), now: t0)
        #expect(future.reasons.contains(.timestampInFuture))
        #expect(future.price == nil)
        #expect(feed.previous == nil)
        let zero = feed.check(FeedRound(roundId: 2, answer: 100, updatedAt: .epoch), now: t0)
        #expect(zero.reasons.contains(.invalidTimestamp))
        let inverted = FeedRound(
            roundId: 3, answer: 100, startedAt: t0, updatedAt: t0.advanced(by: .seconds(-1)), answeredInRound: 3)
        #expect(feed.check(inverted, now: t0).reasons.contains(.invalidTimestamp))
        // startedAt == 0: Chainlink's answer for a round that does not exist.
        let unstarted = FeedRound(roundId: 4, answer: 100, startedAt: .epoch, updatedAt: t0, answeredInRound: 4)
        let assessment = feed.check(unstarted, now: t0)
        #expect(assessment.reasons.contains(.invalidTimestamp))
        #expect(assessment.price == nil)
    }

    @Test func badConfigurationIsRejected() {
        #expect(throws: SenseError.self) { try FeedConfig.validated(decimals: 37, heartbeat: .hours(1)) }
        #expect(throws: SenseError.self) { try FeedConfig.validated(decimals: -1, heartbeat: .hours(1)) }
        #expect(throws: SenseError.self) { try FeedConfig.validated(decimals: 8, heartbeat: .seconds(0)) }
        #expect(throws: SenseError.self) {
            try FeedConfig.validated(decimals: 8, heartbeat: .hours(1), minAnswer: 10, maxAnswer: 5)
        }
        #expect(throws: SenseError.self) { try FeedGuard(config: FeedConfig(decimals: 40)) }
        do {
            _ = try FeedConfig.validated(decimals: 37, heartbeat: .hours(1))
        } catch {
            #expect(error.message.contains("0…36"))
        }
        #expect((try? FeedConfig.validated(decimals: 36, heartbeat: .hours(1))) != nil)
    }

    @Test func thirtySixDecimalsConvertWithoutOverflow() throws {
        var feed = try guardFor(FeedConfig(decimals: 36))
        let a = feed.check(
            FeedRound(roundId: 1, answer: Int128("1500000000000000000000000000000000000")!, updatedAt: t0), now: t0)
        #expect(a.price == 1.5)
    }
}
