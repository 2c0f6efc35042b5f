import AntibodyCore

/// An approver's signed consent to one proposal, as EIP-712 typed data:
/// `GovernanceApproval(uint64 proposal,bytes32 change)` where `change` is
/// ``GovernanceChange/hash``. Binding the change hash means an approval cannot be moved to a
/// different proposal that reuses the id.
public enum GovernanceApproval {
    /// The EIP-712 type string.
    public static let typeString = "GovernanceApproval(uint64 proposal,bytes32 change)"
    /// Keccak-256 of ``typeString``.
    public static let typeHash = Bytes32(Keccak256.digest(typeString.utf8))

    /// The digest an approver signs for `proposal` proposing `change`, in `domain`.
    public static func digest(proposal: UInt64, change: GovernanceChange, in domain: GuardianDomain) -> Bytes32 {
        var hasher = Keccak256()
        typeHash.withUnsafeBytes { hasher.update($0) }
        Bytes32(bigEndian: proposal).withUnsafeBytes { hasher.update($0) }
        change.hash.withUnsafeBytes { hasher.update($0) }
        return TypedData.digest(domainSeparator: domain.separator, structHash: Bytes32(hasher.finalize()))
    }

    /// Signs an approval.
    public static func sign(
        proposal: UInt64, change: GovernanceChange, in domain: GuardianDomain, with key: Secp256k1PrivateKey
    ) -> RecoverableSignature {
        key.signature(for: digest(proposal: proposal, change: change, in: domain))
    }
}
