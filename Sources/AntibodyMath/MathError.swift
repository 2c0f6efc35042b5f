/// An error from exact integer arithmetic or from parsing a number: what was wrong and what to do.
///
/// A public struct wrapping a private enum (as swift-nio and swift-crypto do), so that cases can be
/// added without breaking callers. Use ``isDivisionByZero``, ``isOverflow`` and ``isInvalidNumber`` to
/// tell the kinds apart; ``message`` is for people.
public struct MathError: Error, Hashable, Sendable, CustomStringConvertible {
    private enum Kind: Hashable, Sendable {
        case divisionByZero
        case overflow
        case invalidNumber
    }

    private let kind: Kind
    /// A human-readable explanation: the operation, what was wrong and what to do.
    public let message: String

    private init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// A division (or `mulDiv`, `wadDiv`, …) had a zero divisor.
    public static func divisionByZero(_ message: String) -> MathError { MathError(.divisionByZero, message) }

    /// A result (or an intermediate the contract being modelled checks) does not fit in 256 bits.
    public static func overflow(_ message: String) -> MathError { MathError(.overflow, message) }

    /// Text could not be parsed as a number: empty, a bad character, a sign, or a value ≥ 2²⁵⁶.
    public static func invalidNumber(_ message: String) -> MathError { MathError(.invalidNumber, message) }

    /// Whether this is a division by zero.
    public var isDivisionByZero: Bool { kind == .divisionByZero }

    /// Whether this is an overflow.
    public var isOverflow: Bool { kind == .overflow }

    /// Whether this is a parse error.
    public var isInvalidNumber: Bool { kind == .invalidNumber }

    public var description: String { message }
}
