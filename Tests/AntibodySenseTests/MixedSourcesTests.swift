import AntibodyCore
import AntibodySense
import Testing

/// One aggregation over every kind of source the guard takes: a Chainlink-style feed checked by
/// ``FeedGuard``, two exchange prices, a Uniswap V2 TWAP from ``DexMonitor``, and a Pyth-style price
/// with a confidence interval.
@Suite struct MixedSourcesTests {
    @Test func feedCexTwapAndConfidenceSourcesAggregate() throws {
        let start: Int64 = 1_700_000_000
        // A WETH/USDC pair at 2,000, one block every 12 s for 36 minutes.
        var pair = PairAccumulator()
        var monitor = try DexMonitor(config: DexMonitorConfig(decimals0: 18, decimals1: 6))
        let e18: UInt128 = 1_000_000_000_000_000_000
        try pair.update(balance0: 1_000 * e18, balance1: 2_000_000_000_000, blockTime: start)
        var signal: DexSignal?
        for block in 1...180 {
            let time = start + Int64(block) * 12
            try pair.update(balance0: pair.reserve0, balance1: pair.reserve1, blockTime: time)
            signal = monitor.observe(
                PoolSnapshot(blockNumber: UInt64(block), time: Timestamp(seconds: time), pair: pair))
        }
        let now = Timestamp(seconds: start + 180 * 12)
        let dex = try #require(signal?.quote(source: 3, at: now))
        #expect(abs(dex.price - 2_000) < 1e-9)

        var feed = try FeedGuard(config: FeedConfig(decimals: 8))
        let round = FeedRound(roundId: 42, answer: 2_001_00000000, updatedAt: now.advanced(by: .seconds(-300)))
        let feedQuote = feed.check(round, now: now, market: 2_000).quote(source: 0, at: now, config: feed.config)

        let quotes = [
            feedQuote,
            SourceQuote(source: 1, price: 1_999.5, timestamp: now.advanced(by: .seconds(-2))),
            SourceQuote(source: 2, price: 2_000.4, timestamp: now.advanced(by: .seconds(-1))),
            dex,
            SourceQuote(source: 4, price: 2_000.1, confidence: 0.8, timestamp: now),
        ]
        var aggregator = try SourceAggregator()
        let verdict = aggregator.aggregate(quotes, now: now)
        #expect(verdict.status == .ok)
        #expect(verdict.used == SourceSet([0, 1, 2, 3, 4]))
        #expect(verdict.price == 2_000.1)
        #expect(verdict.lower == 1_999.3)
        #expect(verdict.upper == 2_001)
    }

    @Test func manipulationHeldAcrossBlocksMovesTheTwapOnlyByItsShareOfTheWindow() throws {
        let start: Int64 = 1_700_000_000
        var pair = PairAccumulator()
        var monitor = try DexMonitor(config: DexMonitorConfig(decimals0: 18, decimals1: 18))
        try pair.update(balance0: 1_000_000, balance1: 1_000_000, blockTime: start)
        var block: UInt64 = 0
        var time = start
        func mine(_ r0: UInt128, _ r1: UInt128) throws -> DexSignal {
            block += 1
            time += 12
            try pair.update(balance0: r0, balance1: r1, blockTime: time)
            return monitor.observe(PoolSnapshot(blockNumber: block, time: Timestamp(seconds: time), pair: pair))
        }
        for _ in 0..<150 { _ = try mine(1_000_000, 1_000_000) }  // 30 min at price 1
        var last = try mine(500_000, 2_000_000)  // pushed to 4 and held
        #expect(last.reasons.contains(.twapDivergence))
        for _ in 0..<14 { last = try mine(500_000, 2_000_000) }  // held 3 minutes in all
        // 3 of 30 minutes at 4, the rest at 1: the TWAP is near 1.3, spot 4, still flagged.
        let twap = try #require(last.twap)
        #expect(twap > 1.2 && twap < 1.4)
        #expect(last.spot == 4)
        #expect(last.reasons.contains(.twapDivergence))
        #expect(!last.isSpotUsable)
    }
}
