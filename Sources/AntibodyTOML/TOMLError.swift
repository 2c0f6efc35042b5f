/// A TOML document that cannot be parsed: where, what was wrong and what to do.
public struct TOMLError: Error, Hashable, Sendable, CustomStringConvertible {
    private enum Kind: Hashable, Sendable {
        /// The text does not follow the TOML 1.0 grammar.
        case syntax
        /// A key or table is defined twice, or a value is extended after it was closed.
        case redefinition
        /// The input is larger or nested deeper than the parser accepts.
        case limit
    }

    private let kind: Kind
    /// Where the problem starts.
    public let position: TOMLPosition
    /// What was wrong.
    public let message: String
    /// What to do about it.
    public let hint: String

    private init(_ kind: Kind, _ position: TOMLPosition, _ message: String, hint: String) {
        self.kind = kind
        self.position = position
        self.message = message
        self.hint = hint
    }

    /// Text that does not follow the grammar.
    static func syntax(_ position: TOMLPosition, _ message: String, hint: String) -> TOMLError {
        TOMLError(.syntax, position, message, hint: hint)
    }

    /// A key, table or array of tables defined twice or extended after it was closed.
    static func redefinition(_ position: TOMLPosition, _ message: String, hint: String) -> TOMLError {
        TOMLError(.redefinition, position, message, hint: hint)
    }

    /// Input over a size or nesting bound.
    static func limit(_ position: TOMLPosition, _ message: String, hint: String) -> TOMLError {
        TOMLError(.limit, position, message, hint: hint)
    }

    /// Whether the error is a duplicate key or table rather than a grammar error.
    public var isRedefinition: Bool { kind == .redefinition }

    /// Whether the input was refused for its size or nesting depth.
    public var isLimit: Bool { kind == .limit }

    /// `line:column: message (hint)`.
    public var description: String { "\(position): \(message)" + (hint.isEmpty ? "" : " (\(hint))") }
}
