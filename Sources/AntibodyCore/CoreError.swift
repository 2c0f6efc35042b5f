/// An error in a core domain value: what was wrong and what to do.
///
/// A public struct wrapping a private enum, as swift-nio and swift-crypto do, so cases can be added
/// without breaking callers.
public struct CoreError: Error, Hashable, Sendable, CustomStringConvertible {
    private enum Kind: Hashable, Sendable {
        case invalidValue
    }

    private let kind: Kind
    /// A human-readable explanation.
    public let message: String

    private init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// A value was out of range or malformed; `message` says which and what is accepted.
    public static func invalidValue(_ message: String) -> CoreError { CoreError(.invalidValue, message) }

    public var description: String { message }
}
