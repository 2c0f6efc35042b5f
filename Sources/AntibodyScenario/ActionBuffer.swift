public import AntibodyCore

/// The ``ProtocolPort`` the engine drives in a simulation: it accepts every action and keeps it
/// until the simulator's guardrails take it, so the engine never touches simulator state directly.
public struct ActionBuffer: ProtocolPort, Sendable {
    /// Actions received and not yet applied.
    public var pending: [Action] = []
    /// Every action received, in order.
    public private(set) var history: [Action] = []

    /// An empty buffer.
    public init() {}

    public mutating func execute(_ action: Action) -> ActionOutcome {
        pending.append(action)
        history.append(action)
        return .applied
    }
}
