import AntibodyCore
import AntibodyMath
import AntibodySense
import BigInt
import Testing

@Suite struct DexMonitorTests {
    static let e18: UInt128 = 1_000_000_000_000_000_000

    /// UniswapV2Library.getAmountOut: 0.3 % fee, floor division.
    static func amountOut(_ amountIn: UInt128, _ reserveIn: UInt128, _ reserveOut: UInt128) -> UInt128 {
        let inWithFee = amountIn * 997
        return inWithFee * reserveOut / (reserveIn * 1000 + inWithFee)
    }

    static func big(_ value: UInt256) -> BigUInt { BigUInt(value.description)! }
    static let two256 = BigUInt(1) << 256

    // Golden vector: Uniswap v2-core test/UniswapV2Pair.spec.ts, 'price{0,1}CumulativeLast'.
    @Test func accumulatorsMatchUniswapPairSpec() throws {
        let t: Int64 = 1_600_000_000
        var pair = PairAccumulator()
        try pair.update(balance0: 3 * Self.e18, balance1: 3 * Self.e18, blockTime: t)  // mint
        #expect(pair.price0CumulativeLast == 0)
        try pair.update(balance0: 3 * Self.e18, balance1: 3 * Self.e18, blockTime: t + 1)  // sync
        let initialPrice0 = UQ112x112.fraction(3 * Self.e18, 3 * Self.e18)
        #expect(initialPrice0 == UInt256(1) << 112)
        #expect(pair.price0CumulativeLast == initialPrice0)
        #expect(pair.price1CumulativeLast == UInt256(1) << 112)
        #expect(pair.blockTimestampLast == UInt32(t + 1))
        // Transfer 3 token0 in and swap out 1 token1 at t + 10.
        try pair.update(balance0: 6 * Self.e18, balance1: 2 * Self.e18, blockTime: t + 10)
        #expect(pair.price0CumulativeLast == initialPrice0 * 10)
        #expect(pair.price1CumulativeLast == (UInt256(1) << 112) * 10)
        try pair.update(balance0: 6 * Self.e18, balance1: 2 * Self.e18, blockTime: t + 20)
        let newPrice0 = UQ112x112.fraction(2 * Self.e18, 6 * Self.e18)
        let newPrice1 = UQ112x112.fraction(6 * Self.e18, 2 * Self.e18)
        #expect(pair.price0CumulativeLast == initialPrice0 * 10 + newPrice0 * 10)
        #expect(pair.price1CumulativeLast == (UInt256(1) << 112) * 10 + newPrice1 * 10)
        // Independent check with BigInt: floor(2e18 · 2^112 / 6e18).
        #expect(Self.big(newPrice0) == (BigUInt(2) * BigUInt(10).power(18) << 112) / (BigUInt(6) * BigUInt(10).power(18)))
        // Average over [t + 10, t + 20] is exactly newPrice0.
        #expect(UQ112x112.average(from: initialPrice0 * 10, to: pair.price0CumulativeLast, elapsed: 10) == newPrice0)
    }

    @Test func accumulatorWrapsModulo2To256AndTheTwapSurvives() throws {
        let start = UInt256.max - (UInt256(1) << 112) * 3 + 1
        var pair = try PairAccumulator(
            reserve0: 1_000, reserve1: 5_000, blockTimestampLast: UInt32.max - 4, price0CumulativeLast: start,
            price1CumulativeLast: 0)
        // 10 s later, across both the uint32 timestamp wrap and the uint256 accumulator wrap.
        let blockTime = Int64(UInt32.max) + 6
        try pair.update(balance0: 1_000, balance1: 5_000, blockTime: blockTime)
        let expected = (Self.big(start) + (BigUInt(5_000) << 112) / BigUInt(1_000) * 10) % Self.two256
        #expect(Self.big(pair.price0CumulativeLast) == expected)
        #expect(pair.price0CumulativeLast < start)
        let average = UQ112x112.average(from: start, to: pair.price0CumulativeLast, elapsed: 10)
        #expect(average == UInt256(5) << 112)
        #expect(UQ112x112.double(average) == 5)
    }

    @Test func fractionAgreesWithBigIntOnSeededRandomReserves() {
        var rng = SplitMix64(seed: 0x5e75e)
        for _ in 0..<500 {
            let a = UInt128(rng.next()) << 48 | UInt128(rng.next() >> 16)
            let b = (UInt128(rng.next()) << 40 | UInt128(rng.next())) & UQ112x112.maxReserve | 1
            let elapsed = UInt32(truncatingIfNeeded: rng.next()) | 1
            let x = UQ112x112.fraction(a & UQ112x112.maxReserve, b)
            let expected = (BigUInt(a & UQ112x112.maxReserve) << 112) / BigUInt(b)
            #expect(Self.big(x) == expected)
            #expect(Self.big(x * UInt256(high: 0, low: UInt128(elapsed))) == expected * BigUInt(elapsed))
        }
    }

    @Test func overflowingBalanceIsRejectedLikeThePair() {
        var pair = PairAccumulator()
        #expect(throws: SenseError.self) {
            try pair.update(balance0: UQ112x112.maxReserve + 1, balance1: 1, blockTime: 1)
        }
    }

    /// A WETH/USDC-like pair (token0 18 decimals, token1 6) at 2,000 USDC per WETH.
    struct Pool {
        var pair = PairAccumulator()
        var block: UInt64 = 17_000_000
        var time: Int64 = 1_700_000_000
        var snapshots: [PoolSnapshot] = []

        init() throws {
            try pair.update(balance0: 1_000 * DexMonitorTests.e18, balance1: 2_000_000_000_000, blockTime: time)
        }

        mutating func nextBlock() {
            block += 1
            time += 12
        }

        /// Swaps `amountIn` of token0 (or token1) into the pair in the current block.
        mutating func swap(token0In amountIn: UInt128) throws {
            let out = DexMonitorTests.amountOut(amountIn, pair.reserve0, pair.reserve1)
            try pair.update(balance0: pair.reserve0 + amountIn, balance1: pair.reserve1 - out, blockTime: time)
            snapshots.append(PoolSnapshot(blockNumber: block, time: Timestamp(seconds: time), pair: pair))
        }

        mutating func swap(token1In amountIn: UInt128) throws {
            let out = DexMonitorTests.amountOut(amountIn, pair.reserve1, pair.reserve0)
            try pair.update(balance0: pair.reserve0 - out, balance1: pair.reserve1 + amountIn, blockTime: time)
            snapshots.append(PoolSnapshot(blockNumber: block, time: Timestamp(seconds: time), pair: pair))
        }
    }

    @Test func flashLoanSpikeRevertingWithinTheBlockLeavesTheTwap() throws {
        var pool = try Pool()
        var monitor = try DexMonitor(config: DexMonitorConfig(decimals0: 18, decimals1: 6))
        // 40 minutes of small two-way trades.
        for i in 0..<200 {
            pool.nextBlock()
            if i % 2 == 0 { try pool.swap(token0In: Self.e18 / 10) } else { try pool.swap(token1In: 200_000_000) }
        }
        var signal = DexSignal(time: .epoch, spot: 0, twap: nil, window: nil, reasons: ReasonSet())
        for snapshot in pool.snapshots { signal = monitor.observe(snapshot) }
        #expect(signal.reasons.isEmpty)
        let twapBefore = try #require(signal.twap)
        #expect(abs(twapBefore / 2_000 - 1) < 0.001)
        #expect(signal.window! >= .minutes(30))

        // The attack block: borrow 6M USDC, dump it into the pool, act on the spike, swap back.
        pool.snapshots.removeAll()
        pool.nextBlock()
        try pool.swap(token1In: 6_000_000_000_000)
        let received = 1_000 * Self.e18 - pool.pair.reserve0
        let spike = monitor.observe(pool.snapshots[0])
        #expect(spike.spot > 2_000 * 10)
        #expect(spike.reasons.contains(.twapDivergence))
        #expect(spike.reasons.contains(.reserveJump))
        #expect(!spike.isSpotUsable)
        // The block's opening observation slides the window by one block; nothing else moves it.
        #expect(abs(spike.twap! / twapBefore - 1) < 1e-6)
        try pool.swap(token0In: received)
        let back = monitor.observe(pool.snapshots[1])
        #expect(back.reasons.contains(.sameBlockMoveAndRevert))
        #expect(abs(back.spot / 2_000 - 1) < 0.01)
        #expect(back.twap == spike.twap, "in-block trades cannot move the TWAP")

        // The TWAP quote still aggregates to the honest price; spot would have been refused.
        var aggregator = try SourceAggregator()
        let now = Timestamp(seconds: pool.time)
        let quotes = [
            back.quote(source: 0, at: now)!,
            SourceQuote(source: 1, price: 2_000.5, timestamp: now),
            SourceQuote(source: 2, price: 1_999.5, timestamp: now),
        ]
        let verdict = aggregator.aggregate(quotes, now: now)
        #expect(verdict.status == .degraded)
        #expect(abs(verdict.price! / 2_000 - 1) < 0.001)
        #expect(verdict.reasons.contains(.sameBlockMoveAndRevert))

        // Next block: the in-block signal is gone and the TWAP still holds.
        pool.snapshots.removeAll()
        pool.nextBlock()
        try pool.swap(token0In: Self.e18 / 10)
        let after = monitor.observe(pool.snapshots[0])
        #expect(!after.reasons.contains(.sameBlockMoveAndRevert))
        #expect(abs(after.twap! / 2_000 - 1) < 0.002)
    }

    @Test func badSnapshotsAreFlaggedNotTrusted() throws {
        var monitor = try DexMonitor()
        let empty = monitor.observe(PoolSnapshot(blockNumber: 1, time: Timestamp(seconds: 100), pair: PairAccumulator()))
        #expect(empty.reasons.contains(.invalidQuote))
        #expect(!empty.isSpotUsable)
        let pair = try PairAccumulator(reserve0: 10, reserve1: 10, blockTimestampLast: 0, price0CumulativeLast: 0, price1CumulativeLast: 0)
        _ = monitor.observe(PoolSnapshot(blockNumber: 5, time: Timestamp(seconds: 100), pair: pair))
        #expect(monitor.observe(PoolSnapshot(blockNumber: 4, time: Timestamp(seconds: 101), pair: pair)).reasons.contains(.invalidQuote))
        #expect(monitor.observe(PoolSnapshot(blockNumber: 6, time: Timestamp(seconds: 90), pair: pair)).reasons.contains(.invalidTimestamp))
        #expect(throws: SenseError.self) { try DexMonitor(config: DexMonitorConfig(decimals0: 40)) }
        #expect(throws: SenseError.self) { try DexMonitor(config: DexMonitorConfig(maxDivergence: .nan)) }
        #expect(throws: SenseError.self) {
            try PairAccumulator(reserve0: UQ112x112.maxReserve + 1, reserve1: 1, blockTimestampLast: 0,
                price0CumulativeLast: 0, price1CumulativeLast: 0)
        }
    }
}

/// SplitMix64 (Steele, Lea, Flood 2014): a small seeded generator for reproducible tests.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
