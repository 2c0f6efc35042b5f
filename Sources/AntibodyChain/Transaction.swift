public import AntibodyCore
public import AntibodyMath
public import AntibodyTrust

/// An unsigned transaction of either kind the chain client signs.
public enum Transaction: Hashable, Sendable {
    /// A legacy EIP-155 transaction.
    case legacy(LegacyTransaction)
    /// An EIP-1559 (type 2) transaction.
    case eip1559(EIP1559Transaction)

    /// The sender's nonce.
    public var nonce: UInt64 {
        get {
            switch self {
            case .legacy(let tx): tx.nonce
            case .eip1559(let tx): tx.nonce
            }
        }
        set {
            switch self {
            case .legacy(var tx):
                tx.nonce = newValue
                self = .legacy(tx)
            case .eip1559(var tx):
                tx.nonce = newValue
                self = .eip1559(tx)
            }
        }
    }

    /// The recipient (`nil` for a contract creation).
    public var to: EthereumAddress? {
        switch self {
        case .legacy(let tx): tx.to
        case .eip1559(let tx): tx.to
        }
    }

    /// The call data.
    public var data: [UInt8] {
        switch self {
        case .legacy(let tx): tx.data
        case .eip1559(let tx): tx.data
        }
    }

    /// The wei sent along.
    public var value: UInt256 {
        switch self {
        case .legacy(let tx): tx.value
        case .eip1559(let tx): tx.value
        }
    }

    /// The gas limit.
    public var gasLimit: UInt64 {
        switch self {
        case .legacy(let tx): tx.gasLimit
        case .eip1559(let tx): tx.gasLimit
        }
    }

    /// The hash that is signed.
    public var signingHash: Bytes32 {
        switch self {
        case .legacy(let tx): tx.signingHash
        case .eip1559(let tx): tx.signingHash
        }
    }

    /// Signs the transaction.
    public func signed(with key: Secp256k1PrivateKey) -> SignedTransaction {
        switch self {
        case .legacy(let tx): tx.signed(with: key)
        case .eip1559(let tx): tx.signed(with: key)
        }
    }
}
