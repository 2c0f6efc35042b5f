/// One measured value of a named stream at a point in event time.
///
/// A stream is anything a detector watches: a price (`"ETH/USD"`), a pool reserve, a vault's
/// outflow per block. `source` names where the value came from (an exchange, a feed, a pool) when
/// a stream has several.
public struct Observation: Hashable, Sendable, Codable {
    /// The stream's name, as the policy spells it.
    public var stream: String
    /// When the value was measured.
    public var timestamp: Timestamp
    /// The measured value.
    public var value: Double
    /// Where it came from, if the stream has several sources.
    public var source: String?

    /// An observation of `value` on `stream` at `timestamp`.
    public init(stream: String, timestamp: Timestamp, value: Double, source: String? = nil) {
        self.stream = stream
        self.timestamp = timestamp
        self.value = value
        self.source = source
    }
}
