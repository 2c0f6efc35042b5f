/// Exact relative-difference tests on non-negative integers, rounded the way Liquity v1's Solidity
/// rounds: `percent = (max − min) · 10^18 / denominator` with integer (floor) division.
///
/// The product can reach 256 bits; it is formed with `multipliedFullWidth`, so no value overflows.
@usableFromInline
enum RelativeDeviation {
    /// Which of the two values divides the difference.
    @usableFromInline
    enum Denominator: Sendable {
        /// The larger value (Liquity's `_chainlinkPriceChangeAboveMax`).
        case larger
        /// The smaller value (Liquity's `_bothOraclesSimilarPrice`).
        case smaller
    }

    /// Whether `floor((max − min) · 10^18 / denominator) > limitWad`; `true` when the denominator is 0
    /// and the values differ (an infinite deviation), `false` when both are 0.
    @inlinable
    static func exceeds(_ a: UInt128, _ b: UInt128, limitWad: UInt128, denominator: Denominator) -> Bool {
        let larger = max(a, b)
        let smaller = min(a, b)
        let den = denominator == .larger ? larger : smaller
        guard den != 0 else { return larger != smaller }
        // floor(n / den) > L  ⇔  n ≥ (L + 1) · den
        let numerator = fullProduct(larger - smaller, Decimal10.wad)
        let (limitPlusOne, overflow) = limitWad.addingReportingOverflow(1)
        guard !overflow else { return false }
        let bound = fullProduct(limitPlusOne, den)
        if numerator.high != bound.high { return numerator.high > bound.high }
        return numerator.low >= bound.low
    }

    /// The 256-bit product `a · b` from four 64-bit multiplications. The standard library's
    /// `UInt128.multipliedFullWidth(by:)` is its generic default here, shifts through witness tables,
    /// several times slower.
    @inlinable
    static func fullProduct(_ a: UInt128, _ b: UInt128) -> (high: UInt128, low: UInt128) {
        let a0 = UInt64(truncatingIfNeeded: a), a1 = UInt64(truncatingIfNeeded: a &>> 64)
        let b0 = UInt64(truncatingIfNeeded: b), b1 = UInt64(truncatingIfNeeded: b &>> 64)
        let p00 = a0.multipliedFullWidth(by: b0)
        let p01 = a0.multipliedFullWidth(by: b1)
        let p10 = a1.multipliedFullWidth(by: b0)
        let p11 = a1.multipliedFullWidth(by: b1)
        // Column sums of the 64-bit digits, carries propagated upward.
        let (c1a, o1) = p00.high.addingReportingOverflow(p01.low)
        let (c1, o2) = c1a.addingReportingOverflow(p10.low)
        let carry1 = UInt64(o1 ? 1 : 0) &+ UInt64(o2 ? 1 : 0)
        let (c2a, o3) = p01.high.addingReportingOverflow(p10.high)
        let (c2b, o4) = c2a.addingReportingOverflow(p11.low)
        let (c2, o5) = c2b.addingReportingOverflow(carry1)
        let carry2 = UInt64(o3 ? 1 : 0) &+ UInt64(o4 ? 1 : 0) &+ UInt64(o5 ? 1 : 0)
        let c3 = p11.high &+ carry2
        return (UInt128(c3) &<< 64 | UInt128(c2), UInt128(c1) &<< 64 | UInt128(p00.low))
    }

    /// `fraction` (e.g. 0.5) as an 18-digit fixed-point integer, rounded to nearest.
    @inlinable
    static func wad(_ fraction: Double) -> UInt128 {
        guard fraction.isFinite, fraction > 0 else { return 0 }
        return UInt128((fraction * 1e18).rounded())
    }
}
