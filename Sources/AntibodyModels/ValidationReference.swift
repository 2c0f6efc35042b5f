public import AntibodyTrust

/// What ``InputValidator`` compares inputs against, summarised from the training rows so it can
/// travel — and be signed — inside the model document (member `reference`):
///
/// * the **robust distance**: per-feature centre (median) and spread (MAD, floored at a tenth of
///   the standard deviation), the inverse covariance of the Huber-clipped (±3) robust scores, and
///   the reference's own 99.9th-percentile distance as the out-of-distribution threshold;
/// * per feature, for **Kolmogorov–Smirnov**, the reference's distinct percentile cuts (at most 99)
///   and the reference's empirical CDF at each cut; for the **population stability index**, the
///   distinct decile cuts (at most 9) and the reference's share of each bin between them.
///
/// The distance summarises every training row (benign and attack: an input is out of distribution
/// when it resembles neither). The KS / PSI cuts summarise either every row or, for a model that
/// will watch live traffic — overwhelmingly benign — only the benign rows, so that normal traffic
/// is not reported as drift merely because it contains fewer attacks than the training set.
///
/// Sizes: `d(d + 2) + ≤ 2·99·d + ≤ 19·d` numbers — about 2,800 for the 12 transaction features.
public struct ValidationReference: Hashable, Sendable {
    /// Rows the KS / PSI cuts summarise (the KS critical value's `n`).
    public let rows: Int
    /// Per-feature medians.
    public let center: [Double]
    /// Per-feature robust scales.
    public let spread: [Double]
    /// Inverse covariance of the clipped robust scores, `d × d` row-major.
    public let inverseCovariance: [Double]
    /// The reference's 99.9th-percentile robust distance.
    public let distanceThreshold: Double
    /// Per feature, the distinct percentile cuts, increasing.
    public let ksEdges: [[Double]]
    /// Per feature, the reference's share at or below each percentile cut.
    public let ksCumulative: [[Double]]
    /// Per feature, the distinct decile cuts, increasing.
    public let psiEdges: [[Double]]
    /// Per feature, the reference's share of each decile bin (`psiEdges.count + 1` values).
    public let psiShares: [[Double]]

    /// The number of features.
    public var dimension: Int { center.count }

    /// The reference of `dataset`'s rows.
    ///
    /// - Parameter benignDrift: summarise only the benign rows (label `false`) for KS / PSI (what
    ///   live traffic is compared with); otherwise every row.
    /// - Throws: ``ModelError`` for fewer than 50 rows (50 benign rows with `benignDrift`).
    public init(fitting dataset: Dataset, benignDrift: Bool = false) throws(ModelError) {
        guard dataset.count >= 50 else {
            throw .invalidInput("the reference needs at least 50 rows, not \(dataset.count)")
        }
        let d = dataset.specification.dimension
        let columns = (0..<d).map { i in dataset.rows.map { $0[i] }.sorted() }
        let driftRows = benignDrift ? zip(dataset.rows, dataset.labels).filter { !$0.1 }.map(\.0) : dataset.rows
        guard driftRows.count >= 50 else {
            throw .invalidInput("the drift reference needs at least 50 benign rows, not \(driftRows.count)")
        }
        let driftColumns = benignDrift ? (0..<d).map { i in driftRows.map { $0[i] }.sorted() } : columns
        func cuts(_ column: [Double], _ parts: Int) -> [Double] {
            var out: [Double] = []
            for k in 1..<parts {
                let q = Statistics.quantile(sorted: column, Double(k) / Double(parts))
                if out.last.map({ q > $0 }) ?? true { out.append(q) }
            }
            return out
        }
        var ksEdges: [[Double]] = []
        var ksCumulative: [[Double]] = []
        var psiEdges: [[Double]] = []
        var psiShares: [[Double]] = []
        for column in driftColumns {
            let edges = cuts(column, 100)
            ksEdges.append(edges)
            var cumulative = 0.0
            ksCumulative.append(
                InputValidator.shares(column, edges: edges).dropLast().map {
                    cumulative += $0
                    return min(cumulative, 1)
                })
            let deciles = cuts(column, 10)
            psiEdges.append(deciles)
            psiShares.append(InputValidator.shares(column, edges: deciles))
        }
        let standardizer = Standardizer(fitting: dataset)
        let center = columns.map { Statistics.quantile(sorted: $0, 0.5) }
        let spread = (0..<d).map { i in
            max(Statistics.mad(columns[i], center: center[i]), 0.1 * standardizer.scale[i], 1e-9)
        }
        var covariance = [Double](repeating: 0, count: d * d)
        let n = Double(dataset.count)
        for row in dataset.rows {
            let u = (0..<d).map { i in min(max((row[i] - center[i]) / spread[i], -3), 3) }
            for a in 0..<d { for b in 0..<d { covariance[a * d + b] += u[a] * u[b] / n } }
        }
        for a in 0..<d { covariance[a * d + a] += 1e-6 }
        let inverse = InputValidator.invert(covariance, d)
        let distances = dataset.rows.map { row in
            row.withUnsafeBufferPointer { InputValidator.distance($0, center, spread, inverse) }
        }.sorted()
        try self.init(
            rows: driftRows.count, center: center, spread: spread, inverseCovariance: inverse,
            distanceThreshold: Statistics.quantile(sorted: distances, 0.999), ksEdges: ksEdges,
            ksCumulative: ksCumulative, psiEdges: psiEdges, psiShares: psiShares)
    }

    /// A reference with explicit values (as decoded from a model document).
    ///
    /// - Throws: ``ModelError`` naming the first inconsistency: dimensions that disagree, a value
    ///   that is not finite, a spread ≤ 0, cuts that do not increase, shares outside [0, 1] or not
    ///   summing to 1, fewer than 50 rows.
    public init(
        rows: Int, center: [Double], spread: [Double], inverseCovariance: [Double], distanceThreshold: Double,
        ksEdges: [[Double]], ksCumulative: [[Double]], psiEdges: [[Double]], psiShares: [[Double]]
    ) throws(ModelError) {
        let d = center.count
        func fail(_ what: String) -> ModelError { .invalidInput("model reference: \(what)") }
        guard (1...256).contains(d), spread.count == d, inverseCovariance.count == d * d, ksEdges.count == d,
            ksCumulative.count == d, psiEdges.count == d, psiShares.count == d
        else { throw fail("the members do not all describe \(d) features") }
        guard rows >= 50 else { throw fail("it summarises \(rows) rows; at least 50 are needed") }
        guard center.allSatisfy(\.isFinite), spread.allSatisfy({ $0.isFinite && $0 > 0 }),
            inverseCovariance.allSatisfy(\.isFinite), distanceThreshold.isFinite, distanceThreshold > 0
        else { throw fail("centre, spread, inverse covariance and threshold must be finite (spread, threshold > 0)") }
        for i in 0..<d {
            let (edges, cumulative, cuts, shares) = (ksEdges[i], ksCumulative[i], psiEdges[i], psiShares[i])
            guard edges.count <= 99, cumulative.count == edges.count, cuts.count <= 9, shares.count == cuts.count + 1
            else { throw fail("feature \(i) has mismatched cut and share counts") }
            guard Self.increasing(edges), Self.increasing(cuts) else {
                throw fail("feature \(i)'s cuts must be finite and strictly increasing")
            }
            guard cumulative.allSatisfy({ $0.isFinite && (0...1).contains($0) }),
                zip(cumulative, cumulative.dropFirst()).allSatisfy({ $0 <= $1 })
            else { throw fail("feature \(i)'s cumulative shares must be non-decreasing in [0, 1]") }
            guard shares.allSatisfy({ $0.isFinite && (0...1).contains($0) }), abs(shares.reduce(0, +) - 1) < 1e-6
            else { throw fail("feature \(i)'s bin shares must lie in [0, 1] and sum to 1") }
        }
        self.rows = rows
        self.center = center
        self.spread = spread
        self.inverseCovariance = inverseCovariance
        self.distanceThreshold = distanceThreshold
        self.ksEdges = ksEdges
        self.ksCumulative = ksCumulative
        self.psiEdges = psiEdges
        self.psiShares = psiShares
    }

    private static func increasing(_ values: [Double]) -> Bool {
        values.allSatisfy(\.isFinite) && zip(values, values.dropFirst()).allSatisfy { $0 < $1 }
    }

    /// The reference as a document member (numbers as shortest round-trip decimals).
    public var document: JSONValue {
        func numbers(_ values: [Double]) -> JSONValue { .array(values.map { .number(ModelArtifact.literal($0)) }) }
        let features: [JSONValue] = (0..<dimension).map { i in
            .object([
                "ksEdges": numbers(ksEdges[i]), "ksCumulative": numbers(ksCumulative[i]),
                "psiEdges": numbers(psiEdges[i]), "psiShares": numbers(psiShares[i]),
            ])
        }
        return .object([
            "rows": .number(String(rows)), "center": numbers(center), "spread": numbers(spread),
            "inverseCovariance": numbers(inverseCovariance),
            "distanceThreshold": .number(ModelArtifact.literal(distanceThreshold)), "features": .array(features),
        ])
    }

    /// Decodes the `reference` member of a model document.
    ///
    /// - Throws: ``ModelError`` naming the first malformed member.
    init(reader: DocumentReader) throws(ModelError) {
        var ksEdges: [[Double]] = []
        var ksCumulative: [[Double]] = []
        var psiEdges: [[Double]] = []
        var psiShares: [[Double]] = []
        for feature in try reader.array("features") {
            ksEdges.append(try feature.numbers("ksEdges"))
            ksCumulative.append(try feature.numbers("ksCumulative"))
            psiEdges.append(try feature.numbers("psiEdges"))
            psiShares.append(try feature.numbers("psiShares"))
        }
        try self.init(
            rows: try reader.integer("rows", in: 50...Int(Int32.max)), center: try reader.numbers("center"),
            spread: try reader.numbers("spread"), inverseCovariance: try reader.numbers("inverseCovariance"),
            distanceThreshold: try reader.number("distanceThreshold"), ksEdges: ksEdges, ksCumulative: ksCumulative,
            psiEdges: psiEdges, psiShares: psiShares)
    }
}
