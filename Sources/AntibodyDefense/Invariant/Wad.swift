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

    /// The WAD value of `value`'s decimal reading, or `nil` if it is not finite or out of range.
    ///
    /// Values arrive as doubles, and a double cannot hold most decimals exactly (0.9 is
    /// 0.9000000000000000222…). Any decimal of at most 15 significant digits survives the trip to a
    /// double and back (`DBL_DIG`), so the conversion reads the double as its decimal rounded to 15
    /// significant digits, keeping at most 18 fractional digits, and from 10¹⁵ up as its exact
    /// binary value: 900,000 → 900,000 × 10¹⁸, 1.05 → 1.05 × 10¹⁸, 0.999 → 0.999 × 10¹⁸. Rounding is
    /// to nearest, ties to even, on the double's exact value, computed in integers.
    ///
    /// (Multiplying by `1e18` in floating point instead rounds at 2⁻⁵³ relative — 4.2 × 10⁷ units
    /// at 900,000 — so `x >= y * 0.9` was false when `x` was exactly 0.9 `y`.)
    @inlinable
    public static func fromDouble(_ value: Double) -> Int128? {
        guard value.isFinite else { return nil }
        let magnitude = value.magnitude
        guard magnitude < 1.7e20 else { return nil }
        // Below a quarter of one unit (10⁻¹⁸) the value is 0; this also bounds the shifts below.
        guard magnitude >= 0x1p-62 else { return 0 }
        // magnitude = m × 2^k exactly (normal numbers only here, so the hidden bit is set).
        let m = UInt64(1) << 52 | magnitude.significandBitPattern
        let k = Int(magnitude.exponent) - 52
        var digits = 18  // fractional decimal digits kept
        if magnitude < 1e15 {
            // 14 − ⌊log₁₀ magnitude⌋ digits give 15 significant ones. The estimate from the binary
            // exponent is ⌊log₁₀⌋ or one less, so at most one digit too many: dropped below (a carry to
            // exactly 10¹⁵ is the same value either way).
            digits = min(18, 14 - Int((Double(k + 52) * 0.301_029_995_663_981_2).rounded(.down)))
        }
        var n = scaledRounded(m, k, digits)
        if magnitude < 1e15, n > 1_000_000_000_000_000 {
            digits -= 1
            n = scaledRounded(m, k, digits)
        }
        let result = Int128(n * UInt128(powerOfTen(18 - digits)))
        return value < 0 ? -result : result
    }

    /// `m × 2^k × 10^digits` rounded to the nearest integer, ties to even (0 ≤ digits ≤ 18; the
    /// product stays below 2¹²⁷ for the magnitudes ``fromDouble(_:)`` admits).
    @inlinable
    static func scaledRounded(_ m: UInt64, _ k: Int, _ digits: Int) -> UInt128 {
        let product = m.multipliedFullWidth(by: powerOfTen(digits))
        let wide = UInt128(product.high) << 64 | UInt128(product.low)
        if k >= 0 { return wide << k }
        let shift = -k
        let quotient = wide >> shift
        let remainder = wide & ((1 << shift) - 1)
        let half = UInt128(1) << (shift - 1)
        return remainder > half || (remainder == half && quotient & 1 == 1) ? quotient + 1 : quotient
    }

    /// 10^e for 0 ≤ e ≤ 19.
    @inlinable
    static func powerOfTen(_ e: Int) -> UInt64 {
        var p: UInt64 = 1
        for _ in 0..<e { p &*= 10 }
        return p
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
