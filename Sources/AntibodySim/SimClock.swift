public import AntibodyCore

/// Event time of a simulation: a block number and the block's timestamp in whole seconds, as a
/// chain sees them. No wall clock is ever read; time only advances when the simulation says so.
public struct SimClock: Hashable, Sendable {
    /// The current block number.
    public var block: UInt64
    /// The current block's timestamp, whole seconds since the Unix epoch.
    public var seconds: Int64
    /// Seconds between consecutive blocks (12 on Ethereum since the merge).
    public let blockTime: Int64

    /// A clock at `block` and `seconds`, producing a block every `blockTime` seconds.
    ///
    /// - Precondition: `blockTime > 0`.
    public init(block: UInt64 = 0, seconds: Int64 = 1_700_000_000, blockTime: Int64 = 12) {
        precondition(blockTime > 0, "blockTime must be positive")
        self.block = block
        self.seconds = seconds
        self.blockTime = blockTime
    }

    /// The current time as a core ``Timestamp``.
    @inlinable
    public var timestamp: Timestamp { Timestamp(seconds: seconds) }

    /// Moves to the next block (one block, `blockTime` seconds later).
    @inlinable
    public mutating func advanceBlock() { advance(blocks: 1) }

    /// Moves `blocks` blocks forward.
    @inlinable
    public mutating func advance(blocks: UInt64) {
        block += blocks
        seconds += Int64(blocks) * blockTime
    }
}
