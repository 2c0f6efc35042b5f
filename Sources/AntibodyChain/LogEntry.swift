public import AntibodyCore

/// One log of a transaction receipt or of `eth_getLogs`.
public struct LogEntry: Hashable, Sendable {
    /// The emitting contract.
    public var address: EthereumAddress
    /// The topics (topic 0 is the event's signature hash for non-anonymous events).
    public var topics: [[UInt8]]
    /// The non-indexed data.
    public var data: [UInt8]
    /// The block number.
    public var blockNumber: UInt64
    /// The transaction hash.
    public var transactionHash: [UInt8]
    /// The log's index in the block.
    public var logIndex: UInt64

    init(json: JSONValue) throws(ChainError) {
        guard let addressText = json["address"]?.string else { throw .invalidResponse("log: missing address") }
        do {
            address = try EthereumAddress(hex: addressText)
        } catch {
            throw .invalidResponse("log: bad address: \(error.message)")
        }
        guard case .array(let topicItems)? = json["topics"], topicItems.count <= 4 else {
            throw .invalidResponse("log: topics must be an array of at most 4")
        }
        var topics: [[UInt8]] = []
        for item in topicItems {
            let topic = try Quantity.data(item, "log topic")
            guard topic.count == 32 else { throw .invalidResponse("log: a topic of \(topic.count) bytes") }
            topics.append(topic)
        }
        self.topics = topics
        data = try Quantity.data(json["data"] ?? .null, "log data")
        blockNumber = try Quantity.uint64(json["blockNumber"] ?? .null, "log blockNumber")
        transactionHash = try Quantity.data(json["transactionHash"] ?? .null, "log transactionHash")
        logIndex = try Quantity.uint64(json["logIndex"] ?? .null, "log logIndex")
    }
}

/// An `eth_getLogs` filter.
public struct LogFilter: Hashable, Sendable {
    /// The first block.
    public var fromBlock: BlockTag
    /// The last block.
    public var toBlock: BlockTag
    /// Only logs of these contracts (all when empty).
    public var addresses: [EthereumAddress]
    /// Per position, the accepted topics (`nil`: any).
    public var topics: [[[UInt8]]?]

    /// A filter.
    public init(
        fromBlock: BlockTag, toBlock: BlockTag = .latest, addresses: [EthereumAddress] = [],
        topics: [[[UInt8]]?] = []
    ) {
        self.fromBlock = fromBlock
        self.toBlock = toBlock
        self.addresses = addresses
        self.topics = topics
    }

    var json: JSONValue {
        var members: [String: JSONValue] = ["fromBlock": fromBlock.json, "toBlock": toBlock.json]
        if !addresses.isEmpty { members["address"] = .array(addresses.map { .string($0.description) }) }
        if !topics.isEmpty {
            members["topics"] = .array(
                topics.map { alternatives in
                    guard let alternatives else { return .null }
                    return .array(alternatives.map { .string(Hex.encode($0)) })
                })
        }
        return .object(members)
    }
}
