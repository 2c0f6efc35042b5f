public import AntibodyCore

/// Why ``QuorumVerifier`` refused a certificate. Each cause has its own reason so operators, logs
/// and tests can tell a replay from a forgery from a configuration mistake.
public struct QuorumRejection: Error, Hashable, Sendable, CustomStringConvertible {
    /// The cause.
    public enum Reason: Hashable, Sendable {
        /// The certificate's chain id or verifying contract is not this Guardian's.
        case wrongDomain(expected: GuardianDomain, got: GuardianDomain)
        /// The request's expiry (Unix seconds) is before the time of verification.
        case expired(expiry: UInt64, now: UInt64)
        /// The nonce was already used by an executed certificate.
        case replayedNonce(UInt64)
        /// Signature `index` has s in the upper half of the order (a malleated copy).
        case malleableSignature(index: Int)
        /// Signature `index` recovers no public key.
        case invalidSignature(index: Int)
        /// Signature `index` recovers to an address outside the sentinel set.
        case nonMember(index: Int, signer: EthereumAddress)
        /// Signature `index` is a second signature from a member who already signed.
        case duplicateSigner(index: Int, signer: EthereumAddress)
        /// Fewer distinct member signatures than the action's threshold.
        case insufficientSignatures(have: Int, need: Int)
    }

    /// The cause.
    public let reason: Reason

    /// A rejection.
    public init(_ reason: Reason) { self.reason = reason }

    public var description: String {
        switch reason {
        case .wrongDomain(let expected, let got):
            "certificate is for chain \(got.chainID) contract \(got.verifyingContract), not this Guardian "
                + "(chain \(expected.chainID) contract \(expected.verifyingContract)); it cannot be used here"
        case .expired(let expiry, let now):
            "certificate expired at \(expiry) (Unix seconds) and it is now \(now); collect fresh signatures"
        case .replayedNonce(let nonce):
            "certificate nonce \(nonce) was already used; a request executes at most once"
        case .malleableSignature(let index):
            "signature \(index) has a high s value (a malleated copy); only low-s signatures are accepted"
        case .invalidSignature(let index):
            "signature \(index) does not recover to any public key"
        case .nonMember(let index, let signer):
            "signature \(index) is by \(signer), who is not in the sentinel set"
        case .duplicateSigner(let index, let signer):
            "signature \(index) is a second signature by \(signer); each member counts once"
        case .insufficientSignatures(let have, let need):
            "certificate has \(have) distinct member signatures; this action needs \(need)"
        }
    }
}
