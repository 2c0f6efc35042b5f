/// Outlier and influence filtering of a (possibly poisoned) training set before training.
///
/// 1. **Outlier filter** — on the benign class (and on the attack class if ``filtersAttackClass``), each row's robust distance (``InputValidator``'s
///    median/MAD Mahalanobis distance fitted on that class) is compared with the class's own
///    distances; rows beyond `median + outlierCutoff · MAD` of those distances are removed.
/// 2. **Neighbour label-consistency filter** — each row's `neighbours` nearest rows (Euclidean, in
///    standardized units, among up to `anchors` evenly spaced rows) are found using only the
///    features the attacker cannot set (``FeatureConstraint/immutable``); a row whose label fewer
///    than `minimumAgreement` of its neighbours share is removed. A backdoor trigger must live in
///    a feature the attacker sets at attack time, so on the immutable features a planted row sits
///    on top of the real attacks it was copied from, and its "benign" label is the odd one out;
///    flipped labels are likewise the minority of their neighbourhood.
/// 3. **Influence filter** — rows a first fit on the remaining data gives less than
///    `minimumLabelProbability` for their own label are removed (for logistic regression a row's
///    gradient, its influence on the fit, is `|p − y|·‖(z, 1)‖`).
public struct TrainingSanitizer: Hashable, Sendable {
    /// Distance cutoff in MADs of the class's robust distances.
    public var outlierCutoff = 12.0
    /// Whether the outlier filter also runs on the attack class (off: attacks are many distinct
    /// archetypes, and a distance from one robust centre discards whole archetypes).
    public var filtersAttackClass = false
    /// Neighbours consulted per row.
    public var neighbours = 15
    /// Rows searched for neighbours (evenly spaced, for speed).
    public var anchors = 2_500
    /// Share of neighbours that must share a row's label for it to stay.
    public var minimumAgreement = 0.15
    /// Trimmed share of each batch in the first fit.
    public var trim = 0.05
    /// Rows whose own label gets less probability than this under the first fit are removed.
    public var minimumLabelProbability = 0.0
    /// The first fit's configuration (its `robust` is replaced by trimmed loss).
    public var configuration = TrainingConfiguration()

    /// The defaults.
    public init() {}

    /// What sanitising kept and removed.
    public struct Result: Sendable {
        /// The filtered dataset.
        public let kept: Dataset
        /// Rows removed as class outliers.
        public let outliers: Int
        /// Rows removed by the neighbour label-consistency filter.
        public let inconsistent: Int
        /// Rows removed by the influence filter.
        public let influential: Int
    }

    /// Filters `dataset`; `makeModel` builds the first-fit model from a standardizer.
    ///
    /// - Throws: ``ModelError`` from training.
    public func sanitize<Model: BinaryClassifier>(
        _ dataset: Dataset, makeModel: (Standardizer) -> Model, using rng: inout some RandomNumberGenerator
    ) throws(ModelError) -> Result {
        let immutableColumns = dataset.specification.features.indices.filter {
            dataset.specification.features[$0].constraint == .immutable
        }
        let projectedSpecification = try FeatureSpecification(
            features: immutableColumns.map { dataset.specification.features[$0] })
        let projected = try Dataset(
            specification: projectedSpecification, rows: dataset.rows.map { row in immutableColumns.map { row[$0] } },
            labels: dataset.labels)
        var keep: [Int] = []
        for label in [false, true] {
            let members = dataset.labels.indices.filter { dataset.labels[$0] == label }
            guard members.count >= 50, !label || filtersAttackClass else {
                keep += members
                continue
            }
            let validator = try InputValidator(reference: projected.subset(members), window: 20)
            let distances = members.map { validator.distance(projected.rows[$0]) }
            let median = Statistics.median(distances)
            let mad = max(Statistics.mad(distances, center: median), 1e-9)
            for (index, distance) in zip(members, distances) where distance <= median + outlierCutoff * mad {
                keep.append(index)
            }
        }
        keep.sort()
        let afterOutliers = dataset.subset(keep)
        let immutable = dataset.specification.features.indices.filter {
            dataset.specification.features[$0].constraint == .immutable
        }
        let scale = Standardizer(fitting: afterOutliers).scale
        let step = max(1, afterOutliers.count / anchors)
        let anchorIndices = Array(stride(from: 0, to: afterOutliers.count, by: step))
        var consistent: [Int] = []
        var nearest: [(distance: Double, label: Bool)] = []
        for index in 0..<afterOutliers.count {
            let row = afterOutliers.rows[index]
            nearest.removeAll(keepingCapacity: true)
            for anchor in anchorIndices where anchor != index {
                let other = afterOutliers.rows[anchor]
                var distance = 0.0
                for i in immutable {
                    let delta = (row[i] - other[i]) / scale[i]
                    distance += delta * delta
                }
                if nearest.count < neighbours {
                    nearest.append((distance, afterOutliers.labels[anchor]))
                    nearest.sort { $0.distance < $1.distance }
                } else if distance < nearest[nearest.count - 1].distance {
                    nearest[nearest.count - 1] = (distance, afterOutliers.labels[anchor])
                    nearest.sort { $0.distance < $1.distance }
                }
            }
            let same = nearest.filter { $0.label == afterOutliers.labels[index] }.count
            if nearest.isEmpty || Double(same) / Double(nearest.count) >= minimumAgreement { consistent.append(index) }
        }
        let filtered = afterOutliers.subset(consistent)
        var config = configuration
        config.robust = .trimmedLoss(fraction: trim)
        let first = try Trainer.train(
            makeModel(Standardizer(fitting: filtered)), on: filtered, configuration: config, using: &rng)
        var final: [Int] = []
        for index in 0..<filtered.count {
            let p = first.probability(filtered.rows[index])
            let own = filtered.labels[index] ? p : 1 - p
            if own >= minimumLabelProbability { final.append(index) }
        }
        return Result(
            kept: filtered.subset(final), outliers: dataset.count - keep.count,
            inconsistent: afterOutliers.count - consistent.count, influential: filtered.count - final.count)
    }
}
