public import AntibodyCore

/// A mined transaction's receipt.
public struct TransactionReceipt: Hashable, Sendable {
    /// The transaction hash.
    public var transactionHash: [UInt8]
    /// The block it was mined in.
    public var blockNumber: UInt64
    /// Whether it succeeded (status 1) or reverted (status 0).
    public var succeeded: Bool
    /// Gas used by this transaction.
    public var gasUsed: UInt64
    /// The created contract, for deployments.
    public var contractAddress: EthereumAddress?
    /// Its logs.
    public var logs: [LogEntry]

    init(json: JSONValue) throws(ChainError) {
        transactionHash = try Quantity.data(json["transactionHash"] ?? .null, "receipt transactionHash")
        blockNumber = try Quantity.uint64(json["blockNumber"] ?? .null, "receipt blockNumber")
        succeeded = try Quantity.uint64(json["status"] ?? .null, "receipt status") == 1
        gasUsed = try Quantity.uint64(json["gasUsed"] ?? .null, "receipt gasUsed")
        if let text = json["contractAddress"]?.string {
            do {
                contractAddress = try EthereumAddress(hex: text)
            } catch {
                throw .invalidResponse("receipt: bad contractAddress: \(error.message)")
            }
        } else {
            contractAddress = nil
        }
        guard case .array(let items)? = json["logs"] else { throw .invalidResponse("receipt: missing logs") }
        var logs: [LogEntry] = []
        for item in items { logs.append(try LogEntry(json: item)) }
        self.logs = logs
    }
}
