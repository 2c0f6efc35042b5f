/// One measured value of a named stream at a point in event time.
///
/// A stream is anything a detector watches: a price (`"ETH/USD"`), a pool reserve, a vault's
/// outflow per block. `source` names where the value came from (an exchange, a feed, a pool) when
/// a stream has several. A price read from an on-chain feed also carries the feed's whole ``round``, so
/// the engine's oracle guard checks the round itself (incomplete, not increasing, zero start) rather
/// than only the price.
public struct Observation: Hashable, Sendable, Codable {
    /// The stream's name, as the policy spells it.
    public var stream: String
    /// When the value was measured.
    public var timestamp: Timestamp
    /// The measured value.
    public var value: Double
    /// Where it came from, if the stream has several sources.
    public var source: String?
    /// The feed round `value` was read from (`value` is its answer in human units, `timestamp` its
    /// `updatedAt`), or `nil` for a plain price (an exchange quote, a simulation, a CSV backtest).
    public var round: FeedRound?

    /// An observation of `value` on `stream` at `timestamp`, read from `round` when given.
    public init(stream: String, timestamp: Timestamp, value: Double, source: String? = nil, round: FeedRound? = nil) {
        self.stream = stream
        self.timestamp = timestamp
        self.value = value
        self.source = source
        self.round = round
    }
}
