public import AntibodyCore

/// A ``ProtocolPort`` that forwards to another and counts the actions it queued, so that a driver
/// knows exactly how many orders to take from an asynchronous port's queue (the chain drill).
public struct CountingPort<Inner: ProtocolPort>: ProtocolPort {
    /// The port actions go to.
    public var port: Inner
    /// Actions the inner port answered with ``ActionOutcome/queued``.
    public private(set) var queued = 0
    /// Every outcome, in order.
    public private(set) var outcomes: [ActionOutcome] = []

    /// A counter in front of `port`.
    public init(port: Inner) { self.port = port }

    public mutating func execute(_ action: Action) -> ActionOutcome {
        let outcome = port.execute(action)
        if outcome == .queued { queued += 1 }
        outcomes.append(outcome)
        return outcome
    }
}
