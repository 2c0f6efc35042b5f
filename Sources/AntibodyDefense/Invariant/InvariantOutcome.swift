/// The result of evaluating one invariant against a ``StateStore``.
public enum InvariantOutcome: Hashable, Sendable {
    /// The condition holds (for every element it ranges over).
    case holds
    /// The condition is false; `element` names the first offending element when the invariant
    /// ranges over an entity (`"vault:yvUSDC"`), `nil` otherwise.
    case violated(element: String?)
    /// Evaluation failed (division by zero, overflow, non-finite float). This is an alert of its
    /// own, never a pass.
    case failed(EvalError, element: String?)

    /// Whether the invariant holds.
    public var holds: Bool { self == .holds }
}
