/// A ``DecisionRecorder`` that keeps every decision in memory (backtests, tests).
public struct CollectingRecorder: DecisionRecorder, Sendable {
    /// Decisions, in order.
    public private(set) var decisions: [Decision] = []

    /// An empty recorder.
    public init() {}

    public mutating func record(_ decision: Decision) {
        decisions.append(decision)
    }
}
