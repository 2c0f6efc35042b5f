public import AntibodyCore

/// The I/O around ``ChainWatcher``: asks the node for its head, fetches the planned blocks
/// (`eth_getBlockByNumber`), the vault's logs over the range (`eth_getLogs`, one bounded range per
/// poll), the vault's liquidity at every block with vault logs and at the range's last block, and the
/// feeds' `latestRoundData()` at the range's last block (`eth_call`s in one JSON-RPC batch), and
/// hands them to the watcher.
///
/// Each JSON-RPC call has the client's deadline and bounded retries; ``run(interval:maximumFailures:_:)``
/// additionally gives up after `maximumFailures` consecutive failed polls. Nothing is retried forever.
public struct ChainWatcherLoop: Sendable {
    /// The client.
    public let client: JSONRPCClient
    /// The state machine.
    public private(set) var watcher: ChainWatcher
    /// The head seen at the last poll.
    public private(set) var lastHead: UInt64?

    /// A loop over `client` driving `watcher`.
    public init(client: JSONRPCClient, watcher: ChainWatcher) {
        self.client = client
        self.watcher = watcher
    }

    /// One poll: the head, then at most one planned range (stepping back through a re-org as often
    /// as needed, bounded by the watcher's history). Returns the new events; empty when caught up.
    ///
    /// - Throws: ``ChainError``: the node unreachable or too slow after the client's retries, a
    ///   malformed answer, ``ChainError/lagging(_:)``, ``ChainError/reorganization(_:)``.
    public mutating func poll() async throws(ChainError) -> [Event] {
        let head = try await client.blockNumber()
        lastHead = head
        for _ in 0...watcher.configuration.history {
            guard let range = try watcher.plan(head: head) else { return [] }
            let blocks = try await fetch(range)
            switch try watcher.ingest(blocks) {
            case .events(let events): return events
            case .reorganized: continue
            }
        }
        throw .reorganization("chain watcher: still re-organising after \(watcher.configuration.history) steps back")
    }

    /// Polls until caught up with the head seen at the first poll; returns every event.
    public mutating func catchUp() async throws(ChainError) -> [Event] {
        var all: [Event] = []
        while true {
            let events = try await poll()
            if events.isEmpty, let head = lastHead, watcher.lag(head: head) == 0 { return all }
            all += events
        }
    }

    /// Polls every `interval`, handing each event to `handle`, until the task is cancelled (returns),
    /// `maximumFailures` consecutive polls failed transiently (the node unreachable or too slow), or a
    /// poll failed for a reason a retry cannot fix (lagging, a deep re-org, a malformed answer): then
    /// it throws that error.
    public mutating func run(
        interval: Duration = .seconds(1), maximumFailures: Int = 5, _ handle: (Event) async -> Void
    ) async throws(ChainError) {
        var failures = 0
        while !Task.isCancelled {
            do {
                for event in try await poll() { await handle(event) }
                failures = 0
            } catch {
                failures += 1
                if failures >= max(maximumFailures, 1) || !error.isTransient {
                    throw error.appending(" (chain watcher gave up after \(failures) failed polls)")
                }
            }
            do { try await Task.sleep(for: interval) } catch { return }
        }
    }

    private func fetch(_ range: ClosedRange<UInt64>) async throws(ChainError) -> [WatchedBlock] {
        let configuration = watcher.configuration
        var requests = range.map {
            JSONRPCClient.Request("eth_getBlockByNumber", [.string(Quantity.hex($0)), .bool(false)])
        }
        let filter = LogFilter(
            fromBlock: .number(range.lowerBound), toBlock: .number(range.upperBound), addresses: [configuration.vault],
            topics: [ChainWatcher.watchedTopics])
        requests.append(JSONRPCClient.Request("eth_getLogs", [filter.json]))
        let answers = try await client.batch(requests)
        var blocks: [WatchedBlock] = []
        blocks.reserveCapacity(range.count)
        for (offset, number) in range.enumerated() {
            blocks.append(try Self.block(try answers[offset].get(), number: number))
        }
        guard case .array(let items) = try answers[range.count].get() else {
            throw .invalidResponse("eth_getLogs: expected an array")
        }
        var withLogs: Set<UInt64> = [range.upperBound]
        for item in items {
            let log = try LogEntry(json: item)
            guard range.contains(log.blockNumber) else {
                throw .invalidResponse("eth_getLogs: a log of block \(log.blockNumber) outside \(range)")
            }
            blocks[Int(log.blockNumber - range.lowerBound)].logs.append(log)
            withLogs.insert(log.blockNumber)
        }
        try await read(into: &blocks, at: withLogs.sorted(), lowerBound: range.lowerBound, upperBound: range.upperBound)
        return blocks
    }

    private func read(
        into blocks: inout [WatchedBlock], at numbers: [UInt64], lowerBound: UInt64, upperBound: UInt64
    ) async throws(ChainError) {
        let configuration = watcher.configuration
        var requests: [JSONRPCClient.Request] = []
        var targets: [(block: Int, asset: EthereumAddress?, feed: EthereumAddress?)] = []
        for number in numbers {
            for asset in configuration.assets where asset.statePath != nil {
                let data = try ProtectedVaultContract.Functions.totalAssets.encodeCall([.address(asset.token)])
                requests.append(Self.ethCall(to: configuration.vault, data: data, block: number))
                targets.append((Int(number - lowerBound), asset.token, nil))
            }
        }
        let feedCall = try FeedRound.latestRoundData.encodeCall([])
        for feed in configuration.feeds {
            requests.append(Self.ethCall(to: feed.address, data: feedCall, block: upperBound))
            targets.append((Int(upperBound - lowerBound), nil, feed.address))
        }
        guard !requests.isEmpty else { return }
        let answers = try await client.batch(requests)
        for (target, answer) in zip(targets, answers) {
            let data = try Quantity.data(try answer.get(), "eth_call")
            if let token = target.asset {
                let values = try ProtectedVaultContract.Functions.totalAssets.decodeOutput(data)
                guard let balance = values[0].uintValue else { throw .invalidResponse("totalAssets: not a uint") }
                blocks[target.block].vaultBalances[token] = balance
            } else if let feed = target.feed {
                blocks[target.block].feedRounds[feed] = try FeedRound(returnData: data)
            }
        }
    }

    private static func ethCall(to: EthereumAddress, data: [UInt8], block: UInt64) -> JSONRPCClient.Request {
        JSONRPCClient.Request(
            "eth_call",
            [
                .object(["to": .string(to.description), "input": .string(Hex.encode(data))]),
                .string(Quantity.hex(block)),
            ])
    }

    static func block(_ json: JSONValue, number: UInt64) throws(ChainError) -> WatchedBlock {
        guard !json.isNull else {
            throw .invalidResponse(
                "eth_getBlockByNumber: block \(number) is unknown to the node (a re-org or a lagging node)")
        }
        let got = try Quantity.uint64(json["number"] ?? .null, "block number")
        guard got == number else {
            throw .invalidResponse("eth_getBlockByNumber: asked for block \(number), got \(got)")
        }
        return WatchedBlock(
            number: got, hash: try Quantity.data(json["hash"] ?? .null, "block hash"),
            parentHash: try Quantity.data(json["parentHash"] ?? .null, "block parentHash"),
            timestamp: try Quantity.uint64(json["timestamp"] ?? .null, "block timestamp"))
    }
}
