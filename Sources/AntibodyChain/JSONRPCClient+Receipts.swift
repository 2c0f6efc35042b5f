import AntibodyCore
public import AntibodyMath

extension JSONRPCClient {
    /// `eth_maxPriorityFeePerGas`, in wei.
    public func maxPriorityFeePerGas() async throws(ChainError) -> UInt256 {
        try Quantity.uint256(try await call("eth_maxPriorityFeePerGas"), "eth_maxPriorityFeePerGas")
    }

    /// The latest block's `baseFeePerGas` (`eth_getBlockByNumber("latest", false)`); 0 before London.
    public func latestBaseFee() async throws(ChainError) -> UInt256 {
        let block = try await call("eth_getBlockByNumber", [.string("latest"), .bool(false)])
        guard case .object = block else { throw .invalidResponse("eth_getBlockByNumber: no latest block") }
        guard let fee = block["baseFeePerGas"], !fee.isNull else { return 0 }
        return try Quantity.uint256(fee, "baseFeePerGas")
    }

    /// Polls `eth_getTransactionReceipt` every `pollInterval` until the transaction is mined or
    /// `timeout` has passed. Transient failures of single polls are tolerated until the deadline.
    ///
    /// - Throws: ``ChainError/Category/timeout`` when it is not mined in time (the message names the
    ///   last transient failure, if any); the node's non-transient errors at once.
    public func waitForReceipt(
        of hash: [UInt8], timeout: Duration, pollInterval: Duration
    ) async throws(ChainError)
        -> TransactionReceipt
    {
        let receipts = try await waitForReceipts(of: [hash], timeout: timeout, pollInterval: pollInterval)
        return receipts[0]
    }

    /// Waits for many receipts at once, polling the pending ones in JSON-RPC batches every
    /// `pollInterval` until all are mined or `timeout` has passed. Returns them in the order of
    /// `hashes`. A reverted transaction is returned with ``TransactionReceipt/succeeded`` false.
    ///
    /// - Throws: ``ChainError/Category/timeout`` naming how many are still pending.
    public func waitForReceipts(
        of hashes: [[UInt8]], timeout: Duration, pollInterval: Duration
    )
        async throws(ChainError) -> [TransactionReceipt]
    {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        var found: [TransactionReceipt?] = Array(repeating: nil, count: hashes.count)
        var pending = Array(hashes.indices)
        var lastFailure: ChainError?
        while true {
            do throws(ChainError) {
                let answers = try await batch(
                    pending.map { Request("eth_getTransactionReceipt", [.string(Hex.encode(hashes[$0]))]) })
                var stillPending: [Int] = []
                for (index, answer) in zip(pending, answers) {
                    switch answer {
                    case .success(let json) where json.isNull: stillPending.append(index)
                    case .success(let json): found[index] = try TransactionReceipt(json: json)
                    case .failure(let error) where error.isTransient: stillPending.append(index)
                    case .failure(let error): throw error
                    }
                }
                pending = stillPending
            } catch  where error.isTransient {
                lastFailure = error
            }
            if pending.isEmpty { return found.map { $0! } }
            if clock.now + pollInterval > deadline {
                let first = Hex.encode(hashes[pending[0]])
                let note = lastFailure.map { "; last failure: \($0.message)" } ?? ""
                throw .timeout(
                    "\(pending.count) of \(hashes.count) transactions (first \(first)) were not mined within "
                        + "\(timeout)\(note)")
            }
            do {
                try await Task.sleep(for: pollInterval)
            } catch {
                throw .timeout("waiting for \(pending.count) receipts was cancelled")
            }
        }
    }
}
