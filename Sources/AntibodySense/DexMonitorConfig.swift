public import AntibodyCore

/// The configuration of ``DexMonitor``.
public struct DexMonitorConfig: Hashable, Sendable {
    /// Decimals of token0 and token1, to turn `reserve1 / reserve0` into a human price of token0 in token1.
    public var decimals0: Int
    /// Decimals of token1.
    public var decimals1: Int
    /// The TWAP window: the average runs from the newest observation at least this old.
    public var window: Timestamp.Duration
    /// A TWAP over less than this is flagged ``PriceReason/twapWindowTooShort``.
    public var minimumWindow: Timestamp.Duration
    /// Spot farther than this fraction from the TWAP is ``PriceReason/twapDivergence``.
    public var maxDivergence: Double
    /// A reserve changing by more than this fraction in one transaction is ``PriceReason/reserveJump``.
    public var maxReserveChange: Double
    /// An in-block move of spot beyond this fraction from the block's opening price …
    public var moveThreshold: Double
    /// … that returns within this fraction of it in the same block is ``PriceReason/sameBlockMoveAndRevert``.
    public var revertTolerance: Double
    /// How many block observations the TWAP ring keeps (allocated once).
    public var capacity: Int

    /// A configuration with the documented defaults (30 min window, 5 % divergence, 30 % reserve change,
    /// 5 % move reverting to within 0.5 %).
    public init(
        decimals0: Int = 18, decimals1: Int = 18, window: Timestamp.Duration = .minutes(30),
        minimumWindow: Timestamp.Duration = .minutes(5), maxDivergence: Double = 0.05, maxReserveChange: Double = 0.3,
        moveThreshold: Double = 0.05, revertTolerance: Double = 0.005, capacity: Int = 512
    ) {
        self.decimals0 = decimals0
        self.decimals1 = decimals1
        self.window = window
        self.minimumWindow = minimumWindow
        self.maxDivergence = maxDivergence
        self.maxReserveChange = maxReserveChange
        self.moveThreshold = moveThreshold
        self.revertTolerance = revertTolerance
        self.capacity = capacity
    }

    /// Checks every field; throws an error naming the bad one and the accepted range.
    public func validate() throws(SenseError) {
        guard (0...36).contains(decimals0), (0...36).contains(decimals1) else {
            throw .invalidConfiguration("token decimals \(decimals0)/\(decimals1); use 0…36")
        }
        guard window.milliseconds > 0, minimumWindow.milliseconds >= 0, minimumWindow <= window,
            window <= .hours(24 * 30)
        else {
            throw .invalidConfiguration("TWAP window must be positive, at most 30 days, and ≥ the minimum window")
        }
        for (name, value) in [
            ("max divergence", maxDivergence), ("max reserve change", maxReserveChange),
            ("move threshold", moveThreshold), ("revert tolerance", revertTolerance),
        ] where !(value.isFinite && value > 0 && value <= 10) {
            throw .invalidConfiguration("\(name) is \(value); use a fraction in (0, 10]")
        }
        guard revertTolerance < moveThreshold else {
            throw .invalidConfiguration("revert tolerance must be below the move threshold")
        }
        guard (2...100_000).contains(capacity) else {
            throw .invalidConfiguration("TWAP ring capacity is \(capacity); use 2…100000 observations")
        }
    }
}
