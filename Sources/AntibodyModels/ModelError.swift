/// An error from the models module.
///
/// A public struct wrapping a private enum, as swift-nio and swift-crypto do, so cases can be added
/// without breaking callers. `message` says what was wrong, where, and what to do.
public struct ModelError: Error, Hashable, Sendable, CustomStringConvertible {
    private enum Kind: Hashable, Sendable {
        case invalidInput
        case integrity
        case refused
    }

    private let kind: Kind
    /// A human-readable explanation: what, where, what to do.
    public let message: String

    private init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// A row, dataset, parameter or model document is malformed or out of range (bad input).
    public static func invalidInput(_ message: String) -> ModelError { ModelError(.invalidInput, message) }

    /// A model failed its integrity check: unsigned, signed by the wrong keys, or changed since
    /// governance signed it.
    public static func integrity(_ message: String) -> ModelError { ModelError(.integrity, message) }

    /// A query was refused (budget or privacy allowance exhausted).
    public static func refused(_ message: String) -> ModelError { ModelError(.refused, message) }

    /// Whether the error is bad input (exit code 2 in the CLI).
    public var isBadInput: Bool { kind == .invalidInput }

    /// Whether the error is an integrity refusal.
    public var isIntegrityFailure: Bool { kind == .integrity }

    public var description: String { message }
}
