/// Distribution-shift tests before inference, against the model's training reference:
///
/// * per input, a **robust Mahalanobis distance** — centre = per-feature median, scale = MAD
///   (floored at a tenth of the standard deviation), covariance of the Huber-clipped (±3) robust
///   scores, inverted by Cholesky; the threshold is the reference's own 99.9th-percentile distance;
/// * over a sliding **window** of recent inputs, per feature, the two-sample **Kolmogorov–Smirnov**
///   statistic against the reference (critical value at α = 0.001) and the **population stability
///   index** over the reference's decile bins (limit 0.25).
///
/// A value type: the window is state, updated by ``assess(_:)``.
public struct InputValidator: Sendable {
    /// The features.
    public let specification: FeatureSpecification
    /// Inputs kept in the window.
    public let window: Int
    private let sortedReference: [[Double]]
    private let binEdges: [[Double]]
    private let referenceShares: [[Double]]
    private let center: [Double]
    private let spread: [Double]
    private let inverseCovariance: [Double]
    /// The out-of-distribution distance threshold.
    public let distanceThreshold: Double
    private var recent: [[Double]] = []
    private var next = 0

    /// The KS coefficient c(α) for α = 0.001: √(−ln(α/2)/2).
    static let ksCoefficient = 1.949_466_564

    /// A validator over `reference` (the training rows).
    ///
    /// - Throws: ``ModelError`` for fewer than 50 reference rows or a window outside 20…100,000.
    public init(reference: Dataset, window: Int = 256) throws(ModelError) {
        guard reference.count >= 50 else {
            throw .invalidInput("the reference needs at least 50 rows, not \(reference.count)")
        }
        guard (20...100_000).contains(window) else {
            throw .invalidInput("the window must be 20…100,000, not \(window)")
        }
        let d = reference.specification.dimension
        specification = reference.specification
        self.window = window
        let columns = (0..<d).map { i in reference.rows.map { $0[i] }.sorted() }
        sortedReference = columns
        var edges: [[Double]] = []
        var shares: [[Double]] = []
        for column in columns {
            var cuts: [Double] = []
            for k in 1..<10 {
                let q = Statistics.quantile(sorted: column, Double(k) / 10)
                if cuts.last.map({ q > $0 }) ?? true { cuts.append(q) }
            }
            edges.append(cuts)
            shares.append(Self.shares(column, edges: cuts))
        }
        binEdges = edges
        referenceShares = shares
        let standardizer = Standardizer(fitting: reference)
        let center = columns.map { Statistics.quantile(sorted: $0, 0.5) }
        let spread = (0..<d).map { i in
            max(Statistics.mad(columns[i], center: center[i]), 0.1 * standardizer.scale[i], 1e-9)
        }
        self.center = center
        self.spread = spread
        var covariance = [Double](repeating: 0, count: d * d)
        let n = Double(reference.count)
        for row in reference.rows {
            let u = (0..<d).map { i in min(max((row[i] - center[i]) / spread[i], -3), 3) }
            for a in 0..<d { for b in 0..<d { covariance[a * d + b] += u[a] * u[b] / n } }
        }
        for a in 0..<d { covariance[a * d + a] += 1e-6 }
        let inverse = Self.invert(covariance, d)
        inverseCovariance = inverse
        let distances = reference.rows.map { Self.distance($0, center, spread, inverse) }.sorted()
        distanceThreshold = Statistics.quantile(sorted: distances, 0.999)
    }

    /// Assesses `input` and adds it to the window.
    ///
    /// - Throws: ``ModelError`` if the input fails the specification.
    public mutating func assess(_ input: [Double]) throws(ModelError) -> InputAssessment {
        try specification.validate(input)
        if recent.count < window {
            recent.append(input)
        } else {
            recent[next] = input
            next = (next + 1) % window
        }
        let drifted = recent.count < window ? [] : shiftReport().filter(\.drifted).map(\.name)
        return InputAssessment(
            distance: Self.distance(input, center, spread, inverseCovariance), distanceThreshold: distanceThreshold,
            driftedFeatures: drifted)
    }

    /// The robust distance of `input` (no window update).
    public func distance(_ input: [Double]) -> Double { Self.distance(input, center, spread, inverseCovariance) }

    /// Per-feature KS and PSI of the current window against the reference.
    public func shiftReport() -> [FeatureShift] {
        guard !recent.isEmpty else { return [] }
        let m = Double(recent.count)
        return specification.features.enumerated().map { i, feature in
            let sample = recent.map { $0[i] }.sorted()
            let n = Double(sortedReference[i].count)
            let ks = Self.ksStatistic(sortedReference[i], sample)
            let shares = Self.shares(sample, edges: binEdges[i])
            var psi = 0.0
            for (p, q) in zip(referenceShares[i], shares) {
                let pp = max(p, 1e-4), qq = max(q, 1e-4)
                psi += (qq - pp) * _log(qq / pp)
            }
            return FeatureShift(
                name: feature.name, ks: ks, ksCritical: Self.ksCoefficient * ((n + m) / (n * m)).squareRoot(), psi: psi,
                psiLimit: 0.25)
        }
    }

    static func shares(_ sorted: [Double], edges: [Double]) -> [Double] {
        var counts = [Double](repeating: 0, count: edges.count + 1)
        var bin = 0
        for value in sorted {
            while bin < edges.count, value > edges[bin] { bin += 1 }
            counts[bin] += 1
        }
        return counts.map { $0 / Double(max(sorted.count, 1)) }
    }

    static func ksStatistic(_ a: [Double], _ b: [Double]) -> Double {
        var i = 0, j = 0, d = 0.0
        let n = Double(a.count), m = Double(b.count)
        while i < a.count, j < b.count {
            let value = min(a[i], b[j])
            while i < a.count, a[i] == value { i += 1 }
            while j < b.count, b[j] == value { j += 1 }
            d = max(d, abs(Double(i) / n - Double(j) / m))
        }
        return d
    }

    static func distance(_ x: [Double], _ center: [Double], _ spread: [Double], _ inverse: [Double]) -> Double {
        let d = center.count
        let u = (0..<d).map { (x[$0] - center[$0]) / spread[$0] }
        var sum = 0.0
        for a in 0..<d {
            var row = 0.0
            for b in 0..<d { row += inverse[a * d + b] * u[b] }
            sum += u[a] * row
        }
        return max(sum, 0).squareRoot()
    }

    /// The inverse of a symmetric positive-definite matrix by Cholesky (identity if it is not).
    static func invert(_ a: [Double], _ d: Int) -> [Double] {
        var l = [Double](repeating: 0, count: d * d)
        for i in 0..<d {
            for j in 0...i {
                var sum = a[i * d + j]
                for k in 0..<j { sum -= l[i * d + k] * l[j * d + k] }
                if i == j {
                    guard sum > 0 else { return (0..<(d * d)).map { $0 % (d + 1) == 0 ? 1 : 0 } }
                    l[i * d + i] = sum.squareRoot()
                } else {
                    l[i * d + j] = sum / l[j * d + j]
                }
            }
        }
        var inverse = [Double](repeating: 0, count: d * d)
        for column in 0..<d {
            var y = [Double](repeating: 0, count: d)
            for i in 0..<d {
                var sum = i == column ? 1.0 : 0.0
                for k in 0..<i { sum -= l[i * d + k] * y[k] }
                y[i] = sum / l[i * d + i]
            }
            var x = [Double](repeating: 0, count: d)
            for i in stride(from: d - 1, through: 0, by: -1) {
                var sum = y[i]
                for k in (i + 1)..<d { sum -= l[k * d + i] * x[k] }
                x[i] = sum / l[i * d + i]
            }
            for i in 0..<d { inverse[i * d + column] = x[i] }
        }
        return inverse
    }
}
