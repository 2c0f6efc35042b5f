/// The traffic ``ModelEvaluation`` runs on, produced by the caller (the simulator's agents and
/// attackers, wired in the CLI) so the models module stays on plain feature vectors.
public struct EvaluationData: Sendable {
    /// Training rows.
    public var train: Dataset
    /// Validation rows (operating thresholds are chosen here, never on the test rows).
    public var validation: Dataset
    /// Held-out test rows.
    public var test: Dataset
    /// Unlabelled inputs an extraction attacker can collect (public traffic, attacks rare).
    public var publicTraffic: [[Double]]
    /// The true labels of `publicTraffic` (empty: unknown), for the zero-query baseline of an
    /// attacker that labels public traffic itself from public incident knowledge.
    public var publicTrafficLabels: [Bool]
    /// Fresh inputs on which surrogate agreement is measured (half attacks).
    public var fresh: [[Double]]
    /// The true labels of `fresh` (empty: unknown).
    public var freshLabels: [Bool]
    /// A window of traffic in a market whose volatility tripled (for the drift test).
    public var volatileWindow: [[Double]]
    /// Returns to fit the volatility forecaster on, and to test it on (optional).
    public var volatilityReturns: (train: [Double], test: [Double])?

    /// The data.
    public init(
        train: Dataset, validation: Dataset, test: Dataset, publicTraffic: [[Double]], fresh: [[Double]],
        volatileWindow: [[Double]], volatilityReturns: (train: [Double], test: [Double])? = nil,
        publicTrafficLabels: [Bool] = [], freshLabels: [Bool] = []
    ) {
        self.train = train
        self.validation = validation
        self.test = test
        self.publicTraffic = publicTraffic
        self.fresh = fresh
        self.publicTrafficLabels = publicTrafficLabels
        self.freshLabels = freshLabels
        self.volatileWindow = volatileWindow
        self.volatilityReturns = volatilityReturns
    }
}
