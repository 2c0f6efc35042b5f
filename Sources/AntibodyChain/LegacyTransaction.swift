public import AntibodyCore
public import AntibodyMath
public import AntibodyTrust

/// A legacy (type 0) transaction with EIP-155 replay protection.
///
/// The signing payload is `RLP([nonce, gasPrice, gasLimit, to, value, data, chainId, 0, 0])`; the
/// signed transaction is `RLP([nonce, gasPrice, gasLimit, to, value, data, v, r, s])` with
/// `v = recoveryId + 35 + 2·chainId` (EIP-155).
public struct LegacyTransaction: Hashable, Sendable {
    /// The sender's nonce.
    public var nonce: UInt64
    /// The price per unit of gas, in wei.
    public var gasPrice: UInt256
    /// The most gas the transaction may use.
    public var gasLimit: UInt64
    /// The recipient, or `nil` to create a contract from ``data``.
    public var to: EthereumAddress?
    /// The wei sent along.
    public var value: UInt256
    /// The call data (or the init code of a contract creation).
    public var data: [UInt8]
    /// The EIP-155 chain id.
    public var chainID: UInt64

    /// A transaction.
    public init(
        nonce: UInt64, gasPrice: UInt256, gasLimit: UInt64, to: EthereumAddress?, value: UInt256 = 0,
        data: [UInt8] = [], chainID: UInt64
    ) {
        self.nonce = nonce
        self.gasPrice = gasPrice
        self.gasLimit = gasLimit
        self.to = to
        self.value = value
        self.data = data
        self.chainID = chainID
    }

    private var fields: [RLP] {
        [
            .integer(nonce), .integer(gasPrice), .integer(gasLimit), .bytes(to?.bytes ?? []), .integer(value),
            .bytes(data),
        ]
    }

    /// The bytes whose Keccak-256 hash is signed: `RLP([nonce, gasPrice, gasLimit, to, value, data,
    /// chainId, 0, 0])`.
    public var signingPayload: [UInt8] {
        RLP.list(fields + [.integer(chainID), .integer(UInt64(0)), .integer(UInt64(0))]).encoded
    }

    /// Keccak-256 of ``signingPayload``.
    public var signingHash: Bytes32 { Bytes32(Keccak256.digest(signingPayload)) }

    /// Signs the transaction (deterministic RFC 6979 nonce, low s).
    public func signed(with key: Secp256k1PrivateKey) -> SignedTransaction {
        let signature = key.signature(for: signingHash)
        let v = signature.eip155V(chainID: chainID)
        let raw = RLP.list(
            fields + [.integer(v), .bigEndianInteger(signature.r.bytes), .bigEndianInteger(signature.s.bytes)]
        )
        .encoded
        return SignedTransaction(transaction: .legacy(self), raw: raw, signature: signature, v: v, sender: key.address)
    }
}
