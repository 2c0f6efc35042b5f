/// The five states of Liquity v1's `PriceFeed`, with the same raw values as its Solidity `Status` enum.
public enum LiquityStatus: UInt8, Hashable, Sendable, Codable, CaseIterable, CustomStringConvertible {
    /// Chainlink is the source and both oracles are trusted.
    case chainlinkWorking = 0
    /// Chainlink is distrusted (broken, or deviated without Tellor's agreement); Tellor is the source.
    case usingTellorChainlinkUntrusted = 1
    /// Both oracles are distrusted; the last good price is returned.
    case bothOraclesUntrusted = 2
    /// Chainlink is frozen (no update for `timeout`); Tellor is the source.
    case usingTellorChainlinkFrozen = 3
    /// Tellor is broken; Chainlink is the source with no fallback.
    case usingChainlinkTellorUntrusted = 4

    public var description: String {
        switch self {
        case .chainlinkWorking: "chainlinkWorking"
        case .usingTellorChainlinkUntrusted: "usingTellorChainlinkUntrusted"
        case .bothOraclesUntrusted: "bothOraclesUntrusted"
        case .usingTellorChainlinkFrozen: "usingTellorChainlinkFrozen"
        case .usingChainlinkTellorUntrusted: "usingChainlinkTellorUntrusted"
        }
    }
}
