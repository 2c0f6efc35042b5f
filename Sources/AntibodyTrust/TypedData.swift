public import AntibodyCore

/// An EIP-712 typed-data document in the JSON shape wallets accept for `eth_signTypedData_v4`:
/// `types`, `primaryType`, `domain` and `message`.
///
/// The encoder is general: nested structs, fixed and dynamic arrays (of anything, nested), `bytes`,
/// `bytes1`…`bytes32`, `string`, `address`, `bool`, `uint8`…`uint256` and `int8`…`int256`.
/// Integers may be JSON numbers, decimal strings or `0x` hex strings; they are range-checked
/// against their type. The digest is Keccak-256 of `0x19 0x01 ‖ domainSeparator ‖
/// hashStruct(message)`.
public struct TypedData: Sendable {
    /// The struct types by name, each an ordered list of fields (including `EIP712Domain`).
    public var types: [String: [TypedDataField]]
    /// The type of ``message``.
    public var primaryType: String
    /// The domain values (members of `EIP712Domain`).
    public var domain: [String: JSONValue]
    /// The message to sign.
    public var message: JSONValue

    /// The order EIP-712 gives the optional domain members when `types` has no `EIP712Domain`.
    static let domainMemberOrder: [(name: String, type: String)] = [
        ("name", "string"), ("version", "string"), ("chainId", "uint256"),
        ("verifyingContract", "address"), ("salt", "bytes32"),
    ]

    /// A document from its parts. If `types` has no `EIP712Domain`, one is derived from the
    /// members present in `domain`, in the order EIP-712 lists them.
    public init(types: [String: [TypedDataField]], primaryType: String, domain: [String: JSONValue], message: JSONValue)
    {
        var types = types
        if types["EIP712Domain"] == nil {
            types["EIP712Domain"] = Self.domainMemberOrder.compactMap { member in
                domain[member.name] == nil ? nil : TypedDataField(name: member.name, type: member.type)
            }
        }
        self.types = types
        self.primaryType = primaryType
        self.domain = domain
        self.message = message
    }

    /// Parses an `eth_signTypedData_v4` JSON document.
    ///
    /// - Throws: ``TrustError`` saying which member is missing or malformed.
    public init(json: String) throws(TrustError) {
        try self.init(json: JSONValue.parse(json))
    }

    /// A document from a parsed `eth_signTypedData_v4` JSON value.
    public init(json: JSONValue) throws(TrustError) {
        guard let root = json.objectValue else {
            throw .typedData("typed data must be a JSON object with types, primaryType, domain and message")
        }
        guard let typesObject = root["types"]?.objectValue else {
            throw .typedData("typed data needs a \"types\" object mapping each struct name to its fields")
        }
        var types: [String: [TypedDataField]] = [:]
        for (name, fieldsValue) in typesObject {
            guard let fields = fieldsValue.arrayValue else {
                throw .typedData("types.\(name) must be an array of {name, type} objects")
            }
            types[name] = try fields.enumerated().map { (position, field) throws(TrustError) in
                guard let object = field.objectValue, let fieldName = object["name"]?.stringValue,
                    let fieldType = object["type"]?.stringValue
                else {
                    throw .typedData("types.\(name)[\(position)] must be an object with string \"name\" and \"type\"")
                }
                return TypedDataField(name: fieldName, type: fieldType)
            }
        }
        guard let primaryType = root["primaryType"]?.stringValue else {
            throw .typedData("typed data needs a string \"primaryType\" naming the type of \"message\"")
        }
        guard let domain = root["domain"]?.objectValue else {
            throw .typedData("typed data needs a \"domain\" object (name, version, chainId, verifyingContract, salt)")
        }
        guard let message = root["message"] else {
            throw .typedData("typed data needs a \"message\" object of type \(primaryType)")
        }
        self.init(types: types, primaryType: primaryType, domain: domain, message: message)
    }

    /// The domain separator: `hashStruct("EIP712Domain", domain)`.
    public func domainSeparator() throws(TrustError) -> Bytes32 {
        try hashStruct("EIP712Domain", .object(domain))
    }

    /// The 32-byte digest a wallet signs: Keccak-256 of `0x19 0x01 ‖ domainSeparator ‖
    /// hashStruct(primaryType, message)`.
    public func digest() throws(TrustError) -> Bytes32 {
        let separator = try domainSeparator()
        let structHash = try hashStruct(primaryType, message)
        return Self.digest(domainSeparator: separator, structHash: structHash)
    }

    /// Keccak-256 of `0x19 0x01 ‖ domainSeparator ‖ structHash`.
    @inlinable
    public static func digest(domainSeparator: Bytes32, structHash: Bytes32) -> Bytes32 {
        var hasher = Keccak256()
        withUnsafeBytes(of: (UInt8(0x19), UInt8(0x01))) { hasher.update($0) }
        domainSeparator.withUnsafeBytes { hasher.update($0) }
        structHash.withUnsafeBytes { hasher.update($0) }
        return Bytes32(hasher.finalize())
    }

    /// Signs ``digest()`` with `key`.
    public func sign(with key: Secp256k1PrivateKey) throws(TrustError) -> RecoverableSignature {
        key.signature(for: try digest())
    }
}
