import AntibodyModels
import AntibodySim
import Foundation
import Testing

@Suite("Models: input validation, poisoning, evasion, extraction")
struct HardeningTests {
    @Test("robust distance flags shifted inputs, KS/PSI flag a volatile window, held-out traffic passes")
    func inputValidation() throws {
        let train = try Support.dataset(count: 1_500, seed: 11)
        let held = try Support.dataset(count: 600, seed: 12)
        var validator = try InputValidator(reference: train, window: 256)
        let flagged = held.rows.filter { validator.distance($0) > validator.distanceThreshold }.count
        #expect(Double(flagged) / Double(held.count) < 0.02)
        let scale = Standardizer(fitting: train).scale
        var shifted = held.rows[0]
        for i in [0, 2, 5, 6] {
            shifted[i] = min(shifted[i] + 5 * scale[i], FeatureSpecification.transactionFlow.features[i].maximum)
        }
        #expect(try validator.assess(shifted).isOutOfDistribution)
        for row in held.rows.prefix(256) { _ = try validator.assess(row) }
        #expect(validator.shiftReport().filter(\.drifted).isEmpty)
        for row in held.rows.suffix(256) {
            var copy = row
            copy[11] = min(row[11] * 3, 5)
            let assessment = try validator.assess(copy)
            _ = assessment.canActAlone
        }
        #expect(validator.shiftReport().filter(\.drifted).map(\.name).contains("marketVolatility"))
    }

    @Test("PGD stays within the feature constraints and never raises the logit")
    func evasionConstraints() throws {
        let data = try Support.dataset(count: 800, seed: 21)
        let model = try Support.logistic(data, seed: 21, epochs: 4)
        let spec = FeatureSpecification.transactionFlow
        let attack = try EvasionAttack(
            specification: spec, scale: Standardizer(fitting: data).scale, epsilon: 1, steps: 10)
        for (row, label) in zip(data.rows, data.labels) where label {
            let adversarial = attack.pgd(row, against: model)
            try spec.validate(adversarial)
            #expect(model.logit(adversarial) <= model.logit(row) + 1e-12)
            for (i, feature) in spec.features.enumerated() {
                switch feature.constraint {
                case .immutable: #expect(adversarial[i] == row[i])
                case .decreaseOnly: #expect(adversarial[i] <= row[i])
                case .increaseOnly: #expect(adversarial[i] >= row[i])
                case .free: #expect(abs(adversarial[i] - row[i]) <= attack.scale[i] + 0.5)
                }
            }
        }
    }

    @Test("a backdoor planted in 10 % of the data works undefended and is filtered by sanitising")
    func backdoor() throws {
        let train = try Support.dataset(count: 1_500, seed: 31)
        let test = try Support.dataset(count: 800, seed: 32)
        let attack = PoisoningAttack.standardBackdoor(rate: 0.1)
        var rng = Xoshiro256StarStar(seed: 33)
        let poisoned = try attack.apply(to: train, using: &rng)
        let undefended = try Support.logistic(poisoned, seed: 34)
        let sanitized = try TrainingSanitizer().sanitize(
            poisoned, makeModel: { LogisticRegression(standardizer: $0) }, using: &rng)
        #expect(sanitized.outliers + sanitized.inconsistent + sanitized.influential >= 100)
        let defended = try Support.logistic(sanitized.kept, seed: 35)
        let triggered = test.rows.indices.filter { test.labels[$0] }.map { attack.triggered(test.rows[$0]) }
        let passed = { (m: LogisticRegression) in
            Double(triggered.filter { m.probability($0) < 0.5 }.count) / Double(triggered.count)
        }
        #expect(passed(undefended) > 0.5)
        #expect(passed(defended) < passed(undefended))
    }

    @Test("sanitising keeps clean traffic, catches flipped labels, and defended beats undefended on a backdoor")
    func sanitiserDirection() throws {
        let train = try Support.dataset(count: 1_200, seed: 41)
        let test = try Support.dataset(count: 600, seed: 42)
        var rng = Xoshiro256StarStar(seed: 43)
        // On clean traffic the label-consistency filter touches few rows: unusual benign groups stay.
        let clean = try TrainingSanitizer().sanitize(
            train, makeModel: { LogisticRegression(standardizer: $0) }, using: &rng)
        #expect(clean.influential < train.count / 20)
        #expect(clean.kept.count - clean.kept.attackCount >= (train.count - train.attackCount) * 95 / 100)
        // Label flips at 20 % (240 rows): the influence filter removes most of them.
        let flipped = try PoisoningAttack.labelFlip(rate: 0.2).apply(to: train, using: &rng)
        let repaired = try TrainingSanitizer().sanitize(
            flipped, makeModel: { LogisticRegression(standardizer: $0) }, using: &rng)
        var truth: [[Double]: Bool] = [:]
        for (row, label) in zip(train.rows, train.labels) { truth[row] = label }
        let stillFlipped = zip(repaired.kept.rows, repaired.kept.labels).filter { row, label in
            truth[row].map { $0 != label } ?? false
        }.count
        #expect(stillFlipped <= 60)
        // Backdoor at 10 %: undefended it passes most triggered attacks, defended few.
        let backdoor = PoisoningAttack.standardBackdoor(rate: 0.1)
        let planted = try backdoor.apply(to: train, using: &rng)
        let defended = try TrainingSanitizer().sanitize(
            planted, makeModel: { LogisticRegression(standardizer: $0) }, using: &rng)
        let triggered = test.rows.indices.filter { test.labels[$0] }.map { backdoor.triggered(test.rows[$0]) }
        let passed = { (m: LogisticRegression) in
            Double(triggered.filter { m.probability($0) < 0.5 }.count) / Double(triggered.count)
        }
        let undefendedPass = passed(try Support.logistic(planted, seed: 45))
        let defendedPass = passed(try Support.logistic(defended.kept, seed: 45))
        #expect(undefendedPass > 0.5)
        #expect(defendedPass < 0.25)
    }

    @Test("the influence filter's first fit cannot see free features, so a trigger there does not protect planted rows")
    func influenceFilterMasksFreeFeatures() throws {
        let train = try Support.dataset(count: 1_500, seed: 61)
        // A trigger other than the evaluation's: a contract age of 10^7.5 blocks, labelled benign.
        let backdoor = PoisoningAttack.backdoor(rate: 0.1, triggerFeature: 3, triggerValue: 7.5)
        var rng = Xoshiro256StarStar(seed: 62)
        let planted = try backdoor.apply(to: train, using: &rng)
        func survivors(_ data: Dataset) -> Int {
            zip(data.rows, data.labels).filter { row, label in row[3] == 7.5 && !label }.count
        }
        let count = survivors(planted)
        #expect(count >= 140)
        var sanitizer = TrainingSanitizer()
        sanitizer.freeFeatureCopies = 0
        let result = try sanitizer.sanitize(planted, makeModel: { LogisticRegression(standardizer: $0) }, using: &rng)
        #expect(survivors(result.kept) <= count / 3)
        // Control: the same first fit seeing every feature learns "old contract ⇒ benign" and
        // passes most planted rows, which is why the filter holds the free features fixed.
        let unmasked = try Support.logistic(planted, seed: 63, epochs: 25)
        let passed = zip(planted.rows, planted.labels).filter { row, label in
            row[3] == 7.5 && !label && unmasked.probability(row) < 0.5
        }.count
        #expect(passed > count / 2)
        // The rest of the set is kept: at most 5 % of benign rows go.
        let benign = train.count - train.attackCount
        #expect(result.kept.count - result.kept.attackCount - survivors(result.kept) >= benign * 95 / 100 - count)
        var bad = TrainingSanitizer()
        bad.minimumLabelProbability = 1.5
        #expect(throws: ModelError.self) {
            try bad.sanitize(planted, makeModel: { LogisticRegression(standardizer: $0) }, using: &rng)
        }
    }

    @Test("the zero-query extraction baseline: a surrogate on true labels agrees with the model")
    func groundTruthBaseline() throws {
        let train = try Support.dataset(count: 1_500, seed: 71)
        let model = try Support.logistic(train, seed: 72)
        let pool = try Support.dataset(count: 600, seed: 73, attackShare: 0.05)
        let fresh = try Support.dataset(count: 400, seed: 74, attackShare: 0.5)
        var rng = Xoshiro256StarStar(seed: 75)
        let baseline = try ExtractionAttack().groundTruthBaseline(
            model: model, specification: .transactionFlow, rows: pool.rows, labels: pool.labels, fresh: fresh.rows,
            freshLabels: fresh.labels, using: &rng)
        #expect(baseline.agreement > 0.8)
        #expect((baseline.accuracy ?? 0) > 0.8)
        // One class only: the surrogate is a constant, which agrees with the model on the benign half.
        let benignOnly = try ExtractionAttack().groundTruthBaseline(
            model: model, specification: .transactionFlow, rows: Array(pool.rows.prefix(5)),
            labels: [Bool](repeating: false, count: 5), fresh: fresh.rows, freshLabels: [], using: &rng)
        #expect(benignOnly.accuracy == nil)
        #expect((0.3...0.7).contains(benignOnly.agreement))
        #expect(throws: ModelError.self) {
            try ExtractionAttack().groundTruthBaseline(
                model: model, specification: .transactionFlow, rows: pool.rows, labels: [true], fresh: fresh.rows,
                freshLabels: [], using: &rng)
        }
    }

    @Test("the query interface enforces the budget and accounts ε per client")
    func queryBudget() throws {
        let data = try Support.dataset(count: 300, seed: 41)
        let model = try Support.logistic(data, seed: 41, epochs: 2)
        var interface = QueryInterface(
            model: model, specification: .transactionFlow,
            policy: try QueryPolicy(queryBudget: 3, epsilonPerQuery: 0.5, rounding: 0.1))
        var rng = Xoshiro256StarStar(seed: 42)
        for _ in 0..<3 {
            let answer = try interface.query(client: "a", input: data.rows[0], using: &rng)
            #expect((0...1).contains(answer))
            #expect(abs(answer * 10 - (answer * 10).rounded()) < 1e-9)
        }
        #expect(throws: ModelError.self) { try interface.query(client: "a", input: data.rows[0], using: &rng) }
        _ = try interface.query(client: "b", input: data.rows[0], using: &rng)
        #expect(interface.accountant.epsilonSpent["a"] == 1.5)
        #expect(interface.accountant.queries["b"] == 1)
        #expect(throws: ModelError.self) { try QueryPolicy(queryBudget: 0, epsilonPerQuery: 1, rounding: 0) }
        // Decisions only, randomized response at ε 2: answers are 0 or 1, the flip rate is about
        // 1 / (1 + e²) ≈ 11.9 %, and each answer costs ε 2.
        var decisions = QueryInterface(
            model: model, specification: .transactionFlow,
            policy: try QueryPolicy.decisionsOnly(queryBudget: 2_000, epsilonPerQuery: 2, threshold: 0.5))
        var flips = 0
        for index in 0..<2_000 {
            let row = data.rows[index % data.count]
            let answer = try decisions.query(client: "c", input: row, using: &rng)
            #expect(answer == 0 || answer == 1)
            if (answer == 1) != (model.probability(row) >= 0.5) { flips += 1 }
        }
        #expect((160...320).contains(flips))
        #expect(decisions.accountant.epsilonSpent["c"] == 4_000)
        #expect(throws: ModelError.self) {
            try QueryPolicy.decisionsOnly(queryBudget: 1, epsilonPerQuery: 1, threshold: 1.5)
        }
    }

    @Test("the volatility forecaster fits GARCH returns out of sample")
    func volatility() throws {
        func returns(_ seed: UInt64, _ count: Int) throws -> [Double] {
            var path = try GARCHPath(start: 100, omega: 1e-6, alpha: 0.1, beta: 0.88)
            var rng = Xoshiro256StarStar(seed: seed)
            var previous = path.price
            return (0..<count).map { _ in
                let p = path.next(using: &rng)
                defer { previous = p }
                return Foundation.log(p / previous)
            }
        }
        let model = try VolatilityForecaster.fit(returns: try returns(1, 6_000), horizon: 24)
        let fit = model.evaluate(returns: try returns(2, 3_000))
        #expect(fit.r2 > 0.1)
        #expect(fit.r2 > fit.ewmaR2)
        #expect(model.forecastVolatility.isFinite)
    }

    @Test("a tiny evaluation produces every key the issue asks for")
    func evaluationKeys() throws {
        let data = EvaluationData(
            train: try Support.dataset(count: 400, seed: 51), validation: try Support.dataset(count: 300, seed: 52),
            test: try Support.dataset(count: 300, seed: 53),
            publicTraffic: try Support.dataset(count: 200, seed: 54, attackShare: 0.05).rows,
            fresh: try Support.dataset(count: 100, seed: 55, attackShare: 0.5).rows,
            volatileWindow: try Support.dataset(count: 256, seed: 56).rows,
            publicTrafficLabels: try Support.dataset(count: 200, seed: 54, attackShare: 0.05).labels,
            freshLabels: try Support.dataset(count: 100, seed: 55, attackShare: 0.5).labels)
        var settings = EvaluationSettings()
        settings.hidden = 4
        settings.training.epochs = 2
        settings.poisoningRates = [0.1]
        settings.pgdSteps = 2
        settings.undefendedQueries = 200
        settings.extractionCurve = [50]
        let report = try ModelEvaluation.run(
            data: data, settings: settings, seed: 0, makeGenerator: { Xoshiro256StarStar(seed: $0) })
        let json = try JSONSerialization.jsonObject(with: try JSONEncoder().encode(report)) as! [String: Any]
        let clean = json["clean"] as! [String: Any]
        for key in ["precision", "recall", "falsePositiveRate", "auc"] { #expect(clean[key] is Double) }
        let poisoning = json["poisoning"] as! [[String: Any]]
        for side in ["defended", "undefended"] {
            let outcome = poisoning[0][side] as! [String: Any]
            #expect(outcome["accuracyDrop"] is Double && outcome["backdoorSuccess"] is Double)
        }
        #expect(poisoning[0]["rate"] as? Double == 0.1)
        let evasion = json["evasion"] as! [String: Any]
        for key in ["epsilon", "undefendedSuccess", "defendedSuccess", "cleanAccuracyCost"] {
            #expect(evasion[key] != nil)
        }
        let extraction = json["extraction"] as! [String: Any]
        for key in ["budget", "epsilon", "undefendedAgreement", "defendedAgreement"] { #expect(extraction[key] != nil) }
        let groundTruth = extraction["groundTruthCurve"] as! [[String: Any]]
        #expect(groundTruth.map { $0["rows"] as? Int } == [25, 100, 200, 200])
        #expect(groundTruth.allSatisfy { $0["agreement"] is Double && $0["accuracy"] is Double })
        #expect(extraction["modelFreshAccuracy"] is Double)
        #expect(json["poisoningSplit"] as? String == "test")
    }
}
