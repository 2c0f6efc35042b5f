public import AntibodyCore

/// How ``GuardianPort`` maps the engine's scopes to contracts: which contract a scope names, which
/// token an asset name is, and how long a signed request stays valid.
public struct GuardianTargets: Hashable, Sendable {
    /// The contract `.protocolWide` actions (and asset isolations) apply to: the protected vault.
    public var protocolTarget: EthereumAddress
    /// Other scopes by their description (`"vault:main"`, `"market:WETH"`) → contract.
    public var scopes: [String: EthereumAddress]
    /// Asset names (the policy's) → token contracts.
    public var assets: [String: EthereumAddress]
    /// Seconds from the decision to the request's expiry (1 s ... 1 day).
    public var requestLifetime: UInt64

    /// The limiter parameters a `setParameter` action may name.
    public static let limiterParameters: Set<String> = [
        "windowSeconds", "minRetainedBps", "cooldownSeconds", "holdOnTrip",
    ]

    /// Targets; `requestLifetime` is clamped to 1...86,400 seconds.
    public init(
        protocolTarget: EthereumAddress, scopes: [String: EthereumAddress] = [:],
        assets: [String: EthereumAddress] = [:], requestLifetime: UInt64 = 600
    ) {
        self.protocolTarget = protocolTarget
        self.scopes = scopes
        self.assets = assets
        self.requestLifetime = min(max(requestLifetime, 1), 86_400)
    }
}
