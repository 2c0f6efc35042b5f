public import AntibodyCore

/// The EIP-712 domain of the Guardian contract that executes Antibody's actions on one chain:
/// `EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)`.
///
/// Binding every signed message to a chain id and a contract address means a signature for one
/// deployment can never be replayed on another.
public struct GuardianDomain: Hashable, Sendable, Codable {
    /// The domain name; the Guardian contract hard-codes the same string.
    public var name: String
    /// The domain version; the Guardian contract hard-codes the same string.
    public var version: String
    /// The EIP-155 chain id.
    public var chainID: UInt64
    /// The Guardian contract's address.
    public var verifyingContract: EthereumAddress

    /// The name the Guardian contract uses.
    public static let defaultName = "Antibody Guardian"
    /// The version the Guardian contract uses.
    public static let defaultVersion = "1"

    /// The EIP-712 type string of the domain.
    public static let typeString = "EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"
    /// Keccak-256 of ``typeString``.
    public static let typeHash = Bytes32(Keccak256.digest(typeString.utf8))

    /// A domain.
    public init(
        name: String = GuardianDomain.defaultName, version: String = GuardianDomain.defaultVersion, chainID: UInt64,
        verifyingContract: EthereumAddress
    ) {
        self.name = name
        self.version = version
        self.chainID = chainID
        self.verifyingContract = verifyingContract
    }

    /// The domain separator, `hashStruct(EIP712Domain)`.
    public var separator: Bytes32 {
        var hasher = Keccak256()
        Self.typeHash.withUnsafeBytes { hasher.update($0) }
        Bytes32(Keccak256.digest(name.utf8)).withUnsafeBytes { hasher.update($0) }
        Bytes32(Keccak256.digest(version.utf8)).withUnsafeBytes { hasher.update($0) }
        Bytes32(bigEndian: chainID).withUnsafeBytes { hasher.update($0) }
        Bytes32.word(verifyingContract).withUnsafeBytes { hasher.update($0) }
        return Bytes32(hasher.finalize())
    }

    /// The domain as `eth_signTypedData_v4` JSON members.
    public var jsonMembers: [String: JSONValue] {
        [
            "name": .string(name), "version": .string(version), "chainId": .number(String(chainID)),
            "verifyingContract": .string(verifyingContract.description),
        ]
    }

    /// The `EIP712Domain` fields in order.
    public static let fields: [TypedDataField] = [
        TypedDataField(name: "name", type: "string"), TypedDataField(name: "version", type: "string"),
        TypedDataField(name: "chainId", type: "uint256"), TypedDataField(name: "verifyingContract", type: "address"),
    ]
}
