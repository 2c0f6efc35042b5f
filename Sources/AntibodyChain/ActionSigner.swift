public import AntibodyCore
public import AntibodyTrust

/// A sentinel that signs ``ActionRequest``s: a local key here, a remote node or a hardware signer
/// later. ``GuardianExecutor`` asks all of them at once and builds the certificate from the answers.
public protocol ActionSigner: Sendable {
    /// The sentinel's address (what `ecrecover` must return for its signatures).
    var address: EthereumAddress { get }
    /// Signs `request` in `domain`, or throws if the sentinel refuses or cannot be reached.
    func sign(_ request: ActionRequest, in domain: GuardianDomain) async throws -> RecoverableSignature
}
