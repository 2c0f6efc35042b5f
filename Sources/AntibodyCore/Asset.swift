/// A token or currency that Antibody watches or accounts in.
///
/// Identity is the `symbol` (case-sensitive, as the policy spells it); `decimals` is the token's
/// on-chain scale (18 for ETH and most ERC-20s, 6 for USDC), used when converting exact integer
/// amounts to and from human units.
public struct Asset: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The symbol, e.g. `"ETH"`, `"USDC"`.
    public var symbol: String
    /// The number of decimal places of the token's smallest unit (0…36).
    public var decimals: Int

    /// An asset with `symbol` and `decimals`.
    ///
    /// - Precondition: `symbol` is not empty and `0 ≤ decimals ≤ 36`; use ``validated(symbol:decimals:)``
    ///   for untrusted input.
    public init(symbol: String, decimals: Int = 18) {
        precondition(!symbol.isEmpty && (0...36).contains(decimals), "invalid asset \(symbol)/\(decimals)")
        self.symbol = symbol
        self.decimals = decimals
    }

    /// An asset from untrusted input, or an error that says what was wrong.
    public static func validated(symbol: String, decimals: Int) throws(CoreError) -> Asset {
        guard !symbol.isEmpty, symbol.count <= 32,
            symbol.allSatisfy({ $0.isLetter || $0.isNumber || "._-".contains($0) })
        else {
            throw CoreError.invalidValue(
                "asset symbol \(symbol.debugDescription) must be 1–32 letters, digits, '.', '_' or '-'")
        }
        guard (0...36).contains(decimals) else {
            throw CoreError.invalidValue("asset \(symbol) has \(decimals) decimals; use 0…36")
        }
        return Asset(symbol: symbol, decimals: decimals)
    }

    /// The US dollar as a quote currency (6 decimals, like USDC).
    public static let usd = Asset(symbol: "USD", decimals: 6)

    public var description: String { symbol }
}
