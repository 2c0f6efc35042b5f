public import AntibodyCore

/// Checks audit entries one at a time, in stored order, and remembers the first fault: a
/// value-type state machine, so a log of any size streams through it in constant memory.
public struct AuditVerifier: Sendable {
    /// The address every entry must be signed by.
    public let signer: EthereumAddress
    /// Entries checked so far (the index expected next).
    public private(set) var count: UInt64 = 0
    /// The first fault found, if any (checking stops there).
    public private(set) var fault: AuditFault?
    /// The hash of the last good entry (zero before the first).
    public private(set) var headHash: Bytes32 = .zero

    /// A verifier for a log signed by `signer`.
    public init(signer: EthereumAddress) { self.signer = signer }

    /// Checks the next stored entry. Returns the fault if this entry is the first bad one.
    @discardableResult
    public mutating func check(_ entry: AuditEntry) -> AuditFault? {
        guard fault == nil else { return fault }
        let expected = count
        if entry.index != expected {
            fault = AuditFault(index: expected, reason: .indexMismatch(found: entry.index))
        } else if entry.previousHash != headHash {
            fault = AuditFault(index: expected, reason: .brokenLink)
        } else if entry.expectedHash != entry.hash {
            fault = AuditFault(index: expected, reason: .hashMismatch)
        } else if !entry.signature.isLowS {
            fault = AuditFault(index: expected, reason: .invalidSignature)
        } else {
            switch Result(catching: { () throws(TrustError) in try entry.signature.recoverAddress(digest: entry.hash) })
            {
            case .failure:
                fault = AuditFault(index: expected, reason: .invalidSignature)
            case .success(let recovered) where recovered != signer:
                fault = AuditFault(index: expected, reason: .wrongSigner(recovered))
            case .success:
                headHash = entry.hash
                count += 1
            }
        }
        return fault
    }

    /// Checks the end of the log against its signed head (count and last hash): entries missing
    /// at the end show up here.
    @discardableResult
    public mutating func finish(signedHeadCount: UInt64?, signedHeadHash: Bytes32?) -> AuditFault? {
        guard fault == nil else { return fault }
        if let signedHeadCount, signedHeadCount > count {
            fault = AuditFault(index: count, reason: .truncated(signedCount: signedHeadCount))
        } else if let signedHeadCount, signedHeadCount == count, let signedHeadHash, signedHeadHash != headHash {
            fault = AuditFault(index: count == 0 ? 0 : count - 1, reason: .hashMismatch)
        }
        return fault
    }
}
