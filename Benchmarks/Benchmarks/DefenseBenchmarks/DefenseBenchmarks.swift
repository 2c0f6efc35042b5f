// Invariant evaluation and engine throughput (issue 6).
//
// Targets (docs/engine.md): a 10-node invariant evaluates in ≤ 200 ns with 0 allocations; the
// engine with the example lending policy handles ≥ 500 k events/s on one core; a haircut sample
// with the learned volatility forecaster allocates nothing when no parameter changes.

import AntibodyCore
import AntibodyDefense
import AntibodyEngine
import Benchmark

/// The repository root, from this file's path (Benchmarks/Benchmarks/DefenseBenchmarks/…).
let repositoryRoot: String = {
    var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(4)
    return parts.joined(separator: "/")
}()

/// A deterministic random walk of WBTC, USDC and WETH prices, one minute apart (fixed seed).
func priceEvents(count: Int) -> [Event] {
    var state: UInt64 = 42
    func unit() -> Double {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Double((z ^ (z >> 31)) >> 11) / Double(1 << 53)
    }
    var prices: [(String, Double)] = [("WBTC", 28_000), ("USDC", 1.0), ("WETH", 1_800)]
    var events: [Event] = []
    events.reserveCapacity(count)
    var minute: Int64 = 0
    while events.count < count {
        for k in prices.indices where events.count < count {
            let scale = prices[k].0 == "USDC" ? 0.0001 : 0.002
            prices[k].1 *= 1 + scale * (unit() - 0.5)
            events.append(
                .observation(
                    Observation(
                        stream: prices[k].0, timestamp: Timestamp(seconds: 1_654_992_000 + minute * 60),
                        value: prices[k].1)))
        }
        minute += 1
    }
    return events
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal],
        timeUnits: .nanoseconds,
        warmupIterations: 10,
        scalingFactor: .kilo,
        maxDuration: .seconds(2),
        maxIterations: 1_000
    )

    Benchmark(
        "Invariant, 10 nodes",
        configuration: .init(thresholds: [
            .mallocCountTotal: .init(absolute: [.p0: 0, .p25: 0, .p50: 0, .p75: 0, .p90: 0, .p99: 0, .p100: 0]),
            .wallClock: .init(relative: [.p50: 25.0, .p75: 25.0]),
        ])
    ) { benchmark in
        let layout = StateLayout(schema: .standard(pools: ["ETH-USDC"]))
        var compiler = InvariantCompiler(layout: layout)
        let invariant = try compiler.compile("pool.k >= pool.k@prev and pool.reserve0 * pool.reserve1 >= pool.k")
        precondition(invariant.nodeCount == 10)
        var store = compiler.makeStore()
        store.set(layout.handle(path: "pool.reserve0")!, 1_000)
        store.set(layout.handle(path: "pool.reserve1")!, 2_000)
        store.set(layout.handle(path: "pool.k")!, 2_000_000)
        store.commit(at: Timestamp(seconds: 1))
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(invariant.holds(&store))
        }
    }

    // One iteration = 1,000 events through a fresh engine running the example lending policy;
    // the reported time is per event (throughput ≥ 500 k/s means ≤ 2,000 ns).
    Benchmark("Engine, lending policy, per event") { benchmark in
        let policy = try Policy.load(contentsOf: repositoryRoot + "/policies/aave-like-lending.toml")
        let events = priceEvents(count: 30_000)
        var engine = Engine(policy: policy, port: RecordingPort(), recorder: CollectingRecorder())
        var next = 0
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            if next == events.count {
                benchmark.stopMeasurement()
                engine = Engine(policy: policy, port: RecordingPort(), recorder: CollectingRecorder())
                next = 0
                benchmark.startMeasurement()
            }
            engine.handle(events[next])
            next += 1
        }
        blackHole(engine.eventsProcessed)
    }

    // One iteration = 1,000 WBTC prices, 30 minutes apart, through the example policy
    // with the signed volatility forecaster: every second event is a haircut sample (sense,
    // detectors, forecaster update, controller, invariants). A calm walk: no LTV change, so no
    // decision is recorded and nothing should allocate.
    Benchmark(
        "Engine, haircut sample with forecaster, per event",
        configuration: .init(
            thresholds: [
                .mallocCountTotal: .init(absolute: [.p0: 0, .p25: 0, .p50: 0, .p75: 0, .p90: 0, .p99: 0, .p100: 0])
            ])
    ) { benchmark in
        let policy = try Policy.load(
            contentsOf: repositoryRoot + "/policies/lending-volatility-forecaster.toml")
        var engine = Engine(policy: policy, port: RecordingPort(), recorder: CollectingRecorder())
        var price = 28_000.0
        var half: Int64 = 0
        func step() -> Event {
            half += 1
            price *= half % 2 == 0 ? 1.0005 : 0.9995
            return .observation(
                Observation(stream: "WBTC", timestamp: Timestamp(seconds: 1_654_992_000 + half * 1_800), value: price))
        }
        for _ in 0..<200 { engine.handle(step()) }  // past the warm-up, buffers sized
        precondition(engine.haircuts?.forecast.first?.isFinite == true, "the forecaster is fed")
        let decisions = engine.recorder.decisions.count
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations { engine.handle(step()) }
        benchmark.stopMeasurement()
        precondition(engine.recorder.decisions.count == decisions, "a calm walk changes nothing")
    }
}
