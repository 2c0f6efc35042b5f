/// Distribution-shift tests before inference, against the model's training reference
/// (``ValidationReference``, carried and signed in the model document):
///
/// * per input, a **robust Mahalanobis distance** — centre = per-feature median, scale = MAD
///   (floored at a tenth of the standard deviation), covariance of the Huber-clipped (±3) robust
///   scores, inverted by Cholesky; the threshold is the reference's own 99.9th-percentile distance;
/// * over a sliding **window** of recent inputs, per feature, the **Kolmogorov–Smirnov** statistic
///   against the reference, evaluated at the reference's percentiles (so it is at most the exact
///   two-sample statistic and differs from it by at most the largest percentile bin's mass), with
///   the two-sample critical value at α = 0.001, and the **population stability index** over the
///   reference's decile bins (limit 0.25).
///
/// A value type: the window is state, updated by ``assess(_:)``. The window keeps each input's bin
/// per feature and the per-bin counts, so an assessment costs `O(d² + d·bins)` and, once the
/// validator exists, allocates nothing unless a feature drifts (its name is listed).
public struct InputValidator: Sendable {
    /// The features.
    public let specification: FeatureSpecification
    /// What inputs are compared with.
    public let reference: ValidationReference
    /// Inputs kept in the window.
    public let window: Int
    /// The out-of-distribution distance threshold.
    public let distanceThreshold: Double
    private let ksOffsets: [Int]
    private let psiOffsets: [Int]
    private let ksReference: [Double]  // reference CDF at each cut, then 1 (at +∞), flattened like ksCounts
    private let psiReference: [Double]  // shares floored at 1e-4, flattened like psiCounts
    private let psiReferenceLog: [Double]
    private let fullWindowLog: [Double]  // ln(max(c / window, 1e-4)) for c in 0...window
    private let fullWindowKSCritical: Double
    private var ksCounts: [Int32]
    private var psiCounts: [Int32]
    private var ksRing: [UInt8]  // window × d: each kept input's percentile bin per feature
    private var psiRing: [UInt8]
    private var filled = 0
    private var next = 0

    /// The KS coefficient c(α) for α = 0.001: √(−ln(α/2)/2).
    static let ksCoefficient = 1.949_466_564
    /// The PSI limit.
    static let psiLimit = 0.25

    /// A validator over `reference` (the training rows).
    ///
    /// - Throws: ``ModelError`` for fewer than 50 reference rows or a window outside 20…100,000.
    public init(reference: Dataset, window: Int = 256) throws(ModelError) {
        try self.init(
            reference: try ValidationReference(fitting: reference), specification: reference.specification,
            window: window)
    }

    /// A validator over a summarised `reference` for inputs under `specification`.
    ///
    /// - Parameter distanceThreshold: overrides the reference's out-of-distribution threshold.
    /// - Throws: ``ModelError`` for a window outside 20…100,000, a reference of another dimension or a
    ///   threshold that is not finite and positive.
    public init(
        reference: ValidationReference, specification: FeatureSpecification, window: Int = 256,
        distanceThreshold: Double? = nil
    ) throws(ModelError) {
        guard (20...100_000).contains(window) else {
            throw .invalidInput("the window must be 20…100,000, not \(window)")
        }
        guard reference.dimension == specification.dimension else {
            throw .invalidInput(
                "the reference describes \(reference.dimension) features; the specification has \(specification.dimension)"
            )
        }
        let threshold = distanceThreshold ?? reference.distanceThreshold
        guard threshold.isFinite, threshold > 0 else {
            throw .invalidInput("the distance threshold must be finite and positive, not \(threshold)")
        }
        let d = specification.dimension
        self.specification = specification
        self.reference = reference
        self.window = window
        self.distanceThreshold = threshold
        var ksOffsets = [0]
        var psiOffsets = [0]
        for i in 0..<d {
            ksOffsets.append(ksOffsets[i] + reference.ksEdges[i].count + 1)
            psiOffsets.append(psiOffsets[i] + reference.psiEdges[i].count + 1)
        }
        self.ksOffsets = ksOffsets
        self.psiOffsets = psiOffsets
        ksReference = reference.ksCumulative.flatMap { $0 + [1] }
        let floored = reference.psiShares.flatMap { $0.map { max($0, 1e-4) } }
        psiReference = floored
        psiReferenceLog = floored.map { _log($0) }
        fullWindowLog = (0...window).map { _log(max(Double($0) / Double(window), 1e-4)) }
        fullWindowKSCritical = Self.ksCritical(n: reference.rows, m: window)
        ksCounts = [Int32](repeating: 0, count: ksOffsets[d])
        psiCounts = [Int32](repeating: 0, count: psiOffsets[d])
        ksRing = [UInt8](repeating: 0, count: window * d)
        psiRing = [UInt8](repeating: 0, count: window * d)
    }

    /// Inputs currently in the window.
    public var windowCount: Int { filled }

    /// Assesses `input` and adds it to the window.
    ///
    /// - Throws: ``ModelError`` if the input fails the specification.
    public mutating func assess(_ input: [Double]) throws(ModelError) -> InputAssessment {
        try input.withUnsafeBufferPointer { (buffer) throws(ModelError) in try assess(raw: buffer) }
    }

    /// Assesses `input` (raw feature values in specification order) and adds it to the window. No
    /// allocation unless a feature drifts.
    ///
    /// - Throws: ``ModelError`` if the input fails the specification (the window is unchanged).
    public mutating func assess(raw input: UnsafeBufferPointer<Double>) throws(ModelError) -> InputAssessment {
        try specification.validate(input)
        let d = specification.dimension
        let slot: Int
        if filled < window {
            slot = filled
            filled += 1
        } else {
            slot = next
            next = (next + 1) % window
            for i in 0..<d {
                ksCounts[ksOffsets[i] + Int(ksRing[slot * d + i])] -= 1
                psiCounts[psiOffsets[i] + Int(psiRing[slot * d + i])] -= 1
            }
        }
        for i in 0..<d {
            let ks = Self.bin(of: input[i], in: reference.ksEdges[i])
            let psi = Self.bin(of: input[i], in: reference.psiEdges[i])
            ksRing[slot * d + i] = UInt8(truncatingIfNeeded: ks)
            psiRing[slot * d + i] = UInt8(truncatingIfNeeded: psi)
            ksCounts[ksOffsets[i] + ks] += 1
            psiCounts[psiOffsets[i] + psi] += 1
        }
        var drifted: [String] = []
        if filled == window {
            for i in 0..<d where ks(i) > fullWindowKSCritical || psi(i) > Self.psiLimit {
                drifted.append(specification.features[i].name)
            }
        }
        return InputAssessment(
            distance: Self.distance(input, reference.center, reference.spread, reference.inverseCovariance),
            distanceThreshold: distanceThreshold, driftedFeatures: drifted)
    }

    /// The robust distance of `input` (no window update).
    public func distance(_ input: [Double]) -> Double {
        input.withUnsafeBufferPointer {
            Self.distance($0, reference.center, reference.spread, reference.inverseCovariance)
        }
    }

    /// Per-feature KS and PSI of the current window against the reference.
    public func shiftReport() -> [FeatureShift] {
        guard filled > 0 else { return [] }
        let critical = Self.ksCritical(n: reference.rows, m: filled)
        return specification.features.enumerated().map { i, feature in
            FeatureShift(name: feature.name, ks: ks(i), ksCritical: critical, psi: psi(i), psiLimit: Self.psiLimit)
        }
    }

    /// `c(α)·√((n + m)/(n·m))`.
    static func ksCritical(n: Int, m: Int) -> Double {
        let (n, m) = (Double(n), Double(m))
        return ksCoefficient * ((n + m) / (n * m)).squareRoot()
    }

    /// The bin of `value` among increasing `edges`: the number of edges below it.
    @inline(__always)
    static func bin(of value: Double, in edges: [Double]) -> Int {
        var low = 0
        var high = edges.count
        while low < high {
            let mid = (low + high) / 2
            if value > edges[mid] { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// Feature `i`'s KS statistic at the reference's percentile cuts.
    private func ks(_ i: Int) -> Double {
        let perInput = 1 / Double(filled)
        let (start, end) = (ksOffsets[i], ksOffsets[i + 1])
        return ksCounts.withUnsafeBufferPointer { counts in
            ksReference.withUnsafeBufferPointer { cumulative in
                var below: Int32 = 0
                var d = 0.0
                for k in start..<end {
                    below &+= counts[k]
                    d = max(d, abs(cumulative[k] - Double(below) * perInput))
                }
                return d
            }
        }
    }

    /// Feature `i`'s PSI over the reference's decile bins.
    private func psi(_ i: Int) -> Double {
        let base = psiOffsets[i]
        let full = filled == window
        var psi = 0.0
        for k in 0..<(psiOffsets[i + 1] - base) {
            let count = Int(psiCounts[base + k])
            let q = max(Double(count) / Double(filled), 1e-4)
            let logQ = full ? fullWindowLog[count] : _log(q)
            psi += (q - psiReference[base + k]) * (logQ - psiReferenceLog[base + k])
        }
        return psi
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

    static func distance(
        _ x: UnsafeBufferPointer<Double>, _ center: [Double], _ spread: [Double], _ inverse: [Double]
    ) -> Double {
        let d = center.count
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: d) { u in
            for i in 0..<d { u[i] = (x[i] - center[i]) / spread[i] }
            var sum = 0.0
            for a in 0..<d {
                var row = 0.0
                for b in 0..<d { row += inverse[a * d + b] * u[b] }
                sum += u[a] * row
            }
            return max(sum, 0).squareRoot()
        }
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
