/// How serious an alert or a decision is, ordered from least to most severe.
///
/// The policy names severities in lower case (`"info"`, `"warning"`, `"high"`, `"critical"`); the
/// engine uses them to choose responses (for example only `critical` invariant violations pause a
/// whole protocol) and the node uses them to route alerts.
public enum Severity: String, Hashable, Comparable, Sendable, Codable, CaseIterable, CustomStringConvertible {
    /// Worth recording; no response.
    case info
    /// Unusual; worth a human look.
    case warning
    /// Likely harmful; automatic responses may act on a limited scope.
    case high
    /// An attack or an invariant breach in progress; the strongest allowed response applies.
    case critical

    private var rank: Int {
        switch self {
        case .info: 0
        case .warning: 1
        case .high: 2
        case .critical: 3
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }

    public var description: String { rawValue }
}
