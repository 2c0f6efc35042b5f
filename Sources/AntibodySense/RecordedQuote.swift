public import AntibodyCore

/// One recorded price of a source: time, price and optional confidence half-width.
public struct RecordedQuote: Hashable, Sendable {
    /// When the price was observed.
    public var timestamp: Timestamp
    /// The price in human units.
    public var price: Double
    /// The confidence half-width (0 when the file has none).
    public var confidence: Double

    /// A recorded quote.
    public init(timestamp: Timestamp, price: Double, confidence: Double = 0) {
        self.timestamp = timestamp
        self.price = price
        self.confidence = confidence
    }
}
