public import AntibodyCore
import AntibodyMath

extension FeedRound {
    /// `latestRoundData()`:
    /// `(uint80 roundId, int256 answer, uint256 startedAt, uint256 updatedAt, uint80 answeredInRound)`.
    public static let latestRoundData = ABIFunction(
        name: "latestRoundData", inputs: [], outputs: [.uint(80), .int(256), .uint(256), .uint(256), .uint(80)])

    /// The largest Unix time in seconds a ``Timestamp`` holds in milliseconds.
    static let maximumSeconds = UInt256(low64: UInt64(Int64.max / 1000))

    /// Decodes `latestRoundData()` return data into every field (strictly: every word checked by the
    /// ABI decoder), the answer exactly.
    ///
    /// - Throws: ``ChainError`` if the data is not five words of the right types, the answer does not
    ///   fit 128 bits or a time does not fit a ``Timestamp``.
    public init(returnData: [UInt8]) throws(ChainError) {
        let values = try Self.latestRoundData.decodeOutput(returnData)
        guard let round = values[0].uintValue, case .int(let word) = values[1], let started = values[2].uintValue,
            let updated = values[3].uintValue, let answered = values[4].uintValue
        else { throw .invalidABI("latestRoundData: unexpected return values") }
        guard let answer = Self.int128(word) else {
            throw .invalidABI("latestRoundData: the answer does not fit 128 bits; this is not a price feed")
        }
        guard started <= Self.maximumSeconds, updated <= Self.maximumSeconds else {
            throw .invalidABI("latestRoundData: startedAt or updatedAt is not a Unix time in seconds")
        }
        // uint80 words: the decoder checked the upper bits.
        self.init(
            roundId: UInt128(round.w1) << 64 | UInt128(round.w0), answer: answer,
            startedAt: Timestamp(seconds: Int64(started.w0)), updatedAt: Timestamp(seconds: Int64(updated.w0)),
            answeredInRound: UInt128(answered.w1) << 64 | UInt128(answered.w0))
    }

    /// An `int256` two's-complement word as an `Int128`, or `nil` when it does not fit.
    static func int128(_ word: UInt256) -> Int128? {
        let negative = word.w1 >> 63 == 1
        let fill: UInt64 = negative ? .max : 0
        guard word.w3 == fill, word.w2 == fill else { return nil }
        return Int128(bitPattern: UInt128(word.w1) << 64 | UInt128(word.w0))
    }
}
