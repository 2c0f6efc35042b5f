public import AntibodyCore
public import AntibodyEngine

/// What the engine saw and did during one simulated run. A reference type because the simulator's
/// attacks take their defence by value; only one run writes to a log, from one task.
public final class DefenceLog: @unchecked Sendable {
    /// Every observation the simulator emitted, in order.
    public var observations: [Observation] = []
    /// Simulator streams the scenario did not map (ignored by the engine).
    public var unmapped: Set<String> = []
    /// The engine's decisions.
    public var decisions: [Decision] = []
    /// The actions the engine sent to the port.
    public var actions: [Action] = []
    /// The pauses the engine ordered.
    public var pauses: [PauseRecord] = []
    /// Fees plus user cost per paused hour, USD, from the policy's pause decision.
    public var pauseCostPerHourUSD: Double = 0

    /// An empty log.
    public init() {}
}
