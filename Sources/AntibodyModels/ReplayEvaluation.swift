/// The replay measurement behind ``EvaluationReport/replay``: a generalisation test of the models
/// trained on archetype traffic against traffic recorded from full simulated runs, and the clean
/// figures of models trained on that replayed traffic.
public enum ReplayEvaluation {
    /// Runs it.
    ///
    /// The archetype models are trained exactly as ``ModelEvaluation/run(data:settings:seed:makeGenerator:progress:)``
    /// trains its clean ones (same streams 1–3, same data), so they are the models of the report's
    /// `clean` and `logisticClean` rows; their thresholds are chosen on the archetype validation split.
    /// The replay models use streams 200–202 and the replayed validation split; with training kinds,
    /// one more MLP per attacker kind is trained without that kind's rows (streams 210 + 2k, 211 + 2k).
    ///
    /// - Throws: ``ModelError`` from training or when the replay data's specification differs.
    public static func run<G: RandomNumberGenerator>(
        archetype: EvaluationData, replay: ReplayData, settings: EvaluationSettings,
        makeGenerator: (UInt64) -> G
    ) throws(ModelError) -> EvaluationReport.Replay {
        let spec = archetype.train.specification
        guard replay.train.specification == spec, replay.test.specification == spec,
            replay.validation.specification == spec
        else { throw .invalidInput("replayed traffic has a different feature specification than the archetype data") }
        let rate = settings.targetFalsePositiveRate
        func trainMLP(_ data: Dataset, _ streams: (UInt64, UInt64)) throws(ModelError) -> MultilayerPerceptron {
            var initRNG = makeGenerator(streams.0)
            let initial = try MultilayerPerceptron(
                standardizer: Standardizer(fitting: data), hidden: settings.hidden, using: &initRNG)
            var rng = makeGenerator(streams.1)
            return try Trainer.train(initial, on: data, configuration: settings.training, using: &rng)
        }
        func trainLogistic(_ data: Dataset, _ stream: UInt64) throws(ModelError) -> LogisticRegression {
            var rng = makeGenerator(stream)
            return try Trainer.train(
                LogisticRegression(standardizer: Standardizer(fitting: data)), on: data,
                configuration: settings.training, using: &rng)
        }
        let archetypeMLP = try trainMLP(archetype.train, (1, 2))
        let archetypeLogistic = try trainLogistic(archetype.train, 3)
        let replayMLP = try trainMLP(replay.train, (200, 201))
        let replayLogistic = try trainLogistic(replay.train, 202)
        let thresholds = (
            ModelEvaluation.threshold(archetypeMLP, archetype.validation, rate),
            ModelEvaluation.threshold(archetypeLogistic, archetype.validation, rate),
            ModelEvaluation.threshold(replayMLP, replay.validation, rate)
        )
        let test = replay.test
        var perAttack: [EvaluationReport.AttackRecall] = []
        var perBenign: [EvaluationReport.KindFlagRate] = []
        var kinds: [(kind: String, attack: Bool)] = []
        for (i, kind) in replay.testKinds.enumerated()
        where !kinds.contains(where: { $0.kind == kind && $0.attack == test.labels[i] }) {
            kinds.append((kind, test.labels[i]))
        }
        for (kind, attack) in kinds {
            let rows = test.rows.indices.filter { test.labels[$0] == attack && replay.testKinds[$0] == kind }.map {
                test.rows[$0]
            }
            func flagged(_ model: some BinaryClassifier, _ threshold: Double) -> Double {
                Double(rows.filter { model.probability($0) >= threshold }.count) / Double(rows.count)
            }
            let mlp = flagged(archetypeMLP, thresholds.0), logistic = flagged(archetypeLogistic, thresholds.1)
            let replayed = flagged(replayMLP, thresholds.2)
            if attack {
                perAttack.append(
                    .init(
                        kind: kind, rows: rows.count, archetypeMLP: mlp, archetypeLogistic: logistic,
                        replayMLP: replayed))
            } else {
                perBenign.append(
                    .init(
                        kind: kind, rows: rows.count, archetypeMLP: mlp, archetypeLogistic: logistic,
                        replayMLP: replayed))
            }
        }
        // Held-out attacker: train without one attacker kind's rows, measure recall on that kind.
        if !replay.trainKinds.isEmpty {
            for (k, entry) in perAttack.enumerated() {
                let kept = replay.train.rows.indices.filter { replay.trainKinds[$0] != entry.kind }
                let model = try trainMLP(replay.train.subset(kept), (210 + 2 * UInt64(k), 211 + 2 * UInt64(k)))
                let threshold = ModelEvaluation.threshold(model, replay.validation, rate)
                let rows = test.rows.indices.filter { test.labels[$0] && replay.testKinds[$0] == entry.kind }
                let caught = rows.filter { model.probability(test.rows[$0]) >= threshold }.count
                perAttack[k].replayMLPHeldOut = Double(caught) / Double(rows.count)
            }
        }
        var validator = try InputValidator(reference: archetype.train, window: 256)
        let stride = Swift.max(1, test.count / 256)
        for i in Swift.stride(from: 0, to: test.count, by: stride).prefix(256) {
            _ = try validator.assess(test.rows[i])
        }
        return EvaluationReport.Replay(
            trainRows: replay.train.count, validationRows: replay.validation.count, testRows: test.count,
            testAttackRows: test.attackCount,
            archetypeMLP: ModelEvaluation.metrics(archetypeMLP, test, thresholds.0),
            archetypeLogistic: ModelEvaluation.metrics(archetypeLogistic, test, thresholds.1),
            replayMLP: ModelEvaluation.metrics(replayMLP, test, thresholds.2),
            replayLogistic: ModelEvaluation.metrics(
                replayLogistic, test, ModelEvaluation.threshold(replayLogistic, replay.validation, rate)),
            perAttack: perAttack, perBenign: perBenign,
            driftedFromArchetype: validator.shiftReport().filter(\.drifted).map(\.name))
    }
}
