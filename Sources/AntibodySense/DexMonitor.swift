import AntibodyCore
public import AntibodyMath

/// Watches one Uniswap V2 pair transaction by transaction and raises manipulation signals: spot versus
/// the accumulator TWAP, reserve jumps, and a sharp move that reverts within the same block (the shape of
/// a flash-loan attack or a sandwich).
///
/// The TWAP is computed as the pair contract and Uniswap's example oracles compute it: at the first
/// transaction of each block the monitor records the counterfactual accumulator at the block's timestamp
/// (``PairAccumulator/currentCumulativePrices(at:)`` from the state the previous block left), and the
/// average over the window is `(cumulative_now − cumulative_then) / Δt` in UQ112x112 with wrapping
/// subtraction. In-block trades cannot move it. The ring of block observations is allocated once;
/// `observe` is O(1) amortised plus a scan of the ring for the window start (O(capacity) worst case),
/// and never allocates.
public struct DexMonitor: Sendable {
    /// The configuration.
    public let config: DexMonitorConfig
    @usableFromInline var ringTime: [Int64]
    @usableFromInline var ringCumulative: [UInt256]
    @usableFromInline var ringStart = 0
    @usableFromInline var ringCount = 0
    @usableFromInline var last: PoolSnapshot?
    @usableFromInline var currentBlock: UInt64?
    @usableFromInline var blockOpenSpot = 0.0
    @usableFromInline var blockMaxMove = 0.0
    @usableFromInline var blockMovedAndReverted = false
    @usableFromInline let scale: Double

    /// A monitor for `config`, which must be valid.
    public init(config: DexMonitorConfig = DexMonitorConfig()) throws(SenseError) {
        try config.validate()
        self.config = config
        ringTime = [Int64](repeating: 0, count: config.capacity)
        ringCumulative = [UInt256](repeating: 0, count: config.capacity)
        scale = Decimal10.power(config.decimals0) / Decimal10.power(config.decimals1)
    }

    /// Spot of `pair` in human units, or `nil` when a reserve is zero.
    @inlinable
    func spot(_ pair: PairAccumulator) -> Double? {
        guard pair.reserve0 > 0, pair.reserve1 > 0 else { return nil }
        return Double(pair.reserve1) / Double(pair.reserve0) * scale
    }

    /// Feeds the pair state after one transaction and returns the signals.
    public mutating func observe(_ snapshot: PoolSnapshot) -> DexSignal {
        var reasons = ReasonSet()
        guard let spot = spot(snapshot.pair) else {
            reasons.insert(.invalidQuote)
            return DexSignal(time: snapshot.time, spot: 0, twap: nil, window: nil, reasons: reasons)
        }
        if let last {
            if snapshot.blockNumber < last.blockNumber {
                reasons.insert(.invalidQuote)
                return DexSignal(time: snapshot.time, spot: spot, twap: nil, window: nil, reasons: reasons)
            }
            if snapshot.time < last.time || (snapshot.blockNumber == last.blockNumber && snapshot.time != last.time) {
                reasons.insert(.invalidTimestamp)
                return DexSignal(time: snapshot.time, spot: spot, twap: nil, window: nil, reasons: reasons)
            }
        }

        if snapshot.blockNumber != currentBlock {
            // First transaction of a block: the block opens at the state the previous one left.
            currentBlock = snapshot.blockNumber
            blockOpenSpot = last.flatMap { self.spot($0.pair) } ?? spot
            blockMaxMove = 0
            blockMovedAndReverted = false
            let open = last?.pair ?? snapshot.pair
            if last != nil, let cumulative = open.currentCumulativePrices(at: snapshot.time.seconds) {
                record(time: snapshot.time.seconds, cumulative: cumulative.price0)
            }
        }

        // Same-block move and revert.
        let move = abs(spot / blockOpenSpot - 1)
        blockMaxMove = max(blockMaxMove, move)
        if blockMaxMove > config.moveThreshold && move <= config.revertTolerance {
            blockMovedAndReverted = true
        }
        if blockMovedAndReverted { reasons.insert(.sameBlockMoveAndRevert) }

        // Reserve jump against the previous transaction.
        if let last, last.pair.reserve0 > 0, last.pair.reserve1 > 0 {
            let change0 = abs(Double(snapshot.pair.reserve0) / Double(last.pair.reserve0) - 1)
            let change1 = abs(Double(snapshot.pair.reserve1) / Double(last.pair.reserve1) - 1)
            if max(change0, change1) > config.maxReserveChange { reasons.insert(.reserveJump) }
        }
        last = snapshot

        // TWAP from the ring: newest observation is this block's opening accumulator.
        guard ringCount >= 2 else {
            reasons.insert(.twapWindowTooShort)
            return DexSignal(time: snapshot.time, spot: spot, twap: nil, window: nil, reasons: reasons)
        }
        let newest = (ringStart + ringCount - 1) % config.capacity
        let nowTime = ringTime[newest]
        let windowSeconds = config.window.milliseconds / 1000
        var start = ringStart
        var k = ringCount - 2
        while k >= 0 {
            let index = (ringStart + k) % config.capacity
            if nowTime - ringTime[index] >= windowSeconds {
                start = index
                break
            }
            k -= 1
        }
        let elapsed = nowTime - ringTime[start]
        guard elapsed > 0, elapsed <= Int64(UInt32.max) else {
            reasons.insert(.twapWindowTooShort)
            return DexSignal(time: snapshot.time, spot: spot, twap: nil, window: nil, reasons: reasons)
        }
        let average = UQ112x112.average(
            from: ringCumulative[start], to: ringCumulative[newest], elapsed: UInt32(elapsed))
        let twap = UQ112x112.double(average) * scale
        let window = Timestamp.Duration.seconds(elapsed)
        if window < config.minimumWindow { reasons.insert(.twapWindowTooShort) }
        if twap > 0, abs(spot / twap - 1) > config.maxDivergence { reasons.insert(.twapDivergence) }
        return DexSignal(time: snapshot.time, spot: spot, twap: twap, window: window, reasons: reasons)
    }

    @usableFromInline
    mutating func record(time: Int64, cumulative: UInt256) {
        if ringCount > 0 && ringTime[(ringStart + ringCount - 1) % config.capacity] == time { return }
        if ringCount == config.capacity {
            ringStart = (ringStart + 1) % config.capacity
            ringCount -= 1
        }
        let index = (ringStart + ringCount) % config.capacity
        ringTime[index] = time
        ringCumulative[index] = cumulative
        ringCount += 1
    }
}
