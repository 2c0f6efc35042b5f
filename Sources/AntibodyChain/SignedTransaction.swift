public import AntibodyCore
public import AntibodyMath
public import AntibodyTrust

/// A signed transaction ready for `eth_sendRawTransaction`: its raw bytes (the EIP-2718 envelope
/// for typed transactions, the plain RLP list for legacy ones) and its hash.
public struct SignedTransaction: Hashable, Sendable {
    /// The transaction that was signed.
    public let transaction: Transaction
    /// The bytes to broadcast.
    public let raw: [UInt8]
    /// The transaction hash: Keccak-256 of ``raw`` (what the node returns and receipts carry).
    public let hash: Bytes32
    /// The signature over the signing hash.
    public let signature: RecoverableSignature
    /// The `v` field as encoded: `recoveryId + 35 + 2·chainId` for legacy EIP-155 transactions, the
    /// y parity (0 or 1) for typed ones.
    public let v: UInt64
    /// The signer's address.
    public let sender: EthereumAddress

    init(transaction: Transaction, raw: [UInt8], signature: RecoverableSignature, v: UInt64, sender: EthereumAddress) {
        self.transaction = transaction
        self.raw = raw
        self.hash = Bytes32(Keccak256.digest(raw))
        self.signature = signature
        self.v = v
        self.sender = sender
    }

    /// The recipient (`nil` for a contract creation).
    public var to: EthereumAddress? { transaction.to }
    /// The call data.
    public var data: [UInt8] { transaction.data }
    /// The wei sent along.
    public var value: UInt256 { transaction.value }
    /// The gas limit.
    public var gasLimit: UInt64 { transaction.gasLimit }
    /// The nonce.
    public var nonce: UInt64 { transaction.nonce }
}
