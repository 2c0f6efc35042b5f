/// What an ``ActionRequest`` asks the Guardian contract to do; encoded as `uint8` in EIP-712.
public enum GuardianAction: UInt8, Hashable, Sendable, Codable, CaseIterable, CustomStringConvertible {
    /// Pause the protected protocol (or the part named by the target). Needs f + 1 signatures.
    case pause = 1
    /// Resume after a pause. Needs 2f + 1 signatures (and governance's timelock).
    case unpause = 2
    /// Change one risk parameter (`params` carries which and the new value). Needs 2f + 1.
    case setParameter = 3
    /// Isolate one market or asset (a protective, pause-like action). Needs f + 1.
    case isolate = 4

    /// Whether the action is protective (stops activity) and so takes the smaller f + 1 quorum.
    public var isProtective: Bool { self == .pause || self == .isolate }

    /// The name used in JSON and the CLI.
    public var description: String {
        switch self {
        case .pause: "pause"
        case .unpause: "unpause"
        case .setParameter: "setParameter"
        case .isolate: "isolate"
        }
    }
}
