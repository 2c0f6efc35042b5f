/// Model extraction: a client queries the interface on inputs it can collect (public chain
/// traffic, plus its own attack ideas), labels them with the answers (≥ 0.5 ⇒ attack), trains a
/// logistic surrogate, and is measured by its agreement with the real model's decisions on fresh
/// inputs.
public struct ExtractionAttack: Sendable {
    /// The surrogate's training configuration.
    public var configuration = TrainingConfiguration()

    /// An attack.
    public init() {}

    /// What the attack achieved.
    public struct Result: Hashable, Sendable {
        /// Queries answered.
        public let answered: Int
        /// ε the client spent (infinite without noise).
        public let epsilonSpent: Double
        /// Share of `fresh` rows on which the surrogate's decision equals the model's.
        public let agreement: Double
    }

    /// Runs the attack: queries `pool` in order until the interface refuses, trains, compares on `fresh`.
    ///
    /// - Throws: ``ModelError`` from training or a malformed row.
    public func run<Model: BinaryClassifier>(
        against interface: inout QueryInterface<Model>, client: String, pool: [[Double]], fresh: [[Double]],
        using rng: inout some RandomNumberGenerator
    ) throws(ModelError) -> Result {
        var rows: [[Double]] = []
        var labels: [Bool] = []
        for input in pool {
            do {
                let answer = try interface.query(client: client, input: input, using: &rng)
                rows.append(input)
                labels.append(answer >= 0.5)
            } catch {
                if error.isBadInput { throw error }
                break
            }
        }
        let spent = interface.accountant.epsilonSpent[client] ?? 0
        let model = interface.model
        let threshold = 0.5
        func agreement(_ surrogate: (([Double]) -> Bool)) -> Double {
            guard !fresh.isEmpty else { return 1 }
            let same = fresh.filter { surrogate($0) == (model.probability($0) >= threshold) }.count
            return Double(same) / Double(fresh.count)
        }
        // With one class only (or nothing), the best surrogate is a constant.
        guard Set(labels).count == 2 else {
            let constant = labels.first ?? false
            return Result(answered: rows.count, epsilonSpent: spent, agreement: agreement { _ in constant })
        }
        let data = try Dataset(specification: interface.specification, rows: rows, labels: labels)
        let surrogate = try Trainer.train(
            LogisticRegression(standardizer: Standardizer(fitting: data)), on: data, configuration: configuration,
            using: &rng)
        return Result(
            answered: rows.count, epsilonSpent: spent, agreement: agreement { surrogate.probability($0) >= 0.5 })
    }
}
