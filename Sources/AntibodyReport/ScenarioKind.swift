/// Whether a scenario replays an attack (loss expected with the defence off) or is a calm control
/// (any pause in it is a false pause).
public enum ScenarioKind: String, Hashable, Sendable, Codable, CaseIterable {
    /// An attack or stress event modelled on a real incident.
    case attack
    /// A calm market, where every pause is a false pause.
    case control
}
