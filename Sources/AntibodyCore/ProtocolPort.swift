/// Where the engine sends its ``Action``s: the protocol being protected.
///
/// The simulator implements it over its protocol models, the chain module over a guardian contract,
/// tests over a recording array. A port never decides; it performs or refuses and says which.
/// `execute` is synchronous so that the engine stays deterministic: a port with I/O (a chain)
/// enqueues the action, returns ``ActionOutcome/queued`` and reports completion later as an event.
public protocol ProtocolPort {
    /// Performs or enqueues `action` and says which.
    mutating func execute(_ action: Action) -> ActionOutcome
}

/// A ``ProtocolPort`` that records every action and applies them all; for tests and dry runs.
public struct RecordingPort: ProtocolPort, Sendable {
    /// Every action received, in order.
    public private(set) var actions: [Action] = []

    /// An empty recorder.
    public init() {}

    public mutating func execute(_ action: Action) -> ActionOutcome {
        actions.append(action)
        return .applied
    }
}
