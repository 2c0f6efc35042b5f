// AntibodyCore benchmarks: Keccak-256. Each benchmark hashes 1,000 inputs per iteration (scalingFactor
// .kilo), so the reported time is per hash. The first input byte changes every call so nothing folds.
//
// Targets (docs/core.md): Keccak-256 of 32 bytes ≤ 500 ns median; 0 allocations per hash.

import AntibodyCore
import Benchmark

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal],
        timeUnits: .nanoseconds,
        warmupIterations: 10,
        scalingFactor: .kilo,
        maxDuration: .seconds(2),
        maxIterations: 1_000,
        thresholds: [
            .mallocCountTotal: .init(absolute: [.p0: 0, .p25: 0, .p50: 0, .p75: 0, .p90: 0, .p99: 0, .p100: 0]),
            .wallClock: .init(relative: [.p50: 25.0, .p75: 25.0]),
        ]
    )

    for size in [32, 1_024] {
        Benchmark("Keccak-256 of \(size) bytes") { benchmark in
            var input = [UInt8](repeating: 0xA5, count: size)
            benchmark.startMeasurement()
            for i in benchmark.scaledIterations {
                input[0] = UInt8(truncatingIfNeeded: i)
                blackHole(input.withUnsafeBytes { Keccak256.digest($0) })
            }
        }
    }
}
