public import AntibodyCore

/// What ``DexMonitor`` found after one pool transaction: spot, TWAP and the manipulation signals.
public struct DexSignal: Hashable, Sendable {
    /// The block timestamp.
    public var time: Timestamp
    /// Spot: `reserve1 / reserve0` in human units (token1 per token0).
    public var spot: Double
    /// The TWAP of token0 in token1 over ``window``, from the pair's accumulators; `nil` before two
    /// observations exist.
    public var twap: Double?
    /// The span the TWAP covers.
    public var window: Timestamp.Duration?
    /// The signals found.
    public var reasons: ReasonSet

    /// A signal with every field given.
    @inlinable
    public init(time: Timestamp, spot: Double, twap: Double?, window: Timestamp.Duration?, reasons: ReasonSet) {
        self.time = time
        self.spot = spot
        self.twap = twap
        self.window = window
        self.reasons = reasons
    }

    /// Whether spot may be used at all: no divergence from the TWAP, no reserve jump and no in-block
    /// move-and-revert.
    @inlinable
    public var isSpotUsable: Bool {
        !(reasons.contains(.twapDivergence) || reasons.contains(.reserveJump)
            || reasons.contains(.sameBlockMoveAndRevert) || reasons.contains(.invalidQuote))
    }

    /// The TWAP as a quote for ``SourceAggregator`` (with the signals as flags), or `nil` without a TWAP.
    @inlinable
    public func quote(source: Int, at now: Timestamp) -> SourceQuote? {
        guard let twap else { return nil }
        return SourceQuote(source: source, price: twap, timestamp: now, flags: reasons)
    }
}
