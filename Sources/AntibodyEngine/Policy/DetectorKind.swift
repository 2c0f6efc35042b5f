/// The detector algorithms a policy can name.
public enum DetectorKind: String, Hashable, Sendable, CaseIterable, Codable {
    /// EWMA z-score of log returns (built in, ``EwmaZDetector``).
    case ewmaZ = "ewma-z"
    /// Absolute log return against a maximum move (built in, ``PriceJumpDetector``).
    case priceJump = "price-jump"
}
