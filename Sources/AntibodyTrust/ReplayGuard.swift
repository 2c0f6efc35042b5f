/// The nonces of certificates already executed, so none executes twice (the Guardian contract
/// keeps the same set on chain).
///
/// A value type: the caller records a nonce after the action it authorised was executed.
public struct ReplayGuard: Hashable, Sendable, Codable {
    /// The nonces used so far.
    public private(set) var usedNonces: Set<UInt64>

    /// An empty guard, or one restored from stored nonces.
    public init(usedNonces: Set<UInt64> = []) { self.usedNonces = usedNonces }

    /// Whether `nonce` was used.
    public func hasUsed(_ nonce: UInt64) -> Bool { usedNonces.contains(nonce) }

    /// Marks `nonce` used. Returns `false` if it already was (a replay the caller must not execute).
    @discardableResult
    public mutating func record(_ nonce: UInt64) -> Bool { usedNonces.insert(nonce).inserted }
}
