/// Runs one simulation per path over many seeds, in parallel, deterministically.
///
/// Path `i` of a run seeded `seed` receives `Xoshiro256StarStar(seed: seed &+ UInt64(i))`; its
/// metrics are stored at index `i`, so the result is identical whatever the number of workers or
/// the order in which tasks finish. Work is split with structured concurrency (a task group of
/// `workers` child tasks taking interleaved path indices), so a run uses every core it is given
/// and is cancelled as a whole.
public struct MonteCarlo: Sendable {
    /// The number of paths.
    public let paths: Int
    /// The run's base seed.
    public let seed: UInt64
    /// The number of concurrent workers (child tasks).
    public let workers: Int
    /// The metric names, in the order each path reports them.
    public let metricNames: [String]

    /// A run of `paths` paths from `seed` reporting `metricNames`, on `workers` workers.
    ///
    /// - Throws: ``SimError`` unless `1 ≤ paths ≤ 10,000,000`, `1 ≤ workers ≤ 256` and there is at
    ///   least one metric.
    public init(paths: Int, seed: UInt64, workers: Int = 2, metricNames: [String]) throws(SimError) {
        guard (1...10_000_000).contains(paths), (1...256).contains(workers), !metricNames.isEmpty else {
            throw .invalidInput("Monte Carlo needs 1…10,000,000 paths, 1…256 workers and ≥ 1 metric")
        }
        self.paths = paths
        self.seed = seed
        self.workers = workers
        self.metricNames = metricNames
    }

    /// The generator of path `index`.
    public func generator(forPath index: Int) -> Xoshiro256StarStar {
        Xoshiro256StarStar(seed: seed &+ UInt64(index))
    }

    /// Runs every path and summarises each metric.
    ///
    /// - Parameters:
    ///   - progress: called (from worker tasks) with the number of finished paths, at most about
    ///     200 times a run; use it to draw a progress bar.
    ///   - path: simulates one path with its generator and returns one value per metric name.
    /// - Returns: all per-path values (`values[m][i]` is metric `m` of path `i`) and their summaries.
    /// - Throws: the first error a path throws, or ``SimError`` if a path returns the wrong number
    ///   of metrics.
    public func run(
        progress: (@Sendable (Int) -> Void)? = nil,
        path: @escaping @Sendable (Int, inout Xoshiro256StarStar) throws -> [Double]
    ) async throws -> (values: [[Double]], summaries: [MetricSummary]) {
        let paths = self.paths, workers = Swift.min(self.workers, self.paths), metrics = metricNames.count
        let counter = ProgressCounter()
        let reportEvery = Swift.max(1, paths / 200)
        let chunks = try await withThrowingTaskGroup(of: [(Int, [Double])].self) { group in
            for worker in 0..<workers {
                group.addTask {
                    var out: [(Int, [Double])] = []
                    out.reserveCapacity(paths / workers + 1)
                    var i = worker
                    while i < paths {
                        try Task.checkCancellation()
                        var rng = self.generator(forPath: i)
                        let values = try path(i, &rng)
                        guard values.count == metrics else {
                            throw SimError.invalidInput(
                                "path \(i) reported \(values.count) metrics, expected \(metrics)")
                        }
                        out.append((i, values))
                        let done = counter.increment()
                        if let progress, done % reportEvery == 0 || done == paths { progress(done) }
                        i += workers
                    }
                    return out
                }
            }
            var all: [[(Int, [Double])]] = []
            for try await chunk in group { all.append(chunk) }
            return all
        }
        var values = [[Double]](repeating: [Double](repeating: 0, count: paths), count: metrics)
        for chunk in chunks {
            for (i, row) in chunk {
                for m in 0..<metrics { values[m][i] = row[m] }
            }
        }
        var summaries: [MetricSummary] = []
        for (m, name) in metricNames.enumerated() { summaries.append(try MetricSummary(name: name, values: values[m])) }
        return (values, summaries)
    }
}
