public import AntibodyCore
import AntibodyMath

/// Follows a chain block by block and turns the watched vault's logs, its liquidity and the watched
/// feeds' rounds into the engine's ``Event``s.
///
/// A value-type state machine with no I/O: ``plan(head:)`` says which blocks to fetch next,
/// ``ingest(_:)`` takes them (filled by ``ChainWatcherLoop`` from JSON-RPC, or by a test by hand) and
/// returns the events, in block order:
///
/// - `.block(number:timestamp:)` for every block;
/// - per vault log, in log-index order: `Deposit` → `.flow(+amount)`, `Withdraw` and `Claimed` →
///   `.flow(−amount)` (account = the user, asset = the policy's symbol, amount in token units);
///   `OutflowHeld` is counted in ``heldOutflows`` but is no flow (the funds stay in the vault);
/// - the vault's liquidity read at the block → `.state(path: asset.statePath, value: …)`;
/// - a feed round whose id differs from the last one seen → `.observation(stream: feed.stream,
///   value: answer / 10^decimals)` at the round's `updatedAt`, carrying the whole ``FeedRound`` so the
///   engine's guard checks `answeredInRound`, `startedAt` and the round id itself.
///
/// **Re-orgs.** Only blocks at least ``Configuration/confirmations`` below the head are planned. The
/// watcher also remembers the last ``Configuration/history`` block hashes; a fetched block whose
/// parent hash differs from the remembered one means the chain re-organised: nothing is emitted, the
/// watcher steps back one block and the loop fetches again, until the parent hashes agree (events of
/// orphaned blocks already emitted cannot be recalled, hence the confirmation depth). A re-org
/// deeper than the history throws ``ChainError/reorganization(_:)``.
///
/// **Falling behind.** A plan covers at most ``Configuration/maximumRange`` blocks (an `eth_getLogs`
/// range the node accepts); ``lag(head:)`` says how far behind the watcher is, and ``plan(head:)``
/// throws ``ChainError/lagging(_:)`` beyond ``Configuration/maximumLag``.
public struct ChainWatcher: Sendable {
    /// What to watch and how cautiously.
    public struct Configuration: Hashable, Sendable {
        /// The vault whose logs are decoded.
        public var vault: EthereumAddress
        /// The vault's assets; logs of other tokens are ignored (and counted).
        public var assets: [WatchedAsset]
        /// Feeds read with `latestRoundData()`.
        public var feeds: [WatchedFeed]
        /// The first block to process.
        public var startBlock: UInt64
        /// Blocks to stay below the head (0 on a development chain, ~12 on Ethereum mainnet).
        public var confirmations: UInt64
        /// The most blocks one plan covers (1...10,000).
        public var maximumRange: UInt64
        /// The most blocks the watcher may be behind before ``plan(head:)`` throws.
        public var maximumLag: UInt64
        /// Block hashes remembered for re-org detection (1...4,096).
        public var history: Int

        /// A configuration; ranges are clamped to their bounds.
        public init(
            vault: EthereumAddress, assets: [WatchedAsset], feeds: [WatchedFeed] = [], startBlock: UInt64 = 0,
            confirmations: UInt64 = 0, maximumRange: UInt64 = 500, maximumLag: UInt64 = 100_000, history: Int = 64
        ) {
            self.vault = vault
            self.assets = assets
            self.feeds = feeds
            self.startBlock = startBlock
            self.confirmations = min(confirmations, 1_000)
            self.maximumRange = min(max(maximumRange, 1), 10_000)
            self.maximumLag = max(maximumLag, 1)
            self.history = min(max(history, 1), 4_096)
        }
    }

    /// The configuration.
    public let configuration: Configuration
    /// The next block to process.
    public private(set) var nextBlock: UInt64
    /// Logs decoded so far.
    public private(set) var logsDecoded = 0
    /// Logs ignored (unknown event, unknown asset, undecodable data).
    public private(set) var logsIgnored = 0
    /// `OutflowHeld` logs seen (the limiter holding an outflow for claim).
    public private(set) var heldOutflows = 0
    /// Re-org steps taken (blocks stepped back).
    public private(set) var reorgSteps = 0
    private var hashes: [UInt64: [UInt8]] = [:]
    private var rewinding = false
    private var lastRound: [EthereumAddress: UInt128] = [:]
    private let assetIndex: [EthereumAddress: Int]

    /// A watcher starting at `configuration.startBlock`.
    public init(configuration: Configuration) {
        self.configuration = configuration
        nextBlock = configuration.startBlock
        var index: [EthereumAddress: Int] = [:]
        for (i, asset) in configuration.assets.enumerated() where index[asset.token] == nil { index[asset.token] = i }
        assetIndex = index
    }

    /// How many blocks the watcher is behind `head` (0 when caught up).
    public func lag(head: UInt64) -> UInt64 {
        let safe = head >= configuration.confirmations ? head - configuration.confirmations : 0
        return safe + 1 > nextBlock ? safe + 1 - nextBlock : 0
    }

    /// The blocks to fetch next given the chain's `head`, or `nil` when caught up.
    ///
    /// - Throws: ``ChainError/lagging(_:)`` when more than ``Configuration/maximumLag`` blocks behind.
    public func plan(head: UInt64) throws(ChainError) -> ClosedRange<UInt64>? {
        guard head >= configuration.confirmations else { return nil }
        let safe = head - configuration.confirmations
        guard safe >= nextBlock else { return nil }
        let behind = safe - nextBlock + 1
        guard behind <= configuration.maximumLag else {
            throw .lagging(
                "the chain watcher is \(behind) blocks behind the head (block \(head), next \(nextBlock)), more than "
                    + "the \(configuration.maximumLag) allowed; restart it from a recent block or raise maximumLag")
        }
        return nextBlock...min(safe, nextBlock + configuration.maximumRange - 1)
    }

    /// What ``ingest(_:)`` found.
    public enum Ingest: Hashable, Sendable {
        /// The blocks were consecutive with what was processed: their events, in order.
        case events([Event])
        /// The first block's parent is not the block remembered at that height: the chain
        /// re-organised. Nothing was emitted; the watcher stepped back to `resumeAt`.
        case reorganized(resumeAt: UInt64)
    }

    /// Processes `blocks`, which must start at ``nextBlock`` and be consecutive.
    ///
    /// - Throws: ``ChainError/invalidResponse(_:)`` if the blocks are not the ones planned (a node
    ///   answering with other numbers or malformed hashes); ``ChainError/reorganization(_:)`` for a
    ///   re-org deeper than the remembered history.
    public mutating func ingest(_ blocks: [WatchedBlock]) throws(ChainError) -> Ingest {
        guard let first = blocks.first else { return .events([]) }
        for (offset, block) in blocks.enumerated() {
            guard block.number == nextBlock + UInt64(offset) else {
                throw .invalidResponse(
                    "chain watcher: expected block \(nextBlock + UInt64(offset)), got \(block.number)")
            }
            guard block.hash.count == 32, block.parentHash.count == 32 else {
                throw .invalidResponse("chain watcher: block \(block.number) has a malformed hash")
            }
            if offset > 0, block.parentHash != blocks[offset - 1].hash {
                throw .invalidResponse(
                    "chain watcher: block \(block.number)'s parent is not block \(block.number - 1) of the same answer "
                        + "(the node re-organised while answering); fetch again")
            }
        }
        if first.number > configuration.startBlock {
            if let known = hashes[first.number - 1] {
                if known != first.parentHash { return .reorganized(resumeAt: try stepBack()) }
            } else if rewinding {
                throw .reorganization(
                    "chain watcher: the chain re-organised below block \(first.number), deeper than the "
                        + "\(configuration.history) remembered blocks; restart the watcher from a finalised block")
            }
        }
        rewinding = false
        var events: [Event] = []
        for block in blocks { emit(block, into: &events) }
        return .events(events)
    }

    private mutating func stepBack() throws(ChainError) -> UInt64 {
        let back = nextBlock - 1
        guard back >= configuration.startBlock, hashes[back] != nil else {
            throw .reorganization(
                "chain watcher: the chain re-organised below block \(nextBlock), deeper than the \(configuration.history) "
                    + "remembered blocks or the start block; restart the watcher from a finalised block")
        }
        hashes[back] = nil
        nextBlock = back
        rewinding = true
        reorgSteps += 1
        return back
    }

    private mutating func emit(_ block: WatchedBlock, into events: inout [Event]) {
        let time = Timestamp(seconds: Int64(clamping: block.timestamp))
        events.append(.block(number: Int64(clamping: block.number), timestamp: time))
        for log in block.logs.sorted(by: { $0.logIndex < $1.logIndex }) where log.address == configuration.vault {
            if let event = decode(log, at: time) { events.append(event) }
        }
        for asset in configuration.assets {
            guard let path = asset.statePath, let balance = block.vaultBalances[asset.token] else { continue }
            events.append(.state(path: path, value: Self.units(balance, decimals: asset.decimals), timestamp: time))
        }
        for feed in configuration.feeds {
            guard let round = block.feedRounds[feed.address], lastRound[feed.address] != round.roundId else { continue }
            lastRound[feed.address] = round.roundId
            events.append(
                .observation(
                    Observation(
                        stream: feed.stream, timestamp: round.updatedAt,
                        value: Double(round.answer) / Self.scale(feed.decimals), source: "feed:\(feed.address)",
                        round: round)))
        }
        hashes[block.number] = block.hash
        if block.number >= UInt64(configuration.history) { hashes[block.number - UInt64(configuration.history)] = nil }
        nextBlock = block.number + 1
    }

    private mutating func decode(_ log: LogEntry, at time: Timestamp) -> Event? {
        let decoded: ProtectedVaultEvent?
        do {
            decoded = try ProtectedVaultEvent.decode(log)
        } catch {
            logsIgnored += 1
            return nil
        }
        let sign: Double
        let account: EthereumAddress
        let token: EthereumAddress
        let amount: UInt256
        switch decoded {
        case .deposit(let user, let asset, let value)?: (sign, account, token, amount) = (1, user, asset, value)
        case .withdraw(let user, let asset, let value)?: (sign, account, token, amount) = (-1, user, asset, value)
        case .claimed(let recipient, let asset, let value)?:
            (sign, account, token, amount) = (-1, recipient, asset, value)
        case .outflowHeld?:
            heldOutflows += 1
            logsDecoded += 1
            return nil
        default:
            logsIgnored += 1
            return nil
        }
        guard let i = assetIndex[token] else {
            logsIgnored += 1
            return nil
        }
        logsDecoded += 1
        let asset = configuration.assets[i]
        return .flow(
            asset: asset.symbol, amount: sign * Self.units(amount, decimals: asset.decimals),
            account: account.description,
            timestamp: time)
    }

    /// The vault events the watcher asks `eth_getLogs` for (topic 0 alternatives).
    public static let watchedTopics: [[UInt8]] = [
        ProtectedVaultEvent.Events.deposit.topic, ProtectedVaultEvent.Events.withdraw.topic,
        ProtectedVaultEvent.Events.outflowHeld.topic, ProtectedVaultEvent.Events.claimed.topic,
    ]

    /// `amount / 10^decimals` without the rounding of a floating-point division of two large
    /// numbers: the whole part and the fraction are converted separately, so whole token amounts
    /// are exact (900,000 tokens of 18 decimals is 900000.0, not 899999.9999999999).
    static func units(_ amount: UInt256, decimals: Int) -> Double {
        var scale = UInt256(low64: 1)
        for _ in 0..<decimals { scale = scale * UInt256(low64: 10) }
        let whole = amount / scale
        let fraction = amount % scale
        return Double(whole) + (fraction.isZero ? 0 : Double(fraction) / Double(scale))
    }

    static func scale(_ decimals: Int) -> Double {
        var s = 1.0
        for _ in 0..<decimals { s *= 10 }
        return s
    }
}
