/// One point of a chart series: seconds since the scenario's start and a value.
public struct SeriesPoint: Hashable, Sendable, Codable {
    /// Seconds since the scenario's start.
    public var t: Double
    /// The value (a price, a TVL in USD, an outflow).
    public var value: Double

    /// A point at `t` seconds with `value`.
    public init(t: Double, value: Double) {
        self.t = t
        self.value = value
    }
}
