public import AntibodyCore

/// The state of a Uniswap V2 pair after one transaction, as the monitor sees it: the block it is in
/// and the pair's oracle storage.
public struct PoolSnapshot: Hashable, Sendable {
    /// The block number.
    public var blockNumber: UInt64
    /// The block's timestamp.
    public var time: Timestamp
    /// The pair's storage after the transaction.
    public var pair: PairAccumulator

    /// A snapshot of `pair` after a transaction in block `blockNumber` at `time`.
    @inlinable
    public init(blockNumber: UInt64, time: Timestamp, pair: PairAccumulator) {
        self.blockNumber = blockNumber
        self.time = time
        self.pair = pair
    }
}
