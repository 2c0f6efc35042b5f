/// The price of one unit of `base` in units of `quote`, as a statistic (`Double`).
///
/// Prices feed detectors and reports, so they are floating point; exact protocol accounting uses
/// integer amounts instead. A valid price is finite and strictly positive.
public struct Price: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The asset being priced.
    public var base: Asset
    /// The asset the price is expressed in.
    public var quote: Asset
    /// Units of `quote` per unit of `base`.
    public var value: Double

    /// A price of `value` `quote` per `base`.
    ///
    /// - Precondition: `value` is finite and positive; use ``validated(base:quote:value:)`` for
    ///   untrusted input.
    public init(base: Asset, quote: Asset = .usd, value: Double) {
        precondition(value.isFinite && value > 0, "price must be finite and positive")
        self.base = base
        self.quote = quote
        self.value = value
    }

    /// A price from untrusted input, or an error that says what was wrong.
    public static func validated(base: Asset, quote: Asset = .usd, value: Double) throws(CoreError) -> Price {
        guard value.isFinite, value > 0 else {
            throw CoreError.invalidValue("price of \(base)/\(quote) is \(value); a price must be finite and positive")
        }
        return Price(base: base, quote: quote, value: value)
    }

    public var description: String { "\(value) \(quote)/\(base)" }
}
