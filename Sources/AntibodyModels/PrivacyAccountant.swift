/// Per-client privacy and query accounting for ``QueryInterface``: queries answered and ε spent
/// under basic sequential composition (ε adds up over queries; a conservative bound).
public struct PrivacyAccountant: Hashable, Sendable {
    /// Queries answered per client.
    public private(set) var queries: [String: Int] = [:]
    /// ε spent per client.
    public private(set) var epsilonSpent: [String: Double] = [:]

    /// An empty ledger.
    public init() {}

    /// Records one answered query of `epsilon` for `client`.
    public mutating func charge(_ client: String, epsilon: Double) {
        queries[client, default: 0] += 1
        epsilonSpent[client, default: 0] += epsilon
    }
}
