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
        let agreement = try surrogateAgreement(
            model: interface.model, specification: interface.specification, rows: rows, labels: labels, fresh: fresh,
            using: &rng)
        return Result(answered: rows.count, epsilonSpent: spent, agreement: agreement)
    }

    /// The zero-query baseline: the same surrogate trained on `rows` with labels the attacker
    /// knows without asking the model (public incident reports, its own attack attempts), and its
    /// agreement with `model`'s decisions on `fresh` — and, when `freshLabels` are given, its
    /// accuracy against them.
    ///
    /// - Throws: ``ModelError`` from training or a malformed row.
    public func groundTruthBaseline<Model: BinaryClassifier>(
        model: Model, specification: FeatureSpecification, rows: [[Double]], labels: [Bool], fresh: [[Double]],
        freshLabels: [Bool], using rng: inout some RandomNumberGenerator
    ) throws(ModelError) -> (agreement: Double, accuracy: Double?) {
        guard rows.count == labels.count, freshLabels.isEmpty || freshLabels.count == fresh.count else {
            throw .invalidInput("the baseline needs one label per row (\(rows.count) rows, \(labels.count) labels)")
        }
        let surrogate = try self.surrogate(specification: specification, rows: rows, labels: labels, using: &rng)
        let agreement = Self.agreement(fresh: fresh, surrogate) { model.probability($0) >= 0.5 }
        guard !freshLabels.isEmpty else { return (agreement, nil) }
        let correct = zip(fresh, freshLabels).filter { surrogate($0.0) == $0.1 }.count
        return (agreement, fresh.isEmpty ? 1 : Double(correct) / Double(fresh.count))
    }

    /// Agreement on `fresh` between a logistic surrogate fitted to (`rows`, `labels`) and `model`'s
    /// decisions at 0.5.
    func surrogateAgreement<Model: BinaryClassifier>(
        model: Model, specification: FeatureSpecification, rows: [[Double]], labels: [Bool], fresh: [[Double]],
        using rng: inout some RandomNumberGenerator
    ) throws(ModelError) -> Double {
        let surrogate = try self.surrogate(specification: specification, rows: rows, labels: labels, using: &rng)
        return Self.agreement(fresh: fresh, surrogate) { model.probability($0) >= 0.5 }
    }

    /// The surrogate's decision function: a logistic regression on (`rows`, `labels`), or a
    /// constant when they hold one class only (or nothing).
    func surrogate(
        specification: FeatureSpecification, rows: [[Double]], labels: [Bool],
        using rng: inout some RandomNumberGenerator
    ) throws(ModelError) -> ([Double]) -> Bool {
        guard Set(labels).count == 2 else {
            let constant = labels.first ?? false
            return { _ in constant }
        }
        let data = try Dataset(specification: specification, rows: rows, labels: labels)
        let fitted = try Trainer.train(
            LogisticRegression(standardizer: Standardizer(fitting: data)), on: data, configuration: configuration,
            using: &rng)
        return { fitted.probability($0) >= 0.5 }
    }

    /// Share of `fresh` on which `surrogate` and `reference` decide alike (1 when `fresh` is empty).
    static func agreement(
        fresh: [[Double]], _ surrogate: ([Double]) -> Bool, reference: ([Double]) -> Bool
    ) -> Double {
        guard !fresh.isEmpty else { return 1 }
        return Double(fresh.filter { surrogate($0) == reference($0) }.count) / Double(fresh.count)
    }
}
