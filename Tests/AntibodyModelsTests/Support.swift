import AntibodyModels
import AntibodySim

/// Small datasets from the simulator's traffic for tests (kept small: CI runs tests in debug).
enum Support {
    static func dataset(count: Int, seed: UInt64, attackShare: Double = 0.3) throws -> Dataset {
        let rows = try TrafficGenerator(attackShare: attackShare).generate(count: count, seed: seed)
        return try Dataset(
            specification: .transactionFlow, rows: rows.map(\.features.vector), labels: rows.map(\.isAttack))
    }

    static func logistic(_ data: Dataset, seed: UInt64, epochs: Int = 8) throws -> LogisticRegression {
        var config = TrainingConfiguration()
        config.epochs = epochs
        var rng = Xoshiro256StarStar(seed: seed)
        return try Trainer.train(
            LogisticRegression(standardizer: Standardizer(fitting: data)), on: data, configuration: config, using: &rng)
    }
}
