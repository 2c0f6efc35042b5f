/// Exact fixed-point arithmetic on `Int128` values scaled by 10¹⁸ (WAD), as used by the invariant
/// language's `decimal` type. Every operation reports overflow instead of trapping; products and
/// quotients are computed at full 256-bit width and rounded toward zero, like Solidity.
public enum Wad {
    /// 10¹⁸, the scale.
    public static let one: Int128 = 1_000_000_000_000_000_000

    /// `a × b / 10¹⁸` rounded toward zero, or `nil` on overflow.
    @inlinable
    public static func mul(_ a: Int128, _ b: Int128) -> Int128? {
        mulDiv(a, b, one)
    }

    /// `a × 10¹⁸ / b` rounded toward zero, or `nil` on overflow; `b` must not be zero.
    @inlinable
    public static func div(_ a: Int128, _ b: Int128) -> Int128? {
        mulDiv(a, one, b)
    }

    /// `a × b / c` at full width, rounded toward zero, or `nil` on overflow or `c == 0`.
    @inlinable
    public static func mulDiv(_ a: Int128, _ b: Int128, _ c: Int128) -> Int128? {
        if c == 0 { return nil }
        let negative = ((a < 0) != (b < 0)) != (c < 0)
        let product = a.magnitude.multipliedFullWidth(by: b.magnitude)
        let divisor = c.magnitude
        guard product.high < divisor else { return nil }
        let quotient = divisor.dividingFullWidth(product).quotient
        if negative {
            guard quotient <= UInt128(Int128.max) + 1 else { return nil }
            return quotient == UInt128(Int128.max) + 1 ? Int128.min : -Int128(quotient)
        }
        guard quotient <= UInt128(Int128.max) else { return nil }
        return Int128(quotient)
    }

    /// The WAD value nearest to `value`, or `nil` if it is not finite or out of range.
    @inlinable
    public static func fromDouble(_ value: Double) -> Int128? {
        guard value.isFinite else { return nil }
        let scaled = (value * 1e18).rounded()
        guard abs(scaled) < 1.7e38 else { return nil }
        return Int128(scaled)
    }

    /// The double nearest to the WAD value `raw`.
    @inlinable
    public static func toDouble(_ raw: Int128) -> Double {
        let whole = raw / one
        let fraction = raw % one
        return Double(whole) + Double(fraction) / 1e18
    }
}
