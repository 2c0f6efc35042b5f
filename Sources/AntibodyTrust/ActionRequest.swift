public import AntibodyCore

/// A request to the Guardian contract, signed by sentinels as EIP-712 typed data:
/// `ActionRequest(uint8 action,address target,bytes params,uint256 nonce,uint64 expiry)` in the
/// ``GuardianDomain``.
///
/// The nonce makes every request single-use; the expiry (Unix seconds, compared with
/// `block.timestamp` on chain) bounds how long a collected certificate stays usable.
public struct ActionRequest: Hashable, Sendable, Codable {
    /// What to do.
    public var action: GuardianAction
    /// The contract (market, pool, vault) the action applies to.
    public var target: EthereumAddress
    /// Action-specific parameters, ABI-encoded as the Guardian contract decodes them (see
    /// docs/trust.md): empty for pause, `abi_encode(asset)` for isolate, …
    public var params: [UInt8]
    /// A number used once per Guardian.
    public var nonce: UInt64
    /// The last second (Unix time) at which the request may be executed.
    public var expiry: UInt64

    /// The largest `params` accepted, in bytes (bounds untrusted certificates).
    public static let maximumParamsCount = 4096

    /// The EIP-712 type string.
    public static let typeString = "ActionRequest(uint8 action,address target,bytes params,uint256 nonce,uint64 expiry)"
    /// Keccak-256 of ``typeString``.
    public static let typeHash = Bytes32(Keccak256.digest(typeString.utf8))

    /// A request.
    public init(action: GuardianAction, target: EthereumAddress, params: [UInt8] = [], nonce: UInt64, expiry: UInt64) {
        self.action = action
        self.target = target
        self.params = params
        self.nonce = nonce
        self.expiry = expiry
    }

    /// `hashStruct(ActionRequest)`.
    public var structHash: Bytes32 {
        var hasher = Keccak256()
        Self.typeHash.withUnsafeBytes { hasher.update($0) }
        Bytes32(bigEndian: UInt64(action.rawValue)).withUnsafeBytes { hasher.update($0) }
        Bytes32.word(target).withUnsafeBytes { hasher.update($0) }
        Bytes32(Keccak256.digest(params)).withUnsafeBytes { hasher.update($0) }
        Bytes32(bigEndian: nonce).withUnsafeBytes { hasher.update($0) }
        Bytes32(bigEndian: expiry).withUnsafeBytes { hasher.update($0) }
        return Bytes32(hasher.finalize())
    }

    /// The digest sentinels sign in `domain`.
    public func digest(in domain: GuardianDomain) -> Bytes32 {
        TypedData.digest(domainSeparator: domain.separator, structHash: structHash)
    }

    /// Signs the request in `domain`.
    public func sign(in domain: GuardianDomain, with key: Secp256k1PrivateKey) -> RecoverableSignature {
        key.signature(for: digest(in: domain))
    }

    /// The request as an `eth_signTypedData_v4` document (what a wallet or hardware signer sees).
    public func typedData(in domain: GuardianDomain) -> TypedData {
        TypedData(
            types: [
                "EIP712Domain": GuardianDomain.fields,
                "ActionRequest": [
                    TypedDataField(name: "action", type: "uint8"), TypedDataField(name: "target", type: "address"),
                    TypedDataField(name: "params", type: "bytes"), TypedDataField(name: "nonce", type: "uint256"),
                    TypedDataField(name: "expiry", type: "uint64"),
                ],
            ],
            primaryType: "ActionRequest",
            domain: domain.jsonMembers,
            message: .object([
                "action": .number(String(action.rawValue)), "target": .string(target.description),
                "params": .string(Hex.encode(params)), "nonce": .number(String(nonce)),
                "expiry": .number(String(expiry)),
            ]))
    }
}
