public import AntibodyCore

/// An invariant as the policy declares it: a name, the compiled expression, a severity and the
/// response when it fails.
public struct NamedInvariant: Sendable {
    /// What to do when the invariant fails.
    public enum Response: String, Hashable, Sendable, Codable, CaseIterable {
        /// Alert only.
        case alert
        /// Revert the transition and isolate the offender (guarded execution).
        case isolate
        /// Pause the element the invariant failed on (or the protocol if it ranges over nothing).
        case pause
    }

    /// The policy's name for it.
    public var name: String
    /// The compiled expression.
    public var invariant: CompiledInvariant
    /// How serious a failure is.
    public var severity: Severity
    /// What to do on failure.
    public var response: Response

    /// A named invariant.
    public init(name: String, invariant: CompiledInvariant, severity: Severity, response: Response) {
        self.name = name
        self.invariant = invariant
        self.severity = severity
        self.response = response
    }
}
