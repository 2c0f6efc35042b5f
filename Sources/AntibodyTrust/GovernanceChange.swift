import AntibodyCore

/// What a governance proposal changes.
public enum GovernanceChange: Hashable, Sendable, Codable {
    /// Set a governed parameter (within its floor and ceiling).
    case setParameter(name: String, value: Double)
    /// Resume after an emergency pause: the only way out of a pause.
    case resume

    /// Keccak-256 of the change's canonical encoding, which approvers sign (inside
    /// ``GovernanceApproval``): `"setParameter" ‖ 0x00 ‖ name ‖ 0x00 ‖ IEEE-754 bits of value (big-endian)`
    /// or `"resume"`.
    public var hash: Bytes32 {
        var hasher = Keccak256()
        switch self {
        case .setParameter(let name, let value):
            hasher.update("setParameter".utf8)
            hasher.update([0])
            hasher.update(name.utf8)
            hasher.update([0])
            let bits = value.bitPattern
            hasher.update((0..<8).map { UInt8(truncatingIfNeeded: bits >> (56 - 8 * $0)) })
        case .resume:
            hasher.update("resume".utf8)
        }
        return Bytes32(hasher.finalize())
    }
}
