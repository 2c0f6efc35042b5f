public import AntibodyCore

/// The sentinel nodes allowed to sign ``ActionRequest``s, and the Byzantine quorum rules over them.
///
/// With n members the set tolerates f = ⌊(n − 1) / 3⌋ faulty (Byzantine) ones, since n ≥ 3f + 1.
/// Safety-first asymmetry: protective actions (pause, isolate) need f + 1 distinct members — at
/// least one honest node saw the threat — while unpause and parameter changes need 2f + 1, a
/// majority of the honest nodes in any quorum.
public struct SentinelSet: Hashable, Sendable, Codable {
    /// The members' addresses, in the order given (no duplicates).
    public let members: [EthereumAddress]
    private let memberSet: Set<EthereumAddress>

    /// The largest set accepted (bounds certificate size and verification time).
    public static let maximumMembers = 255

    /// A set of distinct members.
    ///
    /// - Throws: ``TrustError`` if `members` is empty, larger than ``maximumMembers`` or has a
    ///   duplicate.
    public init(members: [EthereumAddress]) throws(TrustError) {
        guard !members.isEmpty, members.count <= Self.maximumMembers else {
            throw .invalidInput("a sentinel set has 1 to \(Self.maximumMembers) members, not \(members.count)")
        }
        let set = Set(members)
        guard set.count == members.count else {
            throw .invalidInput("a sentinel set lists a member twice; each address may appear once")
        }
        self.members = members
        self.memberSet = set
    }

    /// n, the number of members.
    public var count: Int { members.count }

    /// f = ⌊(n − 1) / 3⌋, the number of faulty members tolerated.
    public var faultTolerance: Int { (members.count - 1) / 3 }

    /// The number of distinct member signatures `action` needs: f + 1 for pause and isolate,
    /// 2f + 1 for unpause and set-parameter.
    public func threshold(for action: GuardianAction) -> Int {
        action.isProtective ? faultTolerance + 1 : 2 * faultTolerance + 1
    }

    /// Whether `address` is a member.
    public func contains(_ address: EthereumAddress) -> Bool { memberSet.contains(address) }

    private enum CodingKeys: String, CodingKey { case members }

    /// Decodes and re-validates the member list.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(members: container.decode([EthereumAddress].self, forKey: .members))
    }

    /// Encodes the member list.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(members, forKey: .members)
    }
}
