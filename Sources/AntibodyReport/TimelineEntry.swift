/// One decision of the engine as the report shows it: when, what, why, and the numbers behind it
/// (score, threshold, expected loss, pause cost, …).
public struct TimelineEntry: Hashable, Sendable, Codable {
    /// Seconds since the scenario's start.
    public var t: Double
    /// The decision's kind (`"alarm"`, `"breakerTripped"`, `"invariantViolated"`, …).
    public var kind: String
    /// `info`, `warning`, `high` or `critical`.
    public var severity: String
    /// A one-line explanation.
    public var message: String
    /// The actions sent to the protocol, as text.
    public var actions: [String]
    /// Named numbers behind the decision, sorted by name when rendered.
    public var evidence: [String: Double]

    /// An entry with all its parts.
    public init(
        t: Double, kind: String, severity: String, message: String, actions: [String] = [],
        evidence: [String: Double] = [:]
    ) {
        self.t = t
        self.kind = kind
        self.severity = severity
        self.message = message
        self.actions = actions
        self.evidence = evidence
    }
}
