public import AntibodyEngine
public import AntibodyReport

/// A parsed, validated scenario file: what to simulate, with which policy, and how the simulator's
/// streams reach the engine. See docs/scenarios.md for the file format.
public struct ScenarioSpec: Sendable {
    /// Short name (`[scenario] name`).
    public var name: String
    /// Attack or control.
    public var kind: ScenarioKind
    /// Human title.
    public var title: String
    /// Post-mortem facts and the model mapping.
    public var facts: String
    /// What the scenario does not model.
    public var limitations: String
    /// The file it came from.
    public var file: String
    /// The simulated model with its parameters.
    public var model: ScenarioModel
    /// The policy under test, loaded and validated.
    public var policy: Policy
    /// Path of the policy file.
    public var policyFile: String
    /// The seed.
    public var seed: UInt64
    /// Simulator stream → engine input.
    public var streams: [String: StreamMapping]
    /// The stream charted as "price".
    public var chart: String?
    /// Index of the observation at which the first malicious transaction lands, for models that
    /// do not report it themselves.
    public var attackStartObservation: Int
    /// Minutes of calm history the defence has seen before the first observation.
    public var historyMinutes: Int = 60
}
