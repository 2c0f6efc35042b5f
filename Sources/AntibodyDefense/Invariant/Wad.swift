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
        let divisor = c.magnitude
        let quotient: UInt128
        if divisor <= UInt128(UInt64.max) {
            // Fast path: 256-bit product by 64-bit limbs, long division by a 64-bit divisor
            // (one hardware `div` per limb).
            guard let q = mulDiv64(a.magnitude, b.magnitude, UInt64(divisor)) else { return nil }
            quotient = q
        } else {
            let product = a.magnitude.multipliedFullWidth(by: b.magnitude)
            guard product.high < divisor else { return nil }
            quotient = divisor.dividingFullWidth(product).quotient
        }
        if negative {
            guard quotient <= UInt128(Int128.max) + 1 else { return nil }
            return quotient == UInt128(Int128.max) + 1 ? Int128.min : -Int128(quotient)
        }
        guard quotient <= UInt128(Int128.max) else { return nil }
        return Int128(quotient)
    }

    /// `x × y / d` for unsigned 128-bit `x`, `y` and a 64-bit `d`, or `nil` if the quotient
    /// needs more than 128 bits.
    @inlinable
    static func mulDiv64(_ x: UInt128, _ y: UInt128, _ d: UInt64) -> UInt128? {
        let x0 = UInt64(truncatingIfNeeded: x)
        let x1 = UInt64(truncatingIfNeeded: x >> 64)
        let y0 = UInt64(truncatingIfNeeded: y)
        let y1 = UInt64(truncatingIfNeeded: y >> 64)
        // Schoolbook 2×2 limbs → 4 limbs p3 p2 p1 p0.
        let m00 = x0.multipliedFullWidth(by: y0)
        let m01 = x0.multipliedFullWidth(by: y1)
        let m10 = x1.multipliedFullWidth(by: y0)
        let m11 = x1.multipliedFullWidth(by: y1)
        let p0 = m00.low
        var p1 = m00.high
        var p2 = m11.low
        var p3 = m11.high
        var carry: UInt64 = 0
        var o: Bool
        (p1, o) = p1.addingReportingOverflow(m01.low); carry += o ? 1 : 0
        (p1, o) = p1.addingReportingOverflow(m10.low); carry += o ? 1 : 0
        (p2, o) = p2.addingReportingOverflow(carry); p3 &+= o ? 1 : 0
        (p2, o) = p2.addingReportingOverflow(m01.high); p3 &+= o ? 1 : 0
        (p2, o) = p2.addingReportingOverflow(m10.high); p3 &+= o ? 1 : 0
        // The quotient fits in 128 bits iff the top two limbs are below d.
        guard p3 == 0, p2 < d else { return nil }
        let (q1, r1) = d.dividingFullWidth((p2, p1))
        let (q0, _) = d.dividingFullWidth((r1, p0))
        return UInt128(q1) << 64 | UInt128(q0)
    }

    /// The WAD value nearest to `value`, or `nil` if it is not finite or out of range.
    @inlinable
    public static func fromDouble(_ value: Double) -> Int128? {
        guard value.isFinite else { return nil }
        let scaled = (value * 1e18).rounded()
        guard abs(scaled) < 1.7e38 else { return nil }
        return int128(integral: scaled)
    }

    /// `Int128(x)` for an integral `x` with `|x| < 1.7e38`, without the standard library's generic
    /// floating-point conversion (several times slower): through `Int64` when it fits, else the
    /// magnitude as two 64-bit halves — exact, because `|x| ≥ 2⁶³` is a multiple of 2¹¹ and its
    /// remainder below 2⁶⁴ therefore fits a double's 53 bits.
    @inlinable
    public static func int128(integral x: Double) -> Int128 {
        if abs(x) < 9.2e18 { return Int128(Int64(x)) }
        let magnitude = abs(x)
        let high = (magnitude * 0x1p-64).rounded(.down)
        let low = magnitude - high * 0x1p64
        let result = Int128(Int64(high)) &<< 64 | Int128(UInt64(low))
        return x < 0 ? -result : result
    }

    /// The double nearest to the WAD value `raw`.
    @inlinable
    public static func toDouble(_ raw: Int128) -> Double {
        let whole = raw / one
        let fraction = raw % one
        return Double(whole) + Double(fraction) / 1e18
    }
}
