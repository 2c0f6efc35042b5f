public import AntibodyCore

/// The outcome of verifying an audit log.
public struct AuditReport: Hashable, Sendable {
    /// The signer the entries were checked against (nil for an empty log with no signer yet).
    public let signer: EthereumAddress?
    /// Entries that verified, from index 0, before the first fault.
    public let verifiedCount: UInt64
    /// The first fault, or nil if the whole log verifies.
    public let fault: AuditFault?

    /// Whether the whole log verifies.
    public var isIntact: Bool { fault == nil }
}
