import AntibodySim
import Synchronization
import Testing

@Suite struct MonteCarloTests {
    @Test func summaryMatchesHandComputedStatistics() throws {
        let s = try MetricSummary(name: "x", values: (1...100).map(Double.init).reversed())
        #expect(s.mean == 50.5)
        #expect(s.quantiles["p50"] == 50.5)
        #expect(abs(s.quantiles["p5"]! - 5.95) < 1e-12)  // 1 + 0.05·99
        #expect(abs(s.quantiles["p99"]! - 99.01) < 1e-12)
        #expect(abs(s.standardDeviation - 29.011491975882016) < 1e-12)  // sqrt(100·101/12)
        #expect(abs(s.confidenceInterval95[1] - (50.5 + 1.959963984540054 * 2.9011491975882016)) < 1e-9)
        #expect(s.min == 1 && s.max == 100)
        #expect(throws: SimError.self) { try MetricSummary(name: "empty", values: []) }
    }

    @Test func resultsDoNotDependOnWorkerCount() async throws {
        func run(workers: Int) async throws -> [[Double]] {
            let mc = try MonteCarlo(paths: 257, seed: 77, workers: workers, metricNames: ["final", "max"])
            return try await mc.run { _, rng in
                var path = try GBMPath(start: 100, drift: 0, volatility: 0.6, step: 1.0 / 365)
                var high = path.price
                for _ in 0..<365 { high = max(high, path.next(using: &rng)) }
                return [path.price, high]
            }.values
        }
        let one = try await run(workers: 1)
        #expect(try await run(workers: 2) == one)
        #expect(try await run(workers: 7) == one)
    }

    @Test func gbmTerminalMeanIsWithinItsConfidenceBand() async throws {
        let mc = try MonteCarlo(paths: 4_000, seed: 1, workers: 2, metricNames: ["terminal"])
        let seen = Atomic<Int>(0)
        let (_, summaries) = try await mc.run(progress: { done in
            var current = seen.load(ordering: .relaxed)
            while done > current {
                let (exchanged, original) = seen.compareExchange(
                    expected: current, desired: done, ordering: .relaxed)
                if exchanged { break }
                current = original
            }
        }) { _, rng in
            var path = try GBMPath(start: 100, drift: 0.1, volatility: 0.5, step: 1.0 / 12)
            for _ in 0..<12 { _ = path.next(using: &rng) }
            return [path.price]
        }
        // E[S_T] = S₀·e^{μT} = 110.517…; the 95 % CI must cover it with a margin of a few CIs.
        let s = summaries[0]
        let width = s.confidenceInterval95[1] - s.confidenceInterval95[0]
        #expect(abs(s.mean - 100 * 1.1051709180756477) < 1.5 * width)
        #expect(seen.load(ordering: .relaxed) == 4_000)
    }

    @Test func badConfigurationIsRejected() {
        #expect(throws: SimError.self) { try MonteCarlo(paths: 0, seed: 0, metricNames: ["x"]) }
        #expect(throws: SimError.self) { try MonteCarlo(paths: 1, seed: 0, workers: 0, metricNames: ["x"]) }
    }
}
