/// Traffic recorded from full simulated runs (the simulator's `TrafficRecorder`, wired in the CLI):
/// train / validation / test splits from disjoint recording seeds, and the sender kind of each test
/// row so recall can be broken down per attack.
public struct ReplayData: Sendable {
    /// Training rows.
    public var train: Dataset
    /// Validation rows (operating thresholds are chosen here).
    public var validation: Dataset
    /// Held-out test rows.
    public var test: Dataset
    /// The sender kind of each test row (e.g. `"flashLoanOracle"`), in row order.
    public var testKinds: [String]
    /// The sender kind of each training row (empty: no held-out-attacker study).
    public var trainKinds: [String]

    /// The data.
    ///
    /// - Throws: ``ModelError`` unless `testKinds` has one entry per test row and `trainKinds` is
    ///   empty or has one per training row.
    public init(
        train: Dataset, validation: Dataset, test: Dataset, testKinds: [String], trainKinds: [String] = []
    ) throws(ModelError) {
        guard testKinds.count == test.count else {
            throw .invalidInput("replay test kinds: \(testKinds.count) kinds for \(test.count) rows; give one per row")
        }
        guard trainKinds.isEmpty || trainKinds.count == train.count else {
            throw .invalidInput(
                "replay training kinds: \(trainKinds.count) kinds for \(train.count) rows; give one per row or none")
        }
        self.trainKinds = trainKinds
        self.train = train
        self.validation = validation
        self.test = test
        self.testKinds = testKinds
    }
}
