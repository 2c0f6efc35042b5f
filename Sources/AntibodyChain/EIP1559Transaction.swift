public import AntibodyCore
public import AntibodyMath
public import AntibodyTrust

/// An EIP-1559 (type 2) transaction: a priority fee for the block producer on top of the burnt base
/// fee, capped by ``maxFeePerGas``.
///
/// The signing payload is `0x02 ‖ RLP([chainId, nonce, maxPriorityFeePerGas, maxFeePerGas,
/// gasLimit, to, value, data, accessList])`; the signed transaction appends `yParity, r, s` to the
/// list (`yParity` is the recovery id, 0 or 1).
public struct EIP1559Transaction: Hashable, Sendable {
    /// The chain id.
    public var chainID: UInt64
    /// The sender's nonce.
    public var nonce: UInt64
    /// The most wei per gas paid to the block producer above the base fee.
    public var maxPriorityFeePerGas: UInt256
    /// The most wei per gas paid in all (base fee plus priority fee).
    public var maxFeePerGas: UInt256
    /// The most gas the transaction may use.
    public var gasLimit: UInt64
    /// The recipient, or `nil` to create a contract from ``data``.
    public var to: EthereumAddress?
    /// The wei sent along.
    public var value: UInt256
    /// The call data (or the init code of a contract creation).
    public var data: [UInt8]
    /// The EIP-2930 access list.
    public var accessList: [AccessListEntry]

    /// The transaction type byte.
    public static let type: UInt8 = 0x02

    /// A transaction.
    public init(
        chainID: UInt64, nonce: UInt64, maxPriorityFeePerGas: UInt256, maxFeePerGas: UInt256, gasLimit: UInt64,
        to: EthereumAddress?, value: UInt256 = 0, data: [UInt8] = [], accessList: [AccessListEntry] = []
    ) {
        self.chainID = chainID
        self.nonce = nonce
        self.maxPriorityFeePerGas = maxPriorityFeePerGas
        self.maxFeePerGas = maxFeePerGas
        self.gasLimit = gasLimit
        self.to = to
        self.value = value
        self.data = data
        self.accessList = accessList
    }

    private var fields: [RLP] {
        [
            .integer(chainID), .integer(nonce), .integer(maxPriorityFeePerGas), .integer(maxFeePerGas),
            .integer(gasLimit), .bytes(to?.bytes ?? []), .integer(value), .bytes(data), .list(accessList.map(\.rlp)),
        ]
    }

    /// The bytes whose Keccak-256 hash is signed: `0x02 ‖ RLP([chainId, …, accessList])`.
    public var signingPayload: [UInt8] { [Self.type] + RLP.list(fields).encoded }

    /// Keccak-256 of ``signingPayload``.
    public var signingHash: Bytes32 { Bytes32(Keccak256.digest(signingPayload)) }

    /// Signs the transaction (deterministic RFC 6979 nonce, low s).
    public func signed(with key: Secp256k1PrivateKey) -> SignedTransaction {
        let signature = key.signature(for: signingHash)
        let yParity = UInt64(signature.recoveryID)
        let list = RLP.list(
            fields + [.integer(yParity), .bigEndianInteger(signature.r.bytes), .bigEndianInteger(signature.s.bytes)])
        return SignedTransaction(
            transaction: .eip1559(self), raw: [Self.type] + list.encoded, signature: signature, v: yParity,
            sender: key.address)
    }
}
