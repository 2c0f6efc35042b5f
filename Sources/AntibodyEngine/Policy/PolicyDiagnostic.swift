public import AntibodyDefense

/// One problem found in a policy file: where, what was wrong and what to do.
public struct PolicyDiagnostic: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The file, as given.
    public var file: String
    /// Line and column of the offending key or value.
    public var position: SourcePosition
    /// The key path, e.g. `responses.breakers[0].cooldown`.
    public var path: String
    /// What was wrong.
    public var message: String
    /// What to do about it.
    public var hint: String

    /// A diagnostic with all parts.
    public init(file: String, position: SourcePosition, path: String, message: String, hint: String) {
        self.file = file
        self.position = position
        self.path = path
        self.message = message
        self.hint = hint
    }

    /// `file:line:column: error: message (hint: …)`.
    public var description: String {
        "\(file):\(position.line):\(position.column): error: \(message)" + (hint.isEmpty ? "" : "\n  hint: \(hint)")
    }
}
