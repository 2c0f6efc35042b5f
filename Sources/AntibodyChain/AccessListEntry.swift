public import AntibodyCore
public import AntibodyTrust

/// One entry of an EIP-2930 access list (used by EIP-1559 transactions): a contract and the storage
/// slots the transaction declares it will touch.
public struct AccessListEntry: Hashable, Sendable {
    /// The contract.
    public var address: EthereumAddress
    /// The storage keys.
    public var storageKeys: [Bytes32]

    /// An entry.
    public init(address: EthereumAddress, storageKeys: [Bytes32] = []) {
        self.address = address
        self.storageKeys = storageKeys
    }

    var rlp: RLP {
        .list([.bytes(address.bytes), .list(storageKeys.map { .bytes($0.bytes) })])
    }
}
