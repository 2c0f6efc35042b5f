public import AntibodyMath

/// A Uniswap V2 sliding-window TWAP oracle (`ExampleSlidingWindowOracle` /
/// `UniswapV2OracleLibrary.currentCumulativePrices`): it records the pair's cumulative price at
/// each ``record(_:at:)`` and answers the time-weighted average price of token0 over at least
/// `window` seconds, in UQ112x112 (token1 raw units per token0 raw unit · 2¹¹²).
public struct TWAPOracle: Sendable {
    /// The averaging window in seconds.
    public let window: UInt64
    private var observations: [(timestamp: UInt64, cumulative: UInt256)] = []

    /// An oracle averaging over `window` seconds.
    public init(window: UInt64) throws(SimError) {
        guard window > 0 else { throw .invalidInput("TWAP window must be positive") }
        self.window = window
    }

    /// The pair's price0 cumulative at `now`, counterfactually accumulated since its last update
    /// (`currentCumulativePrices`).
    public static func currentCumulative(_ pair: UniswapV2Pair, at now: UInt64) -> UInt256 {
        var cumulative = pair.price0CumulativeLast
        let elapsed = UInt32(truncatingIfNeeded: now) &- pair.blockTimestampLast
        if elapsed > 0, !pair.reserve0.isZero {
            cumulative &+= ((pair.reserve1 << 112) / pair.reserve0) &* UInt256(low64: UInt64(elapsed))
        }
        return cumulative
    }

    /// Records the pair's cumulative price at `now` (what a keeper's `update` does each block).
    public mutating func record(_ pair: UniswapV2Pair, at now: UInt64) {
        observations.append((now, Self.currentCumulative(pair, at: now)))
        // Keep one observation older than the window.
        if let cut = observations.lastIndex(where: { $0.timestamp + window <= now }), cut > 0 {
            observations.removeFirst(cut)
        }
    }

    /// The average price over the latest observation at least `window` old up to `now`, in
    /// UQ112x112; `nil` until such an observation exists.
    public func consult(_ pair: UniswapV2Pair, at now: UInt64) -> UInt256? {
        guard let start = observations.last(where: { $0.timestamp + window <= now }), now > start.timestamp else {
            return nil
        }
        let delta = Self.currentCumulative(pair, at: now) &- start.cumulative
        return delta / UInt256(low64: now - start.timestamp)
    }
}
