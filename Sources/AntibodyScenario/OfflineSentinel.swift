public import AntibodyChain
public import AntibodyCore
public import AntibodyTrust

/// A sentinel that does not answer (down, partitioned): every signing request fails. The drill uses
/// one to show that the Guardian needs only the sentinels that are up.
public struct OfflineSentinel: ActionSigner {
    /// The sentinel's address.
    public let address: EthereumAddress

    /// An offline sentinel at `address`.
    public init(address: EthereumAddress) { self.address = address }

    /// Always throws.
    public func sign(_ request: ActionRequest, in domain: GuardianDomain) async throws -> RecoverableSignature {
        throw ChainError.transport("sentinel \(address) is offline")
    }
}
