/// A runtime error while evaluating an invariant: division by zero, overflow or a non-finite
/// float. The engine turns it into an alert of its own; it never counts as the invariant holding.
public struct EvalError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: String, Hashable, Sendable, Codable {
        /// A division or remainder by zero.
        case divisionByZero
        /// An integer or decimal result outside its range.
        case overflow
        /// A float operation gave infinity or NaN.
        case notFinite
    }

    /// What went wrong.
    public let kind: Kind
    /// Where in the expression (the operator or function that failed).
    public let position: SourcePosition

    /// An error of `kind` at `position`.
    public init(_ kind: Kind, at position: SourcePosition) {
        self.kind = kind
        self.position = position
    }

    public var description: String {
        switch kind {
        case .divisionByZero: "division by zero at \(position)"
        case .overflow: "arithmetic overflow at \(position)"
        case .notFinite: "non-finite float result at \(position)"
        }
    }
}
