// The simulator's hot paths (issue 7).
//
// Targets (docs/sim.md): the AMM + arbitrageur model ≥ 10 M blocks/s on one core with exact
// integers (≤ 100 ns a block) and 0 allocations per block; a Uniswap V2 quote with 0 allocations.
// The 1,000-path × 8,760-step Monte Carlo target (≤ 10 s on 2 cores) is measured end to end by
// `antibody bench market`; here one path of the lending + AMM market is timed on one core.

import AntibodyMath
import AntibodySim
import Benchmark

let benchmarks: @Sendable () -> Void = {
    let zeroMallocs = BenchmarkThresholds(absolute: [.p0: 0, .p25: 0, .p50: 0, .p75: 0, .p90: 0, .p99: 0, .p100: 0])
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal],
        timeUnits: .nanoseconds,
        warmupIterations: 10,
        maxDuration: .seconds(2),
        maxIterations: 10_000
    )

    // One block: GBM move of the reference price; the arbitrageur trades back with exact integers
    // when the gap pays its gas. The same pool and parameters as `antibody bench amm`.
    Benchmark(
        "AMM + arbitrageur, one block",
        configuration: .init(
            scalingFactor: .kilo,
            thresholds: [.mallocCountTotal: zeroMallocs, .wallClock: .init(relative: [.p50: 25.0])])
    ) { benchmark in
        var model = try AMMArbitrageModel(
            reserve0: 10_000_000_000_000_000_000_000, reserve1: 20_000_000_000_000, volatility: 0.8,
            gasCost: 5e6, seed: 42)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            model.step()
        }
        benchmark.stopMeasurement()
        blackHole(model.trades)
    }

    // UniswapV2Library.getAmountOut on uint112-sized reserves (three checked 256-bit operations and
    // a division).
    Benchmark(
        "Uniswap V2 getAmountOut",
        configuration: .init(
            scalingFactor: .kilo,
            thresholds: [.mallocCountTotal: zeroMallocs, .wallClock: .init(relative: [.p50: 25.0])])
    ) { benchmark in
        var amountIn: UInt256 = 1_000_000_000_000_000_000
        let reserveIn: UInt256 = 10_000_000_000_000_000_000_000
        let reserveOut: UInt256 = 20_000_000_000_000
        var sink = UInt256.zero
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            sink ^= try UniswapV2Pair.getAmountOut(amountIn, reserveIn: reserveIn, reserveOut: reserveOut)
            amountIn &+= 1
        }
        benchmark.stopMeasurement()
        blackHole(sink)
    }

    // One path of the lending + AMM market with 100 agents over 8,760 hourly steps, defence off.
    Benchmark(
        "Lending + AMM market, one path of 8,760 h",
        configuration: .init(
            timeUnits: .milliseconds, maxIterations: 20,
            thresholds: [.wallClock: .init(relative: [.p50: 25.0])])
    ) { benchmark in
        let parameters = try MarketParameters().validated()
        var seed: UInt64 = 1
        for _ in benchmark.scaledIterations {
            var market = try LendingAMMMarket(parameters: parameters, rng: Xoshiro256StarStar(seed: seed))
            var defence = NoDefence()
            blackHole(try market.run(defence: &defence))
            seed &+= 1
        }
    }
}
