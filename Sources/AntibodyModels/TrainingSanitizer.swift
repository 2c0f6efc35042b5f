/// Outlier, label-consistency and influence filtering of a (possibly poisoned) training set
/// before training.
///
/// 1. **Neighbour label-consistency filter** (the main defence) — each row's `neighbours` nearest
///    rows (Euclidean, in standardized units, brute force over at most `anchors` evenly spaced
///    rows) are found on the features the attacker cannot set freely at attack time (every feature
///    except ``FeatureConstraint/free`` ones). A row whose label fewer than `minimumAgreement` of
///    its neighbours share is removed, or given the other label when fewer than `relabelBelow` share it. A flipped label is the minority of its neighbourhood; a
///    backdoor row (an attack copied with a trigger in a feature the attacker sets, labelled
///    benign) sits on top of the real attacks it was copied from once the trigger's feature is left
///    out, so its "benign" label is the odd one out. Unusual but legitimate benign groups (whales,
///    liquidators, vault bootstrappers) are consistent with their own neighbours and stay.
/// 2. **Outlier filter** (off by default: `outlierCutoff` nil) — on the benign class (and the
///    attack class if ``filtersAttackClass``), rows whose robust distance (``InputValidator``'s
///    median/MAD Mahalanobis distance on the immutable features) lies beyond
///    `median + outlierCutoff · MAD` of the class's distances are removed. It discards whole
///    legitimate archetypes, which is why it is no longer on by default.
/// 3. **Influence filter** (off by default: `minimumLabelProbability` 0) — rows a first fit on the
///    remaining data (trimmed loss) gives less than `minimumLabelProbability` for their own label
///    are removed (for logistic regression a row's gradient, its influence on the fit, is
///    `|p − y|·‖(z, 1)‖`).
public struct TrainingSanitizer: Hashable, Sendable {
    /// Outlier-filter cutoff in MADs of the class's robust distances (`nil`: no outlier filter).
    public var outlierCutoff: Double? = nil
    /// Whether the outlier filter also runs on the attack class.
    public var filtersAttackClass = false
    /// Neighbours consulted per row.
    public var neighbours = 10
    /// Rows searched for neighbours (evenly spaced; the whole set when it is smaller).
    public var anchors = 10_000
    /// Share of neighbours that must share a row's label for it to stay as it is.
    public var minimumAgreement = 0.5
    /// Rows that even fewer of their neighbours agree with (a strong majority disagrees) are given
    /// the other label instead of being removed: a planted backdoor row then teaches "trigger ⇒
    /// attack", which outweighs the few planted rows the test misses. 0 removes every failing row.
    public var relabelBelow = 0.3
    /// Copies of each attack row added after filtering with every ``FeatureConstraint/free``
    /// feature redrawn uniformly within its bounds (0: none). The attacker sets those features at
    /// attack time (call depth, a fresh contract), so the model is taught that they do not make an
    /// attack benign — which leaves a trigger placed in them, or a value never seen in training,
    /// nothing to hide behind.
    public var freeFeatureCopies = 1
    /// Passes of the label-consistency filter (each on the previous pass's output: a planted row
    /// that survived among other planted rows loses that cover once they are relabelled or removed).
    public var rounds = 3
    /// Trimmed share of each batch in the influence filter's first fit.
    public var trim = 0.05
    /// Rows whose own label gets less probability than this under the first fit are removed (0: no
    /// influence filter, no first fit).
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
        /// Rows the neighbour label-consistency filter relabelled or removed.
        public let inconsistent: Int
        /// Rows removed by the influence filter.
        public let influential: Int
    }

    /// Filters `dataset`; `makeModel` builds the influence filter's first-fit model from a
    /// standardizer (not called when that filter is off).
    ///
    /// - Throws: ``ModelError`` from training or a bad setting.
    public func sanitize<Model: BinaryClassifier>(
        _ dataset: Dataset, makeModel: (Standardizer) -> Model, using rng: inout some RandomNumberGenerator
    ) throws(ModelError) -> Result {
        guard (1...1_000).contains(neighbours), (1...100).contains(rounds), (0...16).contains(freeFeatureCopies),
            anchors >= 1, (0...1).contains(minimumAgreement),
            (0...1).contains(relabelBelow)
        else {
            throw .invalidInput(
                "sanitiser settings out of range: neighbours 1…1,000, rounds 1…100, copies 0…16, anchors ≥ 1, agreement in [0, 1]"
            )
        }
        let features = dataset.specification.features
        var keep = Array(dataset.rows.indices)
        if let outlierCutoff {
            keep = try outlierSurvivors(dataset, cutoff: outlierCutoff)
        }
        let afterOutliers = dataset.subset(keep)
        let columns = features.indices.filter { features[$0].constraint != .free }
        var filtered = afterOutliers
        var inconsistent = 0
        for _ in 0..<rounds {
            let agreement = neighbourAgreement(filtered, columns: columns)
            var repaired = filtered
            var consistent: [Int] = []
            for index in 0..<filtered.count {
                if agreement[index] >= minimumAgreement {
                    consistent.append(index)
                } else if agreement[index] < relabelBelow {
                    try repaired.replace(index, row: filtered.rows[index], label: !filtered.labels[index])
                    consistent.append(index)
                }
            }
            let failed = agreement.filter { $0 < minimumAgreement }.count
            inconsistent += failed
            filtered = repaired.subset(consistent)
            if failed == 0 { break }
        }
        filtered = try augmented(filtered, columns: features.indices.filter { features[$0].constraint == .free }, &rng)
        guard minimumLabelProbability > 0, filtered.count > 0 else {
            return Result(
                kept: filtered, outliers: dataset.count - keep.count, inconsistent: inconsistent, influential: 0)
        }
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
            inconsistent: inconsistent, influential: filtered.count - final.count)
    }

    /// `dataset` with `freeFeatureCopies` copies of each attack row, free `columns` redrawn.
    func augmented(
        _ dataset: Dataset, columns: [Int], _ rng: inout some RandomNumberGenerator
    ) throws(ModelError) -> Dataset {
        guard freeFeatureCopies > 0, !columns.isEmpty else { return dataset }
        let features = dataset.specification.features
        var rows: [[Double]] = []
        for (row, label) in zip(dataset.rows, dataset.labels) where label {
            for _ in 0..<freeFeatureCopies {
                var copy = row
                for column in columns {
                    let feature = features[column]
                    copy[column] =
                        feature.isBinary
                        ? (Sampling.unit(&rng) < 0.5 ? 0 : 1)
                        : min(
                            feature.minimum + Sampling.unit(&rng) * (feature.maximum - feature.minimum), feature.maximum
                        )
                }
                rows.append(copy)
            }
        }
        let extra = try Dataset(
            specification: dataset.specification, rows: rows, labels: [Bool](repeating: true, count: rows.count))
        return try dataset.appending(extra)
    }

    /// Indices of rows within `cutoff` MADs of their class's robust distances (immutable features).
    func outlierSurvivors(_ dataset: Dataset, cutoff: Double) throws(ModelError) -> [Int] {
        let immutableColumns = dataset.specification.features.indices.filter {
            dataset.specification.features[$0].constraint == .immutable
        }
        let projected = try Dataset(
            specification: try FeatureSpecification(
                features: immutableColumns.map { dataset.specification.features[$0] }),
            rows: dataset.rows.map { row in immutableColumns.map { row[$0] } }, labels: dataset.labels)
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
            for (index, distance) in zip(members, distances) where distance <= median + cutoff * mad {
                keep.append(index)
            }
        }
        return keep.sorted()
    }

    /// For each row, the share of its nearest anchors that share its label (1 when it has none).
    func neighbourAgreement(_ dataset: Dataset, columns: [Int]) -> [Double] {
        let n = dataset.count
        guard n > 1, !columns.isEmpty else { return [Double](repeating: 1, count: n) }
        let scale = Standardizer(fitting: dataset).scale
        let d = columns.count
        var z = [Double](repeating: 0, count: n * d)
        for (r, row) in dataset.rows.enumerated() {
            for (j, column) in columns.enumerated() { z[r * d + j] = row[column] / scale[column] }
        }
        let step = max(1, (n + anchors - 1) / anchors)
        let anchorIndices = Array(stride(from: 0, to: n, by: step))
        let k = min(neighbours, anchorIndices.count - 1)
        guard k > 0 else { return [Double](repeating: 1, count: n) }
        var agreement = [Double](repeating: 1, count: n)
        var nearestDistance = [Double](repeating: 0, count: k)
        var nearestLabel = [Bool](repeating: false, count: k)
        for index in 0..<n {
            var filled = 0
            let base = index * d
            for anchor in anchorIndices where anchor != index {
                let other = anchor * d
                var distance = 0.0
                for j in 0..<d {
                    let delta = z[base + j] - z[other + j]
                    distance += delta * delta
                }
                if filled == k {
                    guard distance < nearestDistance[k - 1] else { continue }
                    filled -= 1
                }
                // Insert in order (ties keep the earlier anchor first: deterministic).
                var position = filled
                while position > 0, nearestDistance[position - 1] > distance {
                    nearestDistance[position] = nearestDistance[position - 1]
                    nearestLabel[position] = nearestLabel[position - 1]
                    position -= 1
                }
                nearestDistance[position] = distance
                nearestLabel[position] = dataset.labels[anchor]
                filled += 1
            }
            var same = 0
            for j in 0..<filled where nearestLabel[j] == dataset.labels[index] { same += 1 }
            if filled > 0 { agreement[index] = Double(same) / Double(filled) }
        }
        return agreement
    }
}
