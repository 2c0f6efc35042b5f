/// A model's public query interface: per-client budgets, Laplace noise calibrated to ε per answer
/// (the output is a probability, sensitivity 1, scale 1/ε), rounding, and a privacy accountant.
///
/// A state machine: ``query(client:input:using:)`` returns the answer or says why it refused.
public struct QueryInterface<Model: BinaryClassifier>: Sendable {
    /// The model answered.
    public let model: Model
    /// The features every query is validated against.
    public let specification: FeatureSpecification
    /// The defences.
    public let policy: QueryPolicy
    /// The ledger.
    public private(set) var accountant = PrivacyAccountant()

    /// An interface.
    public init(model: Model, specification: FeatureSpecification, policy: QueryPolicy) {
        self.model = model
        self.specification = specification
        self.policy = policy
    }

    /// The answer to `input` for `client`.
    ///
    /// - Throws: ``ModelError`` — bad input, or refused because the client's budget is spent.
    public mutating func query(
        client: String, input: [Double], using rng: inout some RandomNumberGenerator
    )
        throws(ModelError) -> Double
    {
        try specification.validate(input)
        let used = accountant.queries[client] ?? 0
        guard used < policy.queryBudget else {
            throw .refused("client \(client) has used its \(policy.queryBudget) queries for this period")
        }
        var answer = model.probability(input)
        if let threshold = policy.decisionThreshold {
            var decision = answer >= threshold
            if let epsilon = policy.epsilonPerQuery, Sampling.unit(&rng) < 1 / (1 + _exp(epsilon)) {
                decision.toggle()
            }
            accountant.charge(client, epsilon: policy.epsilonPerQuery ?? .infinity)
            return decision ? 1 : 0
        }
        if let epsilon = policy.epsilonPerQuery {
            answer += Sampling.laplace(&rng, scale: 1 / epsilon)
        }
        answer = min(max(answer, 0), 1)
        if policy.rounding > 0 { answer = (answer / policy.rounding).rounded() * policy.rounding }
        accountant.charge(client, epsilon: policy.epsilonPerQuery ?? .infinity)
        return answer
    }
}
