/// What ``ModelEvaluation`` runs: sizes, budgets and rates (defaults are the documented ones).
public struct EvaluationSettings: Hashable, Sendable {
    /// Hidden units of the MLP.
    public var hidden = 24
    /// Training configuration of every classifier.
    public var training = TrainingConfiguration()
    /// Target false-positive rate when choosing the operating threshold on validation data.
    public var targetFalsePositiveRate = 0.005
    /// Poisoning rates.
    public var poisoningRates = [0.01, 0.05, 0.10, 0.20]
    /// The split the poisoning runs are measured on: ``PoisoningSplit/validation`` for choosing
    /// defence settings, ``PoisoningSplit/test`` (the default) for the published figures.
    public var poisoningSplit = PoisoningSplit.test
    /// The poisoning defence: filtering before training…
    public var sanitizer = TrainingSanitizer()
    /// …and how the defended model's batches are combined after filtering (trimmed loss: 3 % of a
    /// 64-row batch, i.e. its highest-loss row, is left out of each step).
    public var defendedTraining = RobustTraining.trimmedLoss(fraction: 0.03)
    /// Evasion budget (reference standard deviations).
    public var evasionEpsilon = 1.0
    /// PGD iterations.
    public var pgdSteps = 20
    /// Queries per client per period.
    public var queryBudget = 100
    /// ε per answer.
    public var epsilonPerQuery = 5.0
    /// Answer rounding.
    public var rounding = 0.1
    /// ε per answer of the decisions-only (randomized response) interfaces measured.
    public var decisionEpsilons = [0.5, 1.0, 2.0, 4.6]
    /// Queries the undefended extraction attacker makes.
    public var undefendedQueries = 5_000
    /// Query counts on the extraction curve.
    public var extractionCurve = [25, 50, 100, 250, 1_000, 5_000]
    /// Public-traffic rows the zero-query (true-label) extraction baseline trains on.
    public var groundTruthCurve = [25, 100, 1_000, 5_000]
    /// Forecast horizon of the volatility model (returns).
    public var volatilityHorizon = 24

    /// The defaults.
    public init() {}
}
