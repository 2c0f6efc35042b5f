public import AntibodyCore

/// A Chainlink read as Liquity v1's `PriceFeed` sees it: `latestRoundData()` (or `getRoundData`) plus
/// `decimals()`, with `success == false` when either call reverted.
public struct ChainlinkResponse: Hashable, Sendable {
    /// Whether the calls succeeded; a failed read is broken.
    public var success: Bool
    /// The round id; 0 is broken.
    public var roundId: UInt128
    /// The answer, scaled by `10^decimals`; ≤ 0 is broken.
    public var answer: Int128
    /// `updatedAt`; 0 or in the future is broken.
    public var timestamp: Timestamp
    /// The feed's decimals (Liquity assumes the previous round used the current decimals).
    public var decimals: Int

    /// A successful read.
    @inlinable
    public init(roundId: UInt128, answer: Int128, timestamp: Timestamp, decimals: Int = 8) {
        self.success = true
        self.roundId = roundId
        self.answer = answer
        self.timestamp = timestamp
        self.decimals = decimals
    }

    /// A read whose call reverted.
    public static let failed = ChainlinkResponse(success: false)

    @inlinable
    init(success: Bool) {
        self.success = success
        roundId = 0
        answer = 0
        timestamp = .epoch
        decimals = 0
    }
}
