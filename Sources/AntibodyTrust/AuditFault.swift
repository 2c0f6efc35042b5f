public import AntibodyCore

/// The first place an audit log stops verifying, and why.
public struct AuditFault: Hashable, Sendable, CustomStringConvertible {
    /// Why the entry at ``index`` is bad.
    public enum Reason: Hashable, Sendable {
        /// The entry stored at this position claims another index: entries were deleted, inserted
        /// or reordered.
        case indexMismatch(found: UInt64)
        /// The entry's previous-hash is not the hash of the entry before it.
        case brokenLink
        /// The entry's contents do not hash to its stored hash: it was edited.
        case hashMismatch
        /// The signature is malleable or recovers no key.
        case invalidSignature
        /// The signature is by another key than the log's signer.
        case wrongSigner(EthereumAddress)
        /// Entries from this index on are missing: the log is shorter than its signed head says.
        case truncated(signedCount: UInt64)
    }

    /// The first bad index.
    public let index: UInt64
    /// Why.
    public let reason: Reason

    public var description: String {
        switch reason {
        case .indexMismatch(let found):
            "entry \(index): the entry stored here claims index \(found) (entries were deleted, inserted or reordered)"
        case .brokenLink:
            "entry \(index): its previous hash is not entry \(index == 0 ? "-" : String(index - 1))'s hash"
        case .hashMismatch: "entry \(index): its contents do not match its hash (edited)"
        case .invalidSignature: "entry \(index): its signature is malformed or malleable"
        case .wrongSigner(let signer): "entry \(index): signed by \(signer), not the log's signer"
        case .truncated(let count):
            "entry \(index): missing; the signed head says the log has \(count) entries (truncated)"
        }
    }
}
