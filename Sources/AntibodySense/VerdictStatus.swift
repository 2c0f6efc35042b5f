/// How far a price can be trusted.
public enum VerdictStatus: String, Sendable, Codable, Comparable, CaseIterable, CustomStringConvertible {
    /// Every check passed and every source agreed.
    case ok
    /// A usable price, but something is off (a source excluded, a grace period, a fallback in use):
    /// act on it cautiously, e.g. allow repayments but not new borrows.
    case degraded
    /// No price can be trusted; ``PriceVerdict/price`` is `nil`, or for the fallback machine the last
    /// good price, which must not be used to liquidate or lend.
    case untrusted

    @inlinable
    public static func < (lhs: VerdictStatus, rhs: VerdictStatus) -> Bool { lhs.rank < rhs.rank }

    @usableFromInline
    var rank: Int {
        switch self {
        case .ok: 0
        case .degraded: 1
        case .untrusted: 2
        }
    }

    public var description: String { rawValue }
}
