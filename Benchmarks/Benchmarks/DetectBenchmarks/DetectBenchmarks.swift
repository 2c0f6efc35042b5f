// Streaming detector benchmarks (issue 4's speed targets). Every detector runs over the same seeded
// 10 M-point series (Gaussian-like noise with a level shift halfway, as `antibody bench detectors`
// uses). Each detector is built once, warmed up on 10,000 values (outside the measurement, so its
// windows are full and its state is steady), then streams through the series continuously: each
// sample measures the next 1,000 events (scalingFactor .kilo, so times are per event and malloc
// counts per 1,000 events), and 10,000 samples cover the 10 M points. Short samples keep the median
// meaningful on a shared machine, where a long sample would always include time spent descheduled.
//
// Targets (docs/detectors.md): EWMA z ≥ 100 M events/s (≤ 10 ns), CUSUM and Page–Hinkley ≥ 80 M/s
// (≤ 12.5 ns), robust z (w = 256) ≥ 5 M/s (≤ 200 ns), KS (w = 256) ≥ 2 M/s (≤ 500 ns); 0 allocations.

import AntibodyCore
import AntibodyDetect
import Benchmark

/// Events in the series.
let seriesLength = 10_000_000

/// Values fed before the measurement starts (fills every window: 2w = 512 for KS).
let warmupEvents = 10_000

/// The series: sum of four uniforms (roughly Gaussian), shifted by 0.5 halfway; fixed seed.
let series: [Double] = {
    var state: UInt64 = 0x5EED
    var values = [Double](repeating: 0, count: seriesLength + warmupEvents)
    for i in 0..<values.count {
        var s = 0.0
        for _ in 0..<4 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            s += Double(state >> 11) / Double(1 << 53)
        }
        values[i] = s - 2 + (i >= values.count / 2 ? 0.5 : 0)
    }
    return values
}()

/// A detector and its position in the series, carried from one sample to the next (the benchmark
/// runs its samples one after another on one thread).
final class Stream<D: Detector>: @unchecked Sendable {
    var detector: D
    var position = 0
    var sink = 0.0

    init(_ detector: D) {
        self.detector = detector
        for i in 0..<warmupEvents { sink += self.detector.update(series[i], at: Timestamp(milliseconds: Int64(i))) }
        position = warmupEvents
    }

    /// Feeds the next `benchmark.scaledIterations.count` events, measuring only that.
    func run(_ benchmark: Benchmark) {
        let count = benchmark.scaledIterations.count
        if position + count > series.count { position = warmupEvents }
        let first = position
        // In place (inout): a copy of the detector would share its buffers and copy them on write.
        let s = series.withUnsafeBufferPointer { Self.feed(&detector, $0, first, benchmark) }
        sink += s
        position = first + count
        blackHole(sink)
    }

    @inline(never)
    static func feed(
        _ d: inout D, _ values: UnsafeBufferPointer<Double>, _ first: Int, _ benchmark: Benchmark
    ) -> Double {
        var s = 0.0
        benchmark.startMeasurement()
        for i in benchmark.scaledIterations {
            let t = first &+ i
            s += d.update(values[t], at: Timestamp(milliseconds: Int64(t)))
        }
        benchmark.stopMeasurement()
        return s
    }
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal],
        timeUnits: .nanoseconds,
        warmupIterations: 10,
        scalingFactor: .kilo,
        maxDuration: .seconds(60),
        maxIterations: seriesLength / 1_000,
        thresholds: [
            // No allocation per event in steady state.
            .mallocCountTotal: .init(absolute: [.p0: 0, .p25: 0, .p50: 0, .p75: 0, .p90: 0, .p99: 0, .p100: 0])
        ]
    )

    let ewma = Stream(EWMAZScore())
    let cusum = Stream(CUSUM())
    let pageHinkley = Stream(PageHinkley())
    let robust = Stream(RobustZScore(window: 256))
    let ks = Stream(WindowedKS(window: 256))
    Benchmark("EWMA z") { ewma.run($0) }
    Benchmark("CUSUM") { cusum.run($0) }
    Benchmark("Page-Hinkley") { pageHinkley.run($0) }
    Benchmark("robust z (w = 256)") { robust.run($0) }
    Benchmark("KS (w = 256)") { ks.run($0) }
}
