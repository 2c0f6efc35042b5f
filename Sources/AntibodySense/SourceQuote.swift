public import AntibodyCore

/// One source's price at one moment, as the aggregator receives it: a CEX price, a checked feed
/// round, a DEX TWAP, or a price with a confidence interval (Pyth-style `price ± confidence`).
public struct SourceQuote: Hashable, Sendable {
    /// The source's index, `0..<capacity` of the aggregator; stable across calls (reputation is kept per index).
    public var source: Int
    /// The price in human units.
    public var price: Double
    /// The half-width of the source's confidence interval in price units; 0 when the source gives none.
    public var confidence: Double
    /// When the price was observed. For a feed round checked by ``FeedGuard`` (which owns feed
    /// freshness), use the evaluation time.
    public var timestamp: Timestamp
    /// Problems found upstream (by ``FeedGuard``, ``DexMonitor``, …). A disqualifying one excludes the
    /// quote; the others are carried into the verdict and make it `degraded`.
    public var flags: ReasonSet

    /// A quote with every field given.
    @inlinable
    public init(source: Int, price: Double, confidence: Double = 0, timestamp: Timestamp, flags: ReasonSet = ReasonSet()) {
        self.source = source
        self.price = price
        self.confidence = confidence
        self.timestamp = timestamp
        self.flags = flags
    }
}
