public import AntibodyMath

/// A Chainlink-style `latestRoundData()` answer:
/// `(uint80 roundId, int256 answer, uint256 startedAt, uint256 updatedAt, uint80 answeredInRound)`.
public struct FeedRound: Hashable, Sendable {
    /// The round id.
    public var roundID: UInt256
    /// The answer in the feed's fixed point (`decimals()`); negative answers are kept as such.
    public var answer: Double
    /// When the round was last updated, Unix seconds.
    public var updatedAt: UInt64

    /// A round.
    public init(roundID: UInt256, answer: Double, updatedAt: UInt64) {
        self.roundID = roundID
        self.answer = answer
        self.updatedAt = updatedAt
    }

    /// `latestRoundData()`.
    public static let latestRoundData = ABIFunction(
        name: "latestRoundData", inputs: [], outputs: [.uint(80), .int(256), .uint(256), .uint(256), .uint(80)])

    /// Decodes `latestRoundData()` return data (strictly: every word checked by the ABI decoder).
    ///
    /// - Throws: ``ChainError`` if the data is not five words of the right types or `updatedAt`
    ///   does not fit 64 bits.
    public init(returnData: [UInt8]) throws(ChainError) {
        let values = try Self.latestRoundData.decodeOutput(returnData)
        guard let round = values[0].uintValue, case .int(let word) = values[1], let updated = values[3].uintValue,
            updated <= UInt256(UInt64.max)
        else { throw .invalidABI("latestRoundData: unexpected return values") }
        let negative = word.w3 >> 63 == 1
        let magnitude = negative ? (~word) &+ 1 : word
        let value = Double(magnitude)
        self.init(roundID: round, answer: negative ? -value : value, updatedAt: updated.w0)
    }
}
