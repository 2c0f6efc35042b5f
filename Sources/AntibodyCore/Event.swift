/// One input to the engine, in event time: a measured value, a change of protocol state, an asset
/// flow, a new block or one transaction's features.
///
/// Everything the pipeline reacts to arrives as an `Event`; the timestamp inside it is the only
/// clock any stage reads.
public enum Event: Hashable, Sendable, Codable {
    /// A measured value of a stream (a price, a pool reserve, …).
    case observation(Observation)
    /// A protocol state field changed: `path` is the invariant language's name for it, e.g.
    /// `"vault.totalAssets"` (single entity) or `"market.totalBorrows[WETH]"` (one element).
    case state(path: String, value: Double, timestamp: Timestamp)
    /// `amount` units of `asset` moved: positive into the protocol, negative out of it, by `account`.
    case flow(asset: String, amount: Double, account: String, timestamp: Timestamp)
    /// A new block (or L2 batch) with its number and timestamp.
    case block(number: Int64, timestamp: Timestamp)
    /// One transaction's features, for the policy's transaction classifier (`[models.flow]`).
    case transaction(TransactionObservation)

    /// When the event happened.
    public var timestamp: Timestamp {
        switch self {
        case .observation(let observation): observation.timestamp
        case .state(_, _, let timestamp): timestamp
        case .flow(_, _, _, let timestamp): timestamp
        case .block(_, let timestamp): timestamp
        case .transaction(let transaction): transaction.timestamp
        }
    }
}
