/// The defences of a model's public query interface.
public struct QueryPolicy: Hashable, Sendable {
    /// Queries each client may make (per accounting period).
    public var queryBudget: Int
    /// ε of the Laplace mechanism per answer (sensitivity 1: a probability in [0, 1]); `nil`
    /// answers without noise.
    public var epsilonPerQuery: Double?
    /// Answers are rounded to multiples of this (0 = no rounding).
    public var rounding: Double
    /// Decisions only: when set, an answer is 1 (attack) or 0 at this threshold, no score; with
    /// `epsilonPerQuery` the decision is flipped with probability 1 / (1 + e^ε) (randomized
    /// response, ε-differentially private per answer) instead of adding Laplace noise.
    public var decisionThreshold: Double? = nil

    /// A policy.
    ///
    /// - Throws: ``ModelError`` for a budget outside 1…10⁹, ε ≤ 0 or rounding outside [0, 1].
    public init(queryBudget: Int, epsilonPerQuery: Double?, rounding: Double) throws(ModelError) {
        guard (1...1_000_000_000).contains(queryBudget) else {
            throw .invalidInput("the query budget must be 1…10⁹, not \(queryBudget)")
        }
        if let epsilonPerQuery, !(epsilonPerQuery.isFinite && epsilonPerQuery > 0) {
            throw .invalidInput("ε per query must be positive and finite, not \(epsilonPerQuery)")
        }
        guard rounding.isFinite, (0...1).contains(rounding) else {
            throw .invalidInput("rounding must be in [0, 1], not \(rounding)")
        }
        self.queryBudget = queryBudget
        self.epsilonPerQuery = epsilonPerQuery
        self.rounding = rounding
    }

    /// Decisions only at `threshold` (in [0, 1]), randomized response at `epsilonPerQuery`.
    ///
    /// - Throws: ``ModelError`` as ``init(queryBudget:epsilonPerQuery:rounding:)``, or a threshold outside [0, 1].
    public static func decisionsOnly(
        queryBudget: Int, epsilonPerQuery: Double?, threshold: Double
    ) throws(ModelError) -> QueryPolicy {
        guard threshold.isFinite, (0...1).contains(threshold) else {
            throw .invalidInput("the decision threshold must be in [0, 1], not \(threshold)")
        }
        var policy = try QueryPolicy(queryBudget: queryBudget, epsilonPerQuery: epsilonPerQuery, rounding: 0)
        policy.decisionThreshold = threshold
        return policy
    }

    /// No defence: unlimited exact answers.
    public static let open = try! QueryPolicy(queryBudget: 1_000_000_000, epsilonPerQuery: nil, rounding: 0)
}
