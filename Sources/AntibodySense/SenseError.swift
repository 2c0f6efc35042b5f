/// An error from the oracle guard: bad configuration or malformed recorded input.
///
/// A public struct wrapping a private enum, as swift-nio and swift-crypto do, so cases can be added
/// without breaking callers. `message` says what was wrong, where, and what to do.
public struct SenseError: Error, Hashable, Sendable, CustomStringConvertible {
    private enum Kind: Hashable, Sendable {
        case invalidConfiguration
        case malformedInput
        case arithmetic
    }

    private let kind: Kind
    /// A human-readable explanation: what was wrong, where, and what to do.
    public let message: String

    private init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// A configuration value is out of range; `message` names it and the accepted range.
    public static func invalidConfiguration(_ message: String) -> SenseError {
        SenseError(.invalidConfiguration, message)
    }

    /// Recorded input (a CSV file, a round, a pool state) is malformed; `message` says where.
    public static func malformedInput(_ message: String) -> SenseError { SenseError(.malformedInput, message) }

    /// Exact integer arithmetic would overflow the range the contract being modelled accepts.
    public static func arithmetic(_ message: String) -> SenseError { SenseError(.arithmetic, message) }

    /// Whether this is a configuration error.
    public var isInvalidConfiguration: Bool { kind == .invalidConfiguration }
    /// Whether this is a malformed-input error.
    public var isMalformedInput: Bool { kind == .malformedInput }

    public var description: String { message }
}
