// Oracle-guard benchmarks. Each benchmark runs 1,000 operations per iteration (scalingFactor .kilo), so the
// reported time is per operation. Inputs rotate through small tables so the optimizer cannot fold them.
//
// Targets (docs/oracle-guard.md): a verdict over 7 sources ≤ 1 µs median, 0 allocations in steady state.

import AntibodyCore
import AntibodySense
import Benchmark

let t0 = Timestamp(seconds: 1_700_000_000)

/// Eight sets of 7 quotes around 2,000 with confidence intervals; every other set has one outlier.
let quoteSets: [[SourceQuote]] = (0..<8).map { k in
    (0..<7).map { s in
        let price = 2_000.0 + Double((s * 7 + k * 3) % 11) * 0.1 + (s == 6 && k % 2 == 0 ? 500 : 0)
        return SourceQuote(source: s, price: price, confidence: 0.5, timestamp: t0)
    }
}

let rounds: [FeedRound] = (0..<8).map { i in
    FeedRound(roundId: UInt128(100 + i), answer: 2_000_00000000 + Int128(i) * 1_000_000, updatedAt: t0)
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal],
        timeUnits: .nanoseconds,
        warmupIterations: 10,
        scalingFactor: .kilo,
        maxDuration: .seconds(2),
        maxIterations: 1_000,
        thresholds: [
            // Steady state: no allocation at all.
            .mallocCountTotal: .init(absolute: [.p0: 0, .p25: 0, .p50: 0, .p75: 0, .p90: 0, .p99: 0, .p100: 0]),
            .wallClock: .init(relative: [.p50: 25.0, .p75: 25.0]),
        ]
    )

    Benchmark("verdict over 7 sources") { benchmark in
        var aggregator = try! SourceAggregator()
        let sets = quoteSets
        // Warm the reputations and the anchor so the measured calls are steady state.
        for i in 0..<64 { blackHole(aggregator.aggregate(sets[i & 7], now: t0)) }
        benchmark.startMeasurement()
        for i in benchmark.scaledIterations {
            blackHole(aggregator.aggregate(sets[i & 7], now: t0))
        }
    }

    Benchmark("feed round check") { benchmark in
        var feed = try! FeedGuard(config: FeedConfig(decimals: 8, minAnswer: 1, maxAnswer: 1_000_000_00000000))
        let table = rounds
        for i in benchmark.scaledIterations {
            var round = table[i & 7]
            round.roundId = UInt128(i) + 1
            round.answeredInRound = round.roundId
            blackHole(feed.check(round, now: t0.advanced(by: .seconds(30)), market: 2_000))
        }
    }

    Benchmark("sequencer assessment") { benchmark in
        var sentinel = try! SequencerSentinel()
        let status = SequencerStatus.up(since: t0)
        for i in benchmark.scaledIterations {
            blackHole(sentinel.assess(status, now: t0.advanced(by: .seconds(Int64(i & 8191)))))
        }
    }
}
