public import AntibodyCore
public import AntibodyMath

/// One block as ``ChainWatcher`` consumes it: its header fields, the watched contracts' logs in it,
/// and the state read at it (vault balances, feed rounds). The async loop (``ChainWatcherLoop``)
/// fills it from `eth_getBlockByNumber`, `eth_getLogs` and `eth_call`; tests build it by hand.
public struct WatchedBlock: Hashable, Sendable {
    /// The block number.
    public var number: UInt64
    /// The block hash (32 bytes).
    public var hash: [UInt8]
    /// The parent's hash (32 bytes): how a re-organisation is noticed.
    public var parentHash: [UInt8]
    /// The block timestamp, Unix seconds.
    public var timestamp: UInt64
    /// Logs of the watched vault in this block, in any order (sorted by log index when used).
    public var logs: [LogEntry]
    /// The vault's liquidity per asset token read at this block (`totalAssets(asset)`), if read.
    public var vaultBalances: [EthereumAddress: UInt256]
    /// The latest round of each watched feed read at this block, if read.
    public var feedRounds: [EthereumAddress: FeedRound]

    /// A block.
    public init(
        number: UInt64, hash: [UInt8], parentHash: [UInt8], timestamp: UInt64, logs: [LogEntry] = [],
        vaultBalances: [EthereumAddress: UInt256] = [:], feedRounds: [EthereumAddress: FeedRound] = [:]
    ) {
        self.number = number
        self.hash = hash
        self.parentHash = parentHash
        self.timestamp = timestamp
        self.logs = logs
        self.vaultBalances = vaultBalances
        self.feedRounds = feedRounds
    }
}
