public import AntibodyCore

/// An ERC-20 the watched vault holds: how its on-chain amounts become the engine's events.
public struct WatchedAsset: Hashable, Sendable {
    /// The token contract.
    public var token: EthereumAddress
    /// The policy's name for the asset (the `asset` of `.flow` events), e.g. `"USDC"`.
    public var symbol: String
    /// The token's decimals: on-chain amounts are divided by 10^decimals.
    public var decimals: Int
    /// The state path the vault's liquidity of this asset is written to (e.g. `"vault.totalAssets"`),
    /// or `nil` to emit flows only.
    public var statePath: String?

    /// An asset. `decimals` is clamped to 0...36.
    public init(token: EthereumAddress, symbol: String, decimals: Int, statePath: String? = nil) {
        self.token = token
        self.symbol = symbol
        self.decimals = min(max(decimals, 0), 36)
        self.statePath = statePath
    }
}
