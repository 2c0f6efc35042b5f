/// An error in an invariant expression found before it runs: a syntax error, an unknown field or
/// a type error, with its position in the expression, what was wrong and a hint.
public struct InvariantError: Error, Hashable, Sendable, CustomStringConvertible {
    private enum Kind: Hashable, Sendable {
        case syntax
        case unknownField
        case type
    }

    private let kind: Kind
    /// Where, relative to the start of the expression (line 1, column 1).
    public let position: SourcePosition
    /// What was wrong.
    public let message: String
    /// What to do about it.
    public let hint: String

    private init(_ kind: Kind, _ position: SourcePosition, _ message: String, hint: String) {
        self.kind = kind
        self.position = position
        self.message = message
        self.hint = hint
    }

    /// The expression could not be parsed.
    public static func syntax(_ position: SourcePosition, _ message: String, hint: String) -> InvariantError {
        InvariantError(.syntax, position, message, hint: hint)
    }

    /// A name does not denote an entity or field of the protocol state.
    public static func unknownField(_ position: SourcePosition, _ message: String, hint: String) -> InvariantError {
        InvariantError(.unknownField, position, message, hint: hint)
    }

    /// The expression is ill-typed.
    public static func type(_ position: SourcePosition, _ message: String, hint: String) -> InvariantError {
        InvariantError(.type, position, message, hint: hint)
    }

    /// Whether this is a syntax error.
    public var isSyntaxError: Bool { kind == .syntax }
    /// Whether this is an unknown entity or field.
    public var isUnknownField: Bool { kind == .unknownField }
    /// Whether this is a type error.
    public var isTypeError: Bool { kind == .type }

    public var description: String { "\(position): \(message) (hint: \(hint))" }
}
