/// Influence, label-consistency and outlier filtering of a (possibly poisoned) training set
/// before training, and free-feature augmentation after it.
///
/// 1. **Influence filter** (the main defence; `minimumLabelProbability` 0.5) — a first fit of the
///    caller's model on the whole set, with every ``FeatureConstraint/free`` feature (call depth,
///    contract age: the attacker sets them at attack time) held at its minimum, so the fit cannot
///    learn anything placed there, a trigger included. Every row whose own label gets less than
///    `minimumLabelProbability` under that fit is removed (for logistic regression a row's
///    gradient, its influence on the fit, is `|p − y|·‖(z, 1)‖`). A backdoor row — an attack copied,
///    the trigger set, labelled benign — is an attack on every feature the fit sees, so its
///    "benign" label gets little probability; a flipped label likewise. Legitimate rows that the
///    fit explains stay, whatever archetype they belong to. The first fit uses the plain loss
///    (`trim` 0): trimming there left the hardest legitimate attack archetype out of the fit, which
///    then removed a third of it.
/// 2. **Free-feature augmentation** (`freeFeatureCopies`) — see that setting.
/// 3. **Neighbour label-consistency filter** (off by default: `rounds` 0) — each row's `neighbours`
///    nearest rows (Euclidean, in standardized units, brute force over at most `anchors` evenly
///    spaced rows) on the features that are not free; a row whose label fewer than
///    `minimumAgreement` of them share is removed, or given the other label below `relabelBelow`.
///    Off because unweighted distances over every immutable feature (utilisation and market
///    volatility included, which say nothing about the label) made it relabel a hard but
///    legitimate attack archetype (adaptive oracle creep) as benign, at a cost of 1–2 pp and a
///    backdoor residue in that archetype.
/// 4. **Outlier filter** (off by default: `outlierCutoff` nil) — on the benign class (and the
///    attack class if ``filtersAttackClass``), rows whose robust distance (``InputValidator``'s
///    median/MAD Mahalanobis distance on the immutable features) lies beyond
///    `median + outlierCutoff · MAD` of the class's distances are removed. It discards whole
///    legitimate archetypes.
///
/// Order: outlier filter, neighbour filter, influence filter, augmentation.
public struct TrainingSanitizer: Hashable, Sendable {
    /// Outlier-filter cutoff in MADs of the class's robust distances (`nil`: no outlier filter).
    public var outlierCutoff: Double? = nil
    /// Whether the outlier filter also runs on the attack class.
    public var filtersAttackClass = false
    /// Neighbours consulted per row by the label-consistency filter.
    public var neighbours = 10
    /// Rows searched for neighbours (evenly spaced; the whole set when it is smaller).
    public var anchors = 10_000
    /// Share of neighbours that must share a row's label for it to stay as it is.
    public var minimumAgreement = 0.5
    /// Rows that even fewer of their neighbours agree with are given the other label instead of
    /// being removed (0: every failing row is removed).
    public var relabelBelow = 0.3
    /// Copies of each attack row added after filtering with every ``FeatureConstraint/free``
    /// feature redrawn uniformly within its bounds (0: none). The attacker sets those features at
    /// attack time (call depth, a fresh contract), so the model is taught that they do not make an
    /// attack benign — which leaves a trigger placed in them, or a value never seen in training,
    /// nothing to hide behind.
    public var freeFeatureCopies = 1
    /// Passes of the label-consistency filter, each on the previous pass's output (0: filter off).
    public var rounds = 0
    /// Trimmed share of each batch in the influence filter's first fit (0: the plain loss).
    public var trim = 0.0
    /// Rows whose own label gets less probability than this under the first fit are removed (0: no
    /// influence filter, no first fit). 0.5 removes exactly the rows the fit would label otherwise.
    public var minimumLabelProbability = 0.5
    /// The first fit's configuration (its `robust` is replaced by `trim`'s trimmed loss).
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
        guard (1...1_000).contains(neighbours), (0...100).contains(rounds), (0...16).contains(freeFeatureCopies),
            anchors >= 1, (0...1).contains(minimumAgreement),
            (0...1).contains(relabelBelow), (0...1).contains(minimumLabelProbability), trim.isFinite,
            (0..<0.9).contains(trim)
        else {
            throw .invalidInput(
                "sanitiser settings out of range: neighbours 1…1,000, rounds 0…100, copies 0…16, anchors ≥ 1, agreement, relabel and label-probability in [0, 1], trim in [0, 0.9)"
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
        let freeColumns = features.indices.filter { features[$0].constraint == .free }
        var influential = 0
        if minimumLabelProbability > 0, filtered.count > 0 {
            (filtered, influential) = try influenceFiltered(filtered, freeColumns: freeColumns, makeModel, &rng)
        }
        filtered = try augmented(filtered, columns: freeColumns, &rng)
        return Result(
            kept: filtered, outliers: dataset.count - keep.count, inconsistent: inconsistent, influential: influential)
    }

    /// The influence filter: a first fit on `dataset` with every free feature held at its minimum
    /// (so it cannot learn anything the attacker sets at attack time, a trigger included), then
    /// every row whose own label gets less than `minimumLabelProbability` is removed. Returns the
    /// kept rows and the number removed.
    func influenceFiltered<Model: BinaryClassifier>(
        _ dataset: Dataset, freeColumns: [Int], _ makeModel: (Standardizer) -> Model,
        _ rng: inout some RandomNumberGenerator
    ) throws(ModelError) -> (Dataset, Int) {
        let features = dataset.specification.features
        let masked = try Dataset(
            specification: dataset.specification,
            rows: dataset.rows.map { row in
                var copy = row
                for column in freeColumns { copy[column] = features[column].minimum }
                return copy
            }, labels: dataset.labels)
        var config = configuration
        config.robust = trim > 0 ? .trimmedLoss(fraction: trim) : .standard
        let first = try Trainer.train(
            makeModel(Standardizer(fitting: masked)), on: masked, configuration: config, using: &rng)
        let kept = masked.rows.indices.filter { index in
            let p = first.probability(masked.rows[index])
            return (dataset.labels[index] ? p : 1 - p) >= minimumLabelProbability
        }
        return (dataset.subset(kept), dataset.count - kept.count)
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
