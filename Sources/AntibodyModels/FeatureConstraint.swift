/// What an attacker can do to one feature of its own transaction (the evasion threat model).
///
/// Splitting a transaction lowers its size, price impact and outflow share; routing it through a
/// fresh or a pre-deployed contract changes the contract's age and the call depth. Protocol and
/// market state (utilisation, volatility), whether a flash loan funds the attack, and the price
/// deviation or withdrawal ratio the attack needs in order to pay are not the attacker's to change.
public enum FeatureConstraint: String, Hashable, Sendable, CaseIterable {
    /// The attacker cannot change the feature.
    case immutable
    /// The attacker can only lower the feature (e.g. by splitting the transaction).
    case decreaseOnly = "decrease-only"
    /// The attacker can only raise the feature.
    case increaseOnly = "increase-only"
    /// The attacker can move the feature either way within its bounds.
    case free
}
