public import AntibodyCore

/// A Chainlink-style price feed the watcher reads with `latestRoundData()`.
public struct WatchedFeed: Hashable, Sendable {
    /// The feed (aggregator proxy) contract.
    public var address: EthereumAddress
    /// The policy's stream name the answers go to (an asset of the policy), e.g. `"WETH"`.
    public var stream: String
    /// The feed's decimals: answers are divided by 10^decimals.
    public var decimals: Int

    /// A feed. `decimals` is clamped to 0...36.
    public init(address: EthereumAddress, stream: String, decimals: Int) {
        self.address = address
        self.stream = stream
        self.decimals = min(max(decimals, 0), 36)
    }
}
