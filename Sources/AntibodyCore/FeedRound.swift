/// One round of a price feed with Chainlink `AggregatorV3Interface.latestRoundData()` semantics.
///
/// The one round type of every module: AntibodySense's feed guard checks it, AntibodyChain decodes it
/// from `latestRoundData()` and hands it to the engine on ``Observation/round``.
///
/// `answer` is a signed integer scaled by the feed's `decimals` (AntibodySense's `FeedConfig`). Chainlink's
/// `roundId` and `answeredInRound` are `uint80` and its `answer` an `int256`; this type keeps them in
/// 128 bits, which covers every deployed feed (the CSV reader and the ABI decoder reject larger values
/// with a clear error). Times are Chainlink's Unix seconds as ``Timestamp``s.
public struct FeedRound: Hashable, Sendable, Codable {
    /// The round id (proxy round ids carry the phase in the top 16 of 80 bits).
    public var roundId: UInt128
    /// The answer, scaled by `10^decimals`.
    public var answer: Int128
    /// When the round started.
    public var startedAt: Timestamp
    /// When the answer was last updated; zero means the round is not complete.
    public var updatedAt: Timestamp
    /// The round in which the answer was computed; less than `roundId` means the answer is carried over.
    public var answeredInRound: UInt128

    /// The largest round id Chainlink can return (`type(uint80).max`).
    public static let maxRoundId: UInt128 = (1 << 80) - 1

    /// A round with every field given.
    @inlinable
    public init(
        roundId: UInt128, answer: Int128, startedAt: Timestamp, updatedAt: Timestamp, answeredInRound: UInt128
    ) {
        self.roundId = roundId
        self.answer = answer
        self.startedAt = startedAt
        self.updatedAt = updatedAt
        self.answeredInRound = answeredInRound
    }

    /// A complete round (`answeredInRound == roundId`) started and updated at `updatedAt`.
    @inlinable
    public init(roundId: UInt128, answer: Int128, updatedAt: Timestamp) {
        self.init(
            roundId: roundId, answer: answer, startedAt: updatedAt, updatedAt: updatedAt, answeredInRound: roundId)
    }
}
