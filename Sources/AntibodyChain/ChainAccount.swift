public import AntibodyCore
public import AntibodyMath
public import AntibodyTrust

/// A sending account on one chain: it signs with a secp256k1 key, keeps the pending nonce locally,
/// estimates gas and fees, broadcasts, and waits for receipts within a bounded time.
///
/// - **Nonces.** The first send reads `eth_getTransactionCount(address, "pending")`; later sends use
///   the local counter, so many transactions can be in flight at once. Submissions are serialised
///   (one `eth_sendRawTransaction` at a time, in nonce order). When the node refuses the nonce (too
///   low: someone else used the key; too high: a gap after a lost transaction), the account
///   resynchronises from the node and re-signs once; if that does not help it throws a
///   ``ChainError/Category/nonce`` error. After a transport failure during a send the nonce is
///   unknown and re-read before the next send.
/// - **Gas.** `eth_estimateGas` plus ``Configuration/gasMarginPercent``, unless the caller gives a
///   limit. A revert found by the estimate is thrown as ``ChainError/Category/reverted`` with its
///   reason, before anything is signed.
/// - **Fees.** EIP-1559: `maxFeePerGas = 2 · baseFee + tip` with the tip from
///   `eth_maxPriorityFeePerGas`; legacy: `eth_gasPrice`. Callers sending many transactions can read
///   ``feeQuote()`` once and pass it in.
/// - **Receipts.** ``waitForReceipt(of:timeout:)`` polls every ``Configuration/pollInterval`` until
///   the deadline; a mined transaction with status 0 is replayed with `eth_call` at its block to
///   recover the revert reason. Nothing is retried forever: every loop has a deadline or a count.
public actor ChainAccount {
    /// How the account sends.
    public struct Configuration: Sendable {
        /// Which transaction kind to sign.
        public enum Kind: Sendable { case legacy, eip1559 }

        /// Which transaction kind to sign (EIP-1559 by default).
        public var kind: Kind
        /// Added to `eth_estimateGas`'s answer, in percent.
        public var gasMarginPercent: UInt64
        /// How long ``sendAndWait(to:data:value:gasLimit:fees:)`` waits for a receipt.
        public var receiptTimeout: Duration
        /// The pause between receipt polls.
        public var pollInterval: Duration

        /// A configuration.
        public init(
            kind: Kind = .eip1559, gasMarginPercent: UInt64 = 25, receiptTimeout: Duration = .seconds(60),
            pollInterval: Duration = .milliseconds(50)
        ) {
            self.kind = kind
            self.gasMarginPercent = min(gasMarginPercent, 1000)
            self.receiptTimeout = receiptTimeout
            self.pollInterval = max(pollInterval, .milliseconds(1))
        }
    }

    /// The sender's address.
    public nonisolated let address: EthereumAddress
    /// The chain id every transaction is signed for.
    public nonisolated let chainID: UInt64
    /// The node.
    public nonisolated let client: JSONRPCClient
    /// The configuration.
    public nonisolated let configuration: Configuration

    private let key: Secp256k1PrivateKey
    private var nextNonce: UInt64?
    private var submitting = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    /// An account for `key` on the chain `client` talks to, signing for `chainID`.
    public init(
        key: Secp256k1PrivateKey, client: JSONRPCClient, chainID: UInt64, configuration: Configuration = .init()
    ) {
        self.key = key
        self.address = key.address
        self.client = client
        self.chainID = chainID
        self.configuration = configuration
    }

    /// An account whose chain id is read from the node (`eth_chainId`).
    public static func connect(
        key: Secp256k1PrivateKey, client: JSONRPCClient, configuration: Configuration = .init()
    ) async throws(ChainError) -> ChainAccount {
        ChainAccount(key: key, client: client, chainID: try await client.chainID(), configuration: configuration)
    }

    // MARK: Nonces

    /// The nonce the next transaction will use, if known locally.
    public var pendingNonce: UInt64? { nextNonce }

    /// Re-reads the pending nonce from the node (`eth_getTransactionCount(address, "pending")`).
    @discardableResult
    public func resynchronizeNonce() async throws(ChainError) -> UInt64 {
        let nonce = try await client.transactionCount(of: address, at: .pending)
        nextNonce = nonce
        return nonce
    }

    /// Sets the next nonce by hand (recovery tools and tests). The next refusal resynchronises anyway.
    public func setNextNonce(_ nonce: UInt64) { nextNonce = nonce }

    // MARK: Fees and gas

    /// The fees to pay now: EIP-1559 caps from the latest block's base fee and
    /// `eth_maxPriorityFeePerGas` (1 gwei if the node lacks it), or `eth_gasPrice` for legacy.
    public func feeQuote() async throws(ChainError) -> FeeQuote {
        switch configuration.kind {
        case .legacy:
            return .legacy(gasPrice: try await client.gasPrice())
        case .eip1559:
            let baseFee = try await client.latestBaseFee()
            let tip: UInt256
            do {
                tip = try await client.maxPriorityFeePerGas()
            } catch  where error.rpcCode == -32601 {
                tip = UInt256(UInt64(1_000_000_000))
            }
            return .eip1559(maxFeePerGas: baseFee + baseFee + tip, maxPriorityFeePerGas: tip)
        }
    }

    /// `eth_estimateGas` for the call plus the configured margin.
    ///
    /// - Throws: ``ChainError``; a revert as ``ChainError/Category/reverted`` with its reason.
    public func estimateGas(to: EthereumAddress?, data: [UInt8], value: UInt256 = 0) async throws(ChainError) -> UInt64
    {
        let estimate: UInt64
        do {
            estimate = try await client.estimateGas(to: to, data: data, from: address, value: value)
        } catch  where error.isRevert {
            throw Self.revert(error, transactionHash: nil, context: "estimating gas")
        }
        let (margin, overflow) = (estimate / 100).multipliedReportingOverflow(by: configuration.gasMarginPercent)
        return overflow ? estimate : estimate &+ margin &+ 1_000
    }

    // MARK: Sending

    /// Signs and broadcasts a transaction; returns once the node accepted it (not mined).
    ///
    /// - Parameters:
    ///   - to: the recipient, `nil` to create a contract from `data`.
    ///   - gasLimit: the gas limit; estimated when `nil`.
    ///   - fees: the fees; ``feeQuote()`` when `nil`.
    /// - Throws: ``ChainError``: reverted (found by the estimate), nonce (after one
    ///   resynchronisation), transport, timeout, or the node's refusal.
    @discardableResult
    public func send(
        to: EthereumAddress?, data: [UInt8] = [], value: UInt256 = 0, gasLimit: UInt64? = nil, fees: FeeQuote? = nil
    ) async throws(ChainError) -> SignedTransaction {
        let gas: UInt64
        if let gasLimit { gas = gasLimit } else { gas = try await estimateGas(to: to, data: data, value: value) }
        let quote: FeeQuote
        if let fees { quote = fees } else { quote = try await feeQuote() }
        await acquire()
        defer { release() }
        var resynchronized = false
        while true {
            let nonce: UInt64
            if let known = nextNonce { nonce = known } else { nonce = try await resynchronizeNonce() }
            let signed = transaction(nonce: nonce, to: to, data: data, value: value, gas: gas, fees: quote)
                .signed(with: key)
            do {
                _ = try await client.sendRawTransaction(signed.raw)
                nextNonce = nonce + 1
                return signed
            } catch  where error.isNonceRefusal && !resynchronized {
                resynchronized = true
                let fresh = try await resynchronizeNonce()
                if fresh == nonce {
                    throw .nonce(
                        "the node refused nonce \(nonce) of \(address) (\(error.message)) although it reports it as "
                            + "the next pending nonce; check the node's pool")
                }
            } catch  where error.isNonceRefusal {
                nextNonce = nil
                throw .nonce(
                    "the node refused nonce \(nonce) of \(address) even after resynchronising from "
                        + "eth_getTransactionCount: \(error.message)")
            } catch  where error.isTransient {
                nextNonce = nil  // it may or may not have arrived: re-read before the next send
                throw error
            }
        }
    }

    /// Sends a transaction and waits for its receipt (at most ``Configuration/receiptTimeout``).
    ///
    /// - Throws: ``ChainError``: as ``send(to:data:value:gasLimit:fees:)``; ``ChainError/Category/timeout``
    ///   if it is not mined in time; ``ChainError/Category/reverted`` with the replayed reason if it
    ///   was mined with status 0.
    @discardableResult
    public func sendAndWait(
        to: EthereumAddress?, data: [UInt8] = [], value: UInt256 = 0, gasLimit: UInt64? = nil, fees: FeeQuote? = nil
    ) async throws(ChainError) -> TransactionReceipt {
        let signed = try await send(to: to, data: data, value: value, gasLimit: gasLimit, fees: fees)
        return try await waitForReceipt(of: signed)
    }

    /// Deploys a contract from `initCode` (bytecode followed by the ABI-encoded constructor
    /// arguments) and returns its address once mined.
    public func deploy(_ initCode: [UInt8], gasLimit: UInt64? = nil) async throws(ChainError) -> EthereumAddress {
        let receipt = try await sendAndWait(to: nil, data: initCode, gasLimit: gasLimit)
        guard let address = receipt.contractAddress else {
            throw .invalidResponse("the receipt of a contract creation has no contractAddress")
        }
        return address
    }

    /// Waits for the receipt of a transaction this account sent; a reverted one throws
    /// ``ChainError/Category/reverted`` with the reason found by replaying it with `eth_call` at its
    /// block.
    public func waitForReceipt(
        of transaction: SignedTransaction, timeout: Duration? = nil
    ) async throws(ChainError)
        -> TransactionReceipt
    {
        let receipt = try await client.waitForReceipt(
            of: transaction.hash.bytes, timeout: timeout ?? configuration.receiptTimeout,
            pollInterval: configuration.pollInterval)
        guard receipt.succeeded else { throw await revertReason(of: transaction, receipt: receipt) }
        return receipt
    }

    /// The typed error for a mined transaction with status 0: replays it with `eth_call` at its block.
    func revertReason(of transaction: SignedTransaction, receipt: TransactionReceipt) async -> ChainError {
        do {
            _ = try await client.call(
                to: transaction.to, data: transaction.data, from: transaction.sender, value: transaction.value,
                gas: transaction.gasLimit, at: .number(receipt.blockNumber))
            return .reverted(
                transactionHash: receipt.transactionHash, reason: nil, data: [],
                context: "mined in block \(receipt.blockNumber) (replaying it with eth_call did not revert)")
        } catch {
            if error.isRevert {
                return Self.revert(
                    error, transactionHash: receipt.transactionHash, context: "mined in block \(receipt.blockNumber)")
            }
            return .reverted(
                transactionHash: receipt.transactionHash, reason: nil, data: [],
                context: "mined in block \(receipt.blockNumber) (the replay failed: \(error.message))")
        }
    }

    // MARK: Internals

    private func transaction(
        nonce: UInt64, to: EthereumAddress?, data: [UInt8], value: UInt256, gas: UInt64, fees: FeeQuote
    ) -> Transaction {
        switch fees {
        case .legacy(let gasPrice):
            return .legacy(
                LegacyTransaction(
                    nonce: nonce, gasPrice: gasPrice, gasLimit: gas, to: to, value: value, data: data, chainID: chainID)
            )
        case .eip1559(let maxFee, let tip):
            return .eip1559(
                EIP1559Transaction(
                    chainID: chainID, nonce: nonce, maxPriorityFeePerGas: tip, maxFeePerGas: maxFee, gasLimit: gas,
                    to: to, value: value, data: data))
        }
    }

    static func revert(_ error: ChainError, transactionHash: [UInt8]?, context: String) -> ChainError {
        .reverted(
            transactionHash: transactionHash, reason: error.revertReason, data: error.revertData ?? [], context: context
        )
    }

    private func acquire() async {
        if !submitting {
            submitting = true
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }

    private func release() {
        if waiters.isEmpty { submitting = false } else { waiters.removeFirst().resume() }
    }
}
