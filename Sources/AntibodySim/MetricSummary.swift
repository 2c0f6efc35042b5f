/// Aggregate statistics of one metric over Monte Carlo paths.
///
/// Quantiles use linear interpolation between order statistics (Hyndman–Fan type 7, the default
/// of R and NumPy); the confidence interval is the normal-approximation 95 % interval of the mean,
/// `mean ± 1.959964 · s/√n`.
public struct MetricSummary: Hashable, Sendable, Codable {
    /// The metric's name.
    public var name: String
    /// The number of paths.
    public var count: Int
    /// The sample mean.
    public var mean: Double
    /// The sample standard deviation (n − 1 denominator; 0 for a single path).
    public var standardDeviation: Double
    /// The lower and upper bounds of the 95 % confidence interval of the mean.
    public var confidenceInterval95: [Double]
    /// The 5th, 25th, 50th, 75th, 95th and 99th percentiles.
    public var quantiles: [String: Double]
    /// The smallest and largest values.
    public var min: Double, max: Double

    /// Summarises `values` (at least one, all finite).
    ///
    /// - Throws: ``SimError`` if `values` is empty or holds a non-finite value.
    public init(name: String, values: [Double]) throws(SimError) {
        guard !values.isEmpty, values.allSatisfy(\.isFinite) else {
            throw .invalidInput("metric \(name): needs at least one finite value")
        }
        let sorted = values.sorted()
        let n = Double(values.count)
        // Kahan-free two-pass mean and variance: values are few thousand, doubles suffice.
        let mean = values.reduce(0, +) / n
        let variance = values.count > 1 ? values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1) : 0
        let sd = variance.squareRoot()
        let half = 1.959_963_984_540_054 * sd / n.squareRoot()
        self.name = name
        self.count = values.count
        self.mean = mean
        self.standardDeviation = sd
        self.confidenceInterval95 = [mean - half, mean + half]
        var q: [String: Double] = [:]
        for p in [0.05, 0.25, 0.5, 0.75, 0.95, 0.99] {
            q["p\(Int((p * 100).rounded()))"] = Self.quantile(sorted, p)
        }
        self.quantiles = q
        self.min = sorted[0]
        self.max = sorted[sorted.count - 1]
    }

    /// The type-7 quantile `p ∈ [0, 1]` of ascending `sorted` values.
    public static func quantile(_ sorted: [Double], _ p: Double) -> Double {
        precondition(!sorted.isEmpty && (0...1).contains(p), "quantile needs values and p in [0, 1]")
        let h = Double(sorted.count - 1) * p
        let lo = Int(h.rounded(.down))
        let hi = Swift.min(lo + 1, sorted.count - 1)
        return sorted[lo] + (h - Double(lo)) * (sorted[hi] - sorted[lo])
    }
}
