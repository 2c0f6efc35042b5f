import AntibodyCore

/// Receives every decision the engine makes, with its evidence, in event-time order.
///
/// The backtest collects them into a report, the node writes them to the audit log, tests inspect
/// them. Implementations must not feed anything back into the engine.
public protocol DecisionRecorder {
    /// Records one decision.
    mutating func record(_ decision: Decision)
}
