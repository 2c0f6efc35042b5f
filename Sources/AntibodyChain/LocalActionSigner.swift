public import AntibodyCore
public import AntibodyTrust

/// An ``ActionSigner`` over a private key held in this process.
public struct LocalActionSigner: ActionSigner {
    private let key: Secp256k1PrivateKey

    /// A signer with `key`.
    public init(key: Secp256k1PrivateKey) { self.key = key }

    /// The key's address.
    public var address: EthereumAddress { key.address }

    /// Signs the request's EIP-712 digest (low-s, as libsecp256k1 produces).
    public func sign(_ request: ActionRequest, in domain: GuardianDomain) async throws -> RecoverableSignature {
        request.sign(in: domain, with: key)
    }
}
