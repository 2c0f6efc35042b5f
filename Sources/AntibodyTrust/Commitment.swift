import AntibodyCore

/// Governance's signed commitment to one version of a policy or model: the subject's canonical
/// digest (``CanonicalDigest``), signed by t of the n governance approvers as EIP-712 typed data
/// `Commitment(string subject,bytes32 digest,uint64 version)`.
///
/// The engine loads a policy or model only through ``CommitmentRule/load(_:document:decode:)``,
/// which refuses — and says why — when the document no longer hashes to the committed digest or
/// the signatures do not make a quorum.
public struct Commitment: Hashable, Sendable, Codable {
    /// What is committed, e.g. `"policy:aave-v3-mainnet"` or `"model:robust-z"`.
    public var subject: String
    /// The canonical digest of the committed document.
    public var digest: Bytes32
    /// A version number, increasing with every new commitment to the subject.
    public var version: UInt64
    /// Governance approvers' signatures over ``signingDigest(in:)``.
    public var signatures: [RecoverableSignature]

    /// The EIP-712 type string.
    public static let typeString = "Commitment(string subject,bytes32 digest,uint64 version)"
    /// Keccak-256 of ``typeString``.
    public static let typeHash = Bytes32(Keccak256.digest(typeString.utf8))

    /// A commitment (add signatures with ``signed(by:in:)``).
    public init(subject: String, digest: Bytes32, version: UInt64, signatures: [RecoverableSignature] = []) {
        self.subject = subject
        self.digest = digest
        self.version = version
        self.signatures = signatures
    }

    /// The EIP-712 digest approvers sign.
    public func signingDigest(in domain: GuardianDomain) -> Bytes32 {
        var hasher = Keccak256()
        Self.typeHash.withUnsafeBytes { hasher.update($0) }
        Bytes32(Keccak256.digest(subject.utf8)).withUnsafeBytes { hasher.update($0) }
        digest.withUnsafeBytes { hasher.update($0) }
        Bytes32(bigEndian: version).withUnsafeBytes { hasher.update($0) }
        return TypedData.digest(domainSeparator: domain.separator, structHash: Bytes32(hasher.finalize()))
    }

    /// This commitment with one more signature, by `key`.
    public func signed(by key: Secp256k1PrivateKey, in domain: GuardianDomain) -> Commitment {
        var copy = self
        copy.signatures.append(key.signature(for: signingDigest(in: domain)))
        return copy
    }

    /// The commitment as an `eth_signTypedData_v4` document (for `antibody sign typed-data` or a
    /// hardware wallet).
    public func typedData(in domain: GuardianDomain) -> TypedData {
        TypedData(
            types: [
                "EIP712Domain": GuardianDomain.fields,
                "Commitment": [
                    TypedDataField(name: "subject", type: "string"), TypedDataField(name: "digest", type: "bytes32"),
                    TypedDataField(name: "version", type: "uint64"),
                ],
            ],
            primaryType: "Commitment", domain: domain.jsonMembers,
            message: .object([
                "subject": .string(subject), "digest": .string(digest.description),
                "version": .number(String(version)),
            ]))
    }
}
