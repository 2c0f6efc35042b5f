public import AntibodyCore
public import AntibodyMath

/// A block to read state at.
public enum BlockTag: Hashable, Sendable {
    /// The latest mined block.
    case latest
    /// The block being built (counts pending transactions).
    case pending
    /// The genesis block.
    case earliest
    /// A block by number.
    case number(UInt64)

    var json: JSONValue {
        switch self {
        case .latest: .string("latest")
        case .pending: .string("pending")
        case .earliest: .string("earliest")
        case .number(let n): .string(Quantity.hex(n))
        }
    }
}

/// Hex quantities and data as JSON-RPC writes them.
enum Quantity {
    static func hex(_ value: UInt64) -> String { "0x" + String(value, radix: 16) }

    static func hex(_ value: UInt256) -> String { value.hexDescription }

    static func uint64(_ json: JSONValue, _ what: String) throws(ChainError) -> UInt64 {
        guard let text = json.string, text.hasPrefix("0x"), text.count > 2, text.count <= 18,
            let value = UInt64(text.dropFirst(2), radix: 16)
        else {
            throw .invalidResponse(
                "\(what): expected a hex quantity of at most 64 bits, got \(json.serialized.prefix(80))")
        }
        return value
    }

    static func uint256(_ json: JSONValue, _ what: String) throws(ChainError) -> UInt256 {
        guard let text = json.string, text.hasPrefix("0x"), text.count > 2, text.count <= 66,
            let value = UInt256(hex: text)
        else { throw .invalidResponse("\(what): expected a hex quantity, got \(json.serialized.prefix(80))") }
        return value
    }

    static func data(_ json: JSONValue, _ what: String) throws(ChainError) -> [UInt8] {
        guard let text = json.string else {
            throw .invalidResponse("\(what): expected 0x hex data, got \(json.serialized.prefix(80))")
        }
        do {
            return try Hex.decode(text)
        } catch {
            throw .invalidResponse("\(what): \(error.message)")
        }
    }
}

extension JSONRPCClient {
    /// `eth_chainId`.
    public func chainID() async throws(ChainError) -> UInt64 {
        try Quantity.uint64(try await call("eth_chainId"), "eth_chainId")
    }

    /// `eth_blockNumber`.
    public func blockNumber() async throws(ChainError) -> UInt64 {
        try Quantity.uint64(try await call("eth_blockNumber"), "eth_blockNumber")
    }

    /// `eth_gasPrice`, in wei.
    public func gasPrice() async throws(ChainError) -> UInt256 {
        try Quantity.uint256(try await call("eth_gasPrice"), "eth_gasPrice")
    }

    /// `eth_getBalance`, in wei.
    public func balance(of address: EthereumAddress, at block: BlockTag = .latest) async throws(ChainError) -> UInt256 {
        try Quantity.uint256(
            try await call("eth_getBalance", [.string(address.description), block.json]),
            "eth_getBalance")
    }

    /// `eth_getTransactionCount`: the next nonce of `address` (use `.pending` to count pending ones).
    public func transactionCount(
        of address: EthereumAddress, at block: BlockTag = .pending
    ) async throws(ChainError)
        -> UInt64
    {
        try Quantity.uint64(
            try await call("eth_getTransactionCount", [.string(address.description), block.json]),
            "eth_getTransactionCount")
    }

    /// `eth_getCode`.
    public func code(at address: EthereumAddress, block: BlockTag = .latest) async throws(ChainError) -> [UInt8] {
        try Quantity.data(try await call("eth_getCode", [.string(address.description), block.json]), "eth_getCode")
    }

    /// `eth_call`: runs `data` against `to` without a transaction. A revert throws a ``ChainError``
    /// whose ``ChainError/isRevert`` is true and whose ``ChainError/rpcData`` holds the revert bytes.
    ///
    /// `to` may be `nil` to run init code; `value` and `gas` are sent when non-zero / given (a replay of
    /// a mined transaction passes both).
    public func call(
        to: EthereumAddress?, data: [UInt8], from: EthereumAddress? = nil, value: UInt256 = 0, gas: UInt64? = nil,
        at block: BlockTag = .latest
    )
        async throws(ChainError) -> [UInt8]
    {
        var tx: [String: JSONValue] = ["input": .string(Hex.encode(data))]
        if let to { tx["to"] = .string(to.description) }
        if let from { tx["from"] = .string(from.description) }
        if value != 0 { tx["value"] = .string(Quantity.hex(value)) }
        if let gas { tx["gas"] = .string(Quantity.hex(gas)) }
        return try Quantity.data(try await call("eth_call", [.object(tx), block.json]), "eth_call")
    }

    /// `eth_estimateGas`.
    public func estimateGas(
        to: EthereumAddress?, data: [UInt8], from: EthereumAddress? = nil,
        value: UInt256 = 0
    ) async throws(ChainError) -> UInt64 {
        var tx: [String: JSONValue] = ["input": .string(Hex.encode(data)), "value": .string(Quantity.hex(value))]
        if let to { tx["to"] = .string(to.description) }
        if let from { tx["from"] = .string(from.description) }
        return try Quantity.uint64(try await call("eth_estimateGas", [.object(tx)]), "eth_estimateGas")
    }

    /// `eth_sendRawTransaction`: returns the transaction hash. Not retried once it may have reached the node.
    public func sendRawTransaction(_ raw: [UInt8]) async throws(ChainError) -> [UInt8] {
        let hash = try Quantity.data(
            try await call("eth_sendRawTransaction", [.string(Hex.encode(raw))], idempotent: false),
            "eth_sendRawTransaction")
        guard hash.count == 32 else { throw .invalidResponse("eth_sendRawTransaction: a hash of \(hash.count) bytes") }
        return hash
    }

    /// `eth_getTransactionReceipt`: `nil` while the transaction is pending or unknown.
    public func receipt(of hash: [UInt8]) async throws(ChainError) -> TransactionReceipt? {
        let answer = try await call("eth_getTransactionReceipt", [.string(Hex.encode(hash))])
        if answer.isNull { return nil }
        return try TransactionReceipt(json: answer)
    }

    /// `eth_getLogs`.
    public func logs(_ filter: LogFilter) async throws(ChainError) -> [LogEntry] {
        guard case .array(let items) = try await call("eth_getLogs", [filter.json]) else {
            throw .invalidResponse("eth_getLogs: expected an array")
        }
        var logs: [LogEntry] = []
        logs.reserveCapacity(items.count)
        for item in items { logs.append(try LogEntry(json: item)) }
        return logs
    }

    /// `evm_mine` (development chains only).
    public func mine() async throws(ChainError) {
        _ = try await call("evm_mine")
    }

    /// `evm_setAutomine` (development chains only).
    public func setAutomine(_ on: Bool) async throws(ChainError) {
        _ = try await call("evm_setAutomine", [.bool(on)])
    }
}
