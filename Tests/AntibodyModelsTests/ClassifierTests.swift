import AntibodyCore
import AntibodyModels
import AntibodySim
import Testing

@Suite("Models: traffic, training and metrics")
struct ClassifierTests {
    @Test("the simulator's traffic matches the feature specification and is deterministic")
    func traffic() throws {
        try FeatureSpecification.transactionFlow.requireNames(TransactionFeatures.names)
        let a = try TrafficGenerator().generate(count: 300, seed: 7)
        let b = try TrafficGenerator().generate(count: 300, seed: 7)
        #expect(a == b)
        #expect(a.contains { $0.isAttack } && a.contains { !$0.isAttack })
        for row in a { try FeatureSpecification.transactionFlow.validate(row.features.vector) }
        #expect(throws: SimError.self) { try TrafficGenerator(attackShare: 1.5) }
    }

    @Test("AUC matches scikit-learn's documented example (0.75)")
    func aucGolden() {
        // sklearn.metrics.roc_auc_score([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) == 0.75
        #expect(BinaryMetrics.areaUnderROC(scores: [0.1, 0.4, 0.35, 0.8], labels: [false, false, true, true]) == 0.75)
        let m = BinaryMetrics(scores: [0.1, 0.4, 0.35, 0.8], labels: [false, false, true, true], threshold: 0.35)
        #expect(m.truePositives == 2 && m.falsePositives == 1 && m.recall == 1 && m.falsePositiveRate == 0.5)
        let t = BinaryMetrics.threshold(forFalsePositiveRate: 0, benignScores: [0.1, 0.4])
        #expect(t > 0.4 && t < 0.41)
    }

    @Test("logistic regression and the MLP learn the traffic; training is deterministic for a seed")
    func training() throws {
        let train = try Support.dataset(count: 1_500, seed: 1)
        let test = try Support.dataset(count: 1_000, seed: 2)
        let logistic = try Support.logistic(train, seed: 3)
        let again = try Support.logistic(train, seed: 3)
        #expect(logistic.parameters == again.parameters)
        let auc = BinaryMetrics.areaUnderROC(scores: ModelEvaluation.scores(logistic, test), labels: test.labels)
        #expect(auc > 0.95)
        var rng = Xoshiro256StarStar(seed: 4)
        var config = TrainingConfiguration()
        config.epochs = 6
        let mlp = try Trainer.train(
            try MultilayerPerceptron(standardizer: Standardizer(fitting: train), hidden: 16, using: &rng), on: train,
            configuration: config, using: &rng)
        let mlpAUC = BinaryMetrics.areaUnderROC(scores: ModelEvaluation.scores(mlp, test), labels: test.labels)
        #expect(mlpAUC > 0.95)
        // Folded-standardizer inference equals the standardized path.
        let x = test.rows[0]
        let z = mlp.standardizer.transform(x)
        let viaZ = z.withUnsafeBufferPointer { mlp.logit(standardized: $0) }
        #expect(abs(mlp.logit(x) - viaZ) < 1e-9)
    }

    @Test("the MLP's input gradient matches finite differences")
    func gradient() throws {
        var rng = Xoshiro256StarStar(seed: 9)
        let data = try Support.dataset(count: 200, seed: 9)
        let mlp = try MultilayerPerceptron(standardizer: Standardizer(fitting: data), hidden: 8, using: &rng)
        let z = mlp.standardizer.transform(data.rows[3])
        let g = mlp.logitGradient(standardized: z)
        for i in z.indices {
            var up = z, down = z
            up[i] += 1e-6
            down[i] -= 1e-6
            let numeric =
                (up.withUnsafeBufferPointer { mlp.logit(standardized: $0) }
                    - down.withUnsafeBufferPointer { mlp.logit(standardized: $0) }) / 2e-6
            #expect(abs(numeric - g[i]) < 1e-4)
        }
    }

    @Test("bad rows and settings are refused with the reason")
    func validation() throws {
        let spec = FeatureSpecification.transactionFlow
        #expect(throws: ModelError.self) { try spec.validate([1, 2]) }
        var row = try Support.dataset(count: 1, seed: 1).rows[0]
        row[1] = 0.5
        #expect(throws: ModelError.self) { try spec.validate(row) }
        row[1] = 0
        row[0] = .nan
        #expect(throws: ModelError.self) { try spec.validate(row) }
        var config = TrainingConfiguration()
        config.learningRate = -1
        #expect(throws: ModelError.self) { try config.validated() }
        #expect(throws: ModelError.self) {
            try PoisoningAttack.labelFlip(rate: 0.9).apply(
                to: try Support.dataset(count: 10, seed: 1), using: &SystemRandomNumberGenerator.shared)
        }
    }
}

extension SystemRandomNumberGenerator {
    nonisolated(unsafe) static var shared = SystemRandomNumberGenerator()
}
