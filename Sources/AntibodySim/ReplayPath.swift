/// A recorded ``PriceSeries`` replayed as a ``PricePath``: each step returns the next recorded
/// price; past the end the last price is held and ``isExhausted`` is true. Uses no randomness.
public struct ReplayPath: PricePath, Hashable {
    /// The series being replayed.
    public let series: PriceSeries
    /// The index of the current price in the series.
    public private(set) var index: Int = 0

    /// A replay starting at the series' first price.
    public init(series: PriceSeries) { self.series = series }

    /// The current price.
    public var price: Double { series.prices[index] }
    /// Whether the replay has reached the last recorded price.
    public var isExhausted: Bool { index == series.prices.count - 1 }

    /// Advances to the next recorded price (or holds the last). O(1).
    public mutating func next(using rng: inout Xoshiro256StarStar) -> Double {
        if index < series.prices.count - 1 { index += 1 }
        return series.prices[index]
    }
}
