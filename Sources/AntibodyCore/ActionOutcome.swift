/// What a ``ProtocolPort`` did with an ``Action``.
public enum ActionOutcome: Hashable, Sendable, Codable {
    /// Performed; the protocol state already reflects it (simulator) or it is final (chain receipt).
    case applied
    /// Accepted for asynchronous execution (e.g. a transaction submitted to a chain); the port
    /// reports the final result later as an event.
    case queued
    /// Refused, with the reason (e.g. `"already paused"`, `"quorum not reached"`).
    case rejected(String)
}
