/// A policy file that is not valid: every problem found, in file order.
public struct PolicyError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The problems, sorted by position.
    public let diagnostics: [PolicyDiagnostic]

    /// An error with `diagnostics` (sorted by position here).
    public init(diagnostics: [PolicyDiagnostic]) {
        self.diagnostics = diagnostics.sorted { $0.position < $1.position }
    }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
