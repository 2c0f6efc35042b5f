/// The full evaluation behind `antibody models eval`: clean detection (MLP and logistic), poisoning
/// with and without defences at each rate, FGSM/PGD evasion with and without adversarial training,
/// extraction through open and defended query interfaces, input validation and the volatility
/// forecaster. Deterministic for a seed: every random choice is drawn from generators derived
/// from it (`makeGenerator(stream)`).
public enum ModelEvaluation {
    /// Runs everything.
    ///
    /// - Parameters:
    ///   - makeGenerator: a seeded generator for stream `k` (the CLI passes xoshiro256** seeded `seed + k`).
    ///   - progress: called with (steps done, total steps, label).
    /// - Throws: ``ModelError`` from training or malformed data.
    public static func run<G: RandomNumberGenerator>(
        data: EvaluationData, settings: EvaluationSettings, seed: UInt64, makeGenerator: (UInt64) -> G,
        progress: (Int, Int, String) -> Void = { _, _, _ in }
    ) throws(ModelError) -> EvaluationReport {
        let totalSteps = 4 + settings.poisoningRates.count + 3
        var done = 0
        func tick(_ label: String) {
            done += 1
            progress(done, totalSteps, label)
        }
        let spec = data.train.specification
        let reference = Standardizer(fitting: data.train)
        func mlp(_ s: Standardizer, _ stream: UInt64) -> MultilayerPerceptron {
            var rng = makeGenerator(stream)
            return try! MultilayerPerceptron(standardizer: s, hidden: settings.hidden, using: &rng)
        }
        func train<M: BinaryClassifier>(
            _ model: M, _ dataset: Dataset, _ config: TrainingConfiguration, _ stream: UInt64
        )
            throws(ModelError) -> M
        {
            var rng = makeGenerator(stream)
            return try Trainer.train(model, on: dataset, configuration: config, using: &rng)
        }
        // Clean.
        let standard = try train(mlp(reference, 1), data.train, settings.training, 2)
        let standardThreshold = threshold(standard, data.validation, settings.targetFalsePositiveRate)
        let clean = metrics(standard, data.test, standardThreshold)
        let logistic = try train(LogisticRegression(standardizer: reference), data.train, settings.training, 3)
        let logisticClean = metrics(
            logistic, data.test, threshold(logistic, data.validation, settings.targetFalsePositiveRate))
        tick("clean")
        // Poisoning, measured on the split the settings name (validation only for choosing defences).
        let heldOut = settings.poisoningSplit == .validation ? data.validation : data.test
        let baseAccuracy = BinaryMetrics(scores: scores(standard, heldOut), labels: heldOut.labels, threshold: 0.5)
            .accuracy
        let heldOutAttacks = heldOut.rows.indices.filter { heldOut.labels[$0] }.map { heldOut.rows[$0] }
        var poisoning: [EvaluationReport.Poisoning] = []
        for (k, rate) in settings.poisoningRates.enumerated() {
            let base = UInt64(100 + 10 * k)
            var rng = makeGenerator(base)
            let flipped = try PoisoningAttack.labelFlip(rate: rate).apply(to: data.train, using: &rng)
            let backdoor = PoisoningAttack.standardBackdoor(rate: rate)
            let planted = try backdoor.apply(to: data.train, using: &rng)
            func outcome(defended: Bool) throws(ModelError) -> EvaluationReport.PoisoningOutcome {
                func fit(_ dataset: Dataset, _ stream: UInt64) throws(ModelError) -> MultilayerPerceptron {
                    var input = dataset
                    var config = settings.training
                    if defended {
                        var rng = makeGenerator(stream + 5)
                        input = try settings.sanitizer.sanitize(
                            dataset, makeModel: { mlp($0, stream + 6) }, using: &rng
                        ).kept
                        config.robust = settings.defendedTraining
                    }
                    return try train(mlp(Standardizer(fitting: input), stream + 7), input, config, stream + 8)
                }
                let flipModel = try fit(flipped, base + 1)
                let backdoorModel = try fit(planted, base + 2)
                let accuracy = { (m: MultilayerPerceptron) in
                    BinaryMetrics(scores: scores(m, heldOut), labels: heldOut.labels, threshold: 0.5).accuracy
                }
                let triggered = heldOutAttacks.map { backdoor.triggered($0) }
                let passed = triggered.filter { backdoorModel.probability($0) < 0.5 }.count
                return .init(
                    accuracyDrop: 100 * (baseAccuracy - accuracy(flipModel)),
                    backdoorSuccess: triggered.isEmpty ? 0 : Double(passed) / Double(triggered.count),
                    backdoorAccuracyDrop: 100 * (baseAccuracy - accuracy(backdoorModel)))
            }
            poisoning.append(
                .init(rate: rate, defended: try outcome(defended: true), undefended: try outcome(defended: false)))
            tick("poisoning \(rate)")
        }
        // Evasion.
        let attackRows = data.test.rows.indices.filter { data.test.labels[$0] }.map { data.test.rows[$0] }
        let attack = try EvasionAttack(
            specification: spec, scale: reference.scale, epsilon: settings.evasionEpsilon, steps: settings.pgdSteps)
        var adversarialConfig = settings.training
        adversarialConfig.adversarial = attack
        let hardened = try train(mlp(reference, 20), data.train, adversarialConfig, 21)
        let hardenedThreshold = threshold(hardened, data.validation, settings.targetFalsePositiveRate)
        let hardenedClean = metrics(hardened, data.test, hardenedThreshold)
        func success(_ model: MultilayerPerceptron, _ t: Double, pgd: Bool) -> Double {
            let detected = attackRows.filter { model.probability($0) >= t }
            guard !detected.isEmpty else { return 0 }
            let evaded = detected.filter {
                model.probability(pgd ? attack.pgd($0, against: model) : attack.fgsm($0, against: model)) < t
            }
            return Double(evaded.count) / Double(detected.count)
        }
        let evasion = EvaluationReport.Evasion(
            epsilon: settings.evasionEpsilon, undefendedSuccess: success(standard, standardThreshold, pgd: true),
            defendedSuccess: success(hardened, hardenedThreshold, pgd: true),
            cleanAccuracyCost: 100 * (clean.accuracy - hardenedClean.accuracy),
            fgsmUndefendedSuccess: success(standard, standardThreshold, pgd: false),
            fgsmDefendedSuccess: success(hardened, hardenedThreshold, pgd: false), defendedClean: hardenedClean)
        tick("evasion")
        // Extraction.
        let defendedPolicy = try QueryPolicy(
            queryBudget: settings.queryBudget, epsilonPerQuery: settings.epsilonPerQuery, rounding: settings.rounding)
        func extract(
            _ policy: QueryPolicy, queries: Int, _ stream: UInt64
        ) throws(ModelError) -> ExtractionAttack.Result {
            var interface = QueryInterface(model: standard, specification: spec, policy: policy)
            var rng = makeGenerator(stream)
            return try ExtractionAttack().run(
                against: &interface, client: "attacker", pool: Array(data.publicTraffic.prefix(queries)),
                fresh: data.fresh, using: &rng)
        }
        let open = try extract(.open, queries: settings.undefendedQueries, 30)
        let defended = try extract(defendedPolicy, queries: settings.undefendedQueries, 31)
        var curve: [EvaluationReport.ExtractionPoint] = []
        for (k, queries) in settings.extractionCurve.enumerated() {
            let noisyUncapped = try QueryPolicy(
                queryBudget: queries, epsilonPerQuery: settings.epsilonPerQuery, rounding: settings.rounding)
            curve.append(
                .init(
                    queries: queries,
                    undefendedAgreement: try extract(.open, queries: queries, 40 + UInt64(k)).agreement,
                    defendedAgreement: try extract(noisyUncapped, queries: queries, 60 + UInt64(k)).agreement))
        }
        let honestRows = Array(data.test.rows.prefix(settings.queryBudget))
        func honestRate(_ policy: QueryPolicy, _ stream: UInt64) throws(ModelError) -> Double {
            var interface = QueryInterface(model: standard, specification: spec, policy: policy)
            var rng = makeGenerator(stream)
            var unchanged = 0
            for row in honestRows {
                let answer = try interface.query(client: "honest", input: row, using: &rng)
                let decided = policy.decisionThreshold == nil ? answer >= standardThreshold : answer >= 0.5
                if decided == (standard.probability(row) >= standardThreshold) { unchanged += 1 }
            }
            return honestRows.isEmpty ? 1 : Double(unchanged) / Double(honestRows.count)
        }
        let honest = try honestRate(defendedPolicy, 32)
        var decisionsOnly: [EvaluationReport.DecisionPoint] = []
        for (k, epsilon) in settings.decisionEpsilons.enumerated() {
            let policy = try QueryPolicy.decisionsOnly(
                queryBudget: settings.queryBudget, epsilonPerQuery: epsilon, threshold: standardThreshold)
            let result = try extract(policy, queries: settings.undefendedQueries, 80 + UInt64(k))
            decisionsOnly.append(
                .init(
                    epsilonPerQuery: epsilon, epsilon: result.epsilonSpent, agreement: result.agreement,
                    honestDecisionAgreement: try honestRate(policy, 90 + UInt64(k))))
        }
        // Zero queries: the same surrogate on public traffic the attacker labels itself.
        var groundTruth: [EvaluationReport.GroundTruthPoint] = []
        var modelFreshAccuracy: Double? = nil
        if data.publicTrafficLabels.count == data.publicTraffic.count, data.freshLabels.count == data.fresh.count,
            !data.publicTraffic.isEmpty
        {
            for (k, rows) in settings.groundTruthCurve.enumerated() {
                var rng = makeGenerator(200 + UInt64(k))
                let n = min(rows, data.publicTraffic.count)
                let baseline = try ExtractionAttack().groundTruthBaseline(
                    model: standard, specification: spec, rows: Array(data.publicTraffic.prefix(n)),
                    labels: Array(data.publicTrafficLabels.prefix(n)), fresh: data.fresh, freshLabels: data.freshLabels,
                    using: &rng)
                groundTruth.append(.init(rows: n, agreement: baseline.agreement, accuracy: baseline.accuracy ?? 0))
            }
            let correct = zip(data.fresh, data.freshLabels).filter { (standard.probability($0.0) >= 0.5) == $0.1 }
            modelFreshAccuracy = data.fresh.isEmpty ? nil : Double(correct.count) / Double(data.fresh.count)
        }
        let extraction = EvaluationReport.Extraction(
            budget: settings.queryBudget, epsilon: defended.epsilonSpent, epsilonPerQuery: settings.epsilonPerQuery,
            undefendedAgreement: open.agreement, undefendedQueries: open.answered,
            defendedAgreement: defended.agreement,
            honestDecisionAgreement: honest, curve: curve, decisionsOnly: decisionsOnly,
            groundTruthCurve: groundTruth, modelFreshAccuracy: modelFreshAccuracy)
        tick("extraction")
        // Input validation.
        var validator = try InputValidator(reference: data.train, window: 256)
        let inFlagged = data.test.rows.filter { validator.distance($0) > validator.distanceThreshold }.count
        let shifted = data.test.rows.prefix(500).map { row in
            var moved = row
            for (i, feature) in spec.features.enumerated() where !feature.isBinary {
                moved[i] = min(row[i] + 4 * reference.scale[i], feature.maximum)
            }
            return moved
        }
        let shiftedFlagged = shifted.filter { validator.distance($0) > validator.distanceThreshold }.count
        for row in data.test.rows.prefix(256) { _ = try validator.assess(row) }
        let heldOutDrift = validator.shiftReport().filter(\.drifted).map(\.name)
        for row in data.volatileWindow.prefix(256) { _ = try validator.assess(row) }
        let volatileDrift = validator.shiftReport().filter(\.drifted).map(\.name)
        let inputValidation = EvaluationReport.InputValidation(
            inDistributionFlagged: Double(inFlagged) / Double(max(data.test.count, 1)),
            shiftedFlagged: Double(shiftedFlagged) / Double(max(shifted.count, 1)), driftedOnHeldOut: heldOutDrift,
            driftedOnVolatileWindow: volatileDrift)
        tick("input validation")
        // Volatility.
        var volatility: EvaluationReport.Volatility? = nil
        if let returns = data.volatilityReturns {
            let forecaster = try VolatilityForecaster.fit(returns: returns.train, horizon: settings.volatilityHorizon)
            let fit = forecaster.evaluate(returns: returns.test)
            volatility = .init(horizon: settings.volatilityHorizon, r2: fit.r2, ewmaR2: fit.ewmaR2)
        }
        tick("volatility")
        return EvaluationReport(
            seed: seed, model: "mlp \(spec.dimension)→\(settings.hidden)→1", trainRows: data.train.count,
            testRows: data.test.count, clean: clean, logisticClean: logisticClean, poisoning: poisoning,
            evasion: evasion,
            extraction: extraction, inputValidation: inputValidation, volatility: volatility,
            poisoningSplit: settings.poisoningSplit)
    }

    /// The model's attack probabilities on `dataset`.
    public static func scores(_ model: some BinaryClassifier, _ dataset: Dataset) -> [Double] {
        dataset.rows.map { model.probability($0) }
    }

    /// The operating threshold: at most `rate` false positives on `validation`'s benign rows.
    public static func threshold(_ model: some BinaryClassifier, _ validation: Dataset, _ rate: Double) -> Double {
        let benign = validation.rows.indices.filter { !validation.labels[$0] }.map {
            model.probability(validation.rows[$0])
        }
        return BinaryMetrics.threshold(forFalsePositiveRate: rate, benignScores: benign)
    }

    /// Clean metrics of `model` on `dataset` at `threshold`.
    public static func metrics(
        _ model: some BinaryClassifier, _ dataset: Dataset, _ threshold: Double
    )
        -> EvaluationReport.Clean
    {
        let s = scores(model, dataset)
        let m = BinaryMetrics(scores: s, labels: dataset.labels, threshold: threshold)
        return .init(
            precision: m.precision, recall: m.recall, falsePositiveRate: m.falsePositiveRate,
            auc: BinaryMetrics.areaUnderROC(scores: s, labels: dataset.labels), accuracy: m.accuracy,
            threshold: threshold)
    }
}
