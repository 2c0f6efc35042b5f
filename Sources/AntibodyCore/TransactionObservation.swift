/// One transaction as the engine sees it: who sent it, which market it touched, when, and the
/// twelve ``TransactionFeatures`` a transaction classifier scores.
///
/// The feature values are stored inline (no heap storage); `account` and `market` are strings the
/// way every other engine input names its subjects (short ones are stored inline too).
public struct TransactionObservation: Hashable, Sendable, Codable {
    /// The sender (an address or an account name).
    public var account: String
    /// The market, pool or vault the transaction touched, as the policy names it.
    public var market: String
    /// When the transaction was included.
    public var timestamp: Timestamp
    /// Its features.
    public var features: TransactionFeatures

    /// A transaction observation.
    public init(account: String, market: String, timestamp: Timestamp, features: TransactionFeatures) {
        self.account = account
        self.market = market
        self.timestamp = timestamp
        self.features = features
    }
}
