public import AntibodyCore

/// A recorded price series of one asset, ascending in time.
public struct PriceSeries: Hashable, Sendable {
    /// The asset, as the policy names it.
    public var asset: String
    /// Timestamps, ascending.
    public var timestamps: [Timestamp]
    /// Prices, one per timestamp.
    public var prices: [Double]
    /// Source of each price, if the file names one.
    public var sources: [String?]

    /// A series of `asset`.
    public init(asset: String, timestamps: [Timestamp], prices: [Double], sources: [String?]) {
        self.asset = asset
        self.timestamps = timestamps
        self.prices = prices
        self.sources = sources
    }
}
