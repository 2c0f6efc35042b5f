/// An error from the simulator: bad input (a price file, a scenario, a parameter) or a protocol
/// operation the modelled contract would revert.
///
/// A public struct wrapping a private enum, as swift-nio and swift-crypto do. `message` says what
/// was wrong, where, and what to do; `revertReason` carries the contract's revert string when the
/// error models a revert (for example `"UniswapV2: K"`), so tests can match on it exactly.
public struct SimError: Error, Hashable, Sendable, CustomStringConvertible {
    private enum Kind: Hashable, Sendable {
        case invalidInput
        case revert
    }

    private let kind: Kind
    /// A human-readable explanation: what, where, what to do.
    public let message: String
    /// The revert reason of the modelled contract, or `nil` for input errors.
    public let revertReason: String?

    private init(_ kind: Kind, _ message: String, reason: String? = nil) {
        self.kind = kind
        self.message = message
        self.revertReason = reason
    }

    /// Input (a file, a scenario, a parameter) was malformed or out of range.
    public static func invalidInput(_ message: String) -> SimError { SimError(.invalidInput, message) }

    /// The modelled contract reverts with `reason`; `detail` adds context for humans.
    public static func revert(_ reason: String, _ detail: String = "") -> SimError {
        SimError(.revert, detail.isEmpty ? "reverted: \(reason)" : "reverted: \(reason) (\(detail))", reason: reason)
    }

    /// Whether this error models a contract revert (as opposed to bad input).
    public var isRevert: Bool { kind == .revert }

    public var description: String { message }
}
