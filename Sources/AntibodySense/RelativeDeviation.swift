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
        let numerator = (larger - smaller).multipliedFullWidth(by: Decimal10.wad)
        let (limitPlusOne, overflow) = limitWad.addingReportingOverflow(1)
        guard !overflow else { return false }
        let bound = limitPlusOne.multipliedFullWidth(by: den)
        if numerator.high != bound.high { return numerator.high > bound.high }
        return numerator.low >= bound.low
    }

    /// `fraction` (e.g. 0.5) as an 18-digit fixed-point integer, rounded to nearest.
    @inlinable
    static func wad(_ fraction: Double) -> UInt128 {
        guard fraction.isFinite, fraction > 0 else { return 0 }
        return UInt128((fraction * 1e18).rounded())
    }
}
