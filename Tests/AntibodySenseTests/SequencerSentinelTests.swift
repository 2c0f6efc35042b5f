import AntibodyCore
import AntibodySense
import Testing

@Suite struct SequencerSentinelTests {
    let t0 = Timestamp(seconds: 1_700_000_000)

    @Test func restartRespectsTheGracePeriod() throws {
        var sentinel = try SequencerSentinel()
        let wentDown = t0
        let cameUp = t0.advanced(by: .minutes(20))
        let down = sentinel.assess(.down(since: wentDown), now: t0.advanced(by: .minutes(5)))
        #expect(down.state == .down)
        #expect(!down.isLiquidationAllowed)
        // Aave: allowed iff now − startedAt > GRACE_PERIOD (3600 s), strictly.
        let justUp = sentinel.assess(.up(since: cameUp), now: cameUp.advanced(by: .seconds(1)))
        #expect(justUp.state == .gracePeriod)
        #expect(justUp.graceEndsAt == cameUp.advanced(by: .seconds(3_600)))
        #expect(!justUp.isLiquidationAllowed && !justUp.isBorrowAllowed)
        #expect(sentinel.assess(.up(since: cameUp), now: cameUp.advanced(by: .seconds(3_600))).state == .gracePeriod)
        let after = sentinel.assess(.up(since: cameUp), now: cameUp.advanced(by: .seconds(3_601)))
        #expect(after.state == .up)
        #expect(after.isLiquidationAllowed)
        #expect(after.reasons.isEmpty)
    }

    @Test func dailyHeartbeatRoundIsNotARestart() throws {
        // aave/aave-v3-core #926: updatedAt refreshes about daily with the answer unchanged; a sentinel
        // reading it as the restart time blocked liquidations for an hour a day.
        var sentinel = try SequencerSentinel()
        let upSince = t0.advanced(by: .hours(-72))
        let heartbeat = SequencerStatus(answer: 0, startedAt: upSince, updatedAt: t0.advanced(by: .minutes(-5)))
        let a = sentinel.assess(heartbeat, now: t0)
        #expect(a.state == .up)
        #expect(a.isLiquidationAllowed)
        let inconsistent = SequencerStatus(answer: 0, startedAt: upSince, updatedAt: upSince.advanced(by: .seconds(-1)))
        #expect(sentinel.assess(inconsistent, now: t0).reasons.contains(.sequencerSignalSuspect))
    }

    @Test func longUpSequencerIsUp() throws {
        var sentinel = try SequencerSentinel()
        #expect(sentinel.assess(.up(since: .epoch.advanced(by: .seconds(1))), now: t0).state == .up)
    }

    @Test func falseDownSignalContradictedByBlocksDoesNotBlock() throws {
        var sentinel = try SequencerSentinel()
        // The feed says down since t0, but L2 blocks keep arriving after t0.
        let a = sentinel.assess(.down(since: t0), now: t0.advanced(by: .seconds(60)), latestL2Block: t0.advanced(by: .seconds(58)))
        #expect(a.state == .suspect)
        #expect(a.reasons.contains(.sequencerSignalSuspect))
        #expect(a.isLiquidationAllowed)
        // When the feed flips back up, the grace period of a false outage is waived too.
        let up = t0.advanced(by: .seconds(300))
        let b = sentinel.assess(.up(since: up), now: up.advanced(by: .seconds(10)))
        #expect(b.state == .suspect)
        #expect(b.isLiquidationAllowed)
        #expect(sentinel.assess(.up(since: up), now: up.advanced(by: .seconds(3_601))).state == .up)
    }

    @Test func realOutageWithNoBlocksIsDown() throws {
        var sentinel = try SequencerSentinel()
        // The newest L2 block predates the outage: nothing contradicts it.
        let a = sentinel.assess(.down(since: t0), now: t0.advanced(by: .minutes(10)), latestL2Block: t0.advanced(by: .seconds(-2)))
        #expect(a.state == .down)
        #expect(!a.isLiquidationAllowed)
        let up = t0.advanced(by: .minutes(30))
        #expect(sentinel.assess(.up(since: up), now: up.advanced(by: .seconds(5))).state == .gracePeriod)
    }

    @Test func malformedSignalFailsSafeButIsFlagged() throws {
        var sentinel = try SequencerSentinel()
        let weird = sentinel.assess(SequencerStatus(answer: 7, startedAt: t0), now: t0)
        #expect(weird.state == .down)
        #expect(weird.reasons.contains(.sequencerSignalSuspect))
        var other = try SequencerSentinel()
        let future = other.assess(.up(since: t0.advanced(by: .hours(1))), now: t0)
        #expect(future.state == .down)
        #expect(future.reasons.contains(.sequencerSignalSuspect))
        #expect(throws: SenseError.self) { try SequencerSentinel(gracePeriod: .seconds(-1)) }
    }

    @Test func downSequencerMakesAggregateUntrusted() throws {
        var sentinel = try SequencerSentinel()
        var aggregator = try SourceAggregator()
        let quotes = (0..<3).map { SourceQuote(source: $0, price: 100, timestamp: t0) }
        let down = sentinel.assess(.down(since: t0), now: t0)
        let v = aggregator.aggregate(quotes, now: t0, sequencer: down)
        #expect(v.status == .untrusted)
        #expect(v.price == nil)
        #expect(v.reasons.contains(.sequencerDown))
        let grace = sentinel.assess(.up(since: t0), now: t0.advanced(by: .seconds(10)))
        let g = aggregator.aggregate(quotes, now: t0, sequencer: grace)
        #expect(g.status == .degraded)
        #expect(g.price == 100)
        #expect(g.reasons.contains(.sequencerGracePeriod))
    }
}
