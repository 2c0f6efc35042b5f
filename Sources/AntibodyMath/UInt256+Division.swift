// Division and remainder. Fast paths: dividend < divisor, both in 64 bits (one hardware division),
// divisor in 64 bits (reciprocal 2-by-1 steps); otherwise Knuth's algorithm D (see LimbArithmetic).

extension UInt256 {
    /// The quotient and remainder of `self / divisor`.
    ///
    /// - Precondition: `divisor != 0` (traps like `UInt64`).
    /// - Complexity: O(1); at most 4 quotient digits, each a few limb multiplications.
    @inlinable
    public func quotientAndRemainder(dividingBy divisor: UInt256) -> (quotient: UInt256, remainder: UInt256) {
        precondition(!divisor.isZero, "Division by zero")
        return unsafeQuotientAndRemainder(divisor)
    }

    /// `quotientAndRemainder(dividingBy:)` for a divisor the caller has checked is nonzero.
    @inlinable
    internal func unsafeQuotientAndRemainder(_ divisor: UInt256) -> (quotient: UInt256, remainder: UInt256) {
        if divisor.fitsInLimb {
            if fitsInLimb {
                let (q, r) = w0.quotientAndRemainder(dividingBy: divisor.w0)
                return (UInt256(low64: q), UInt256(low64: r))
            }
            let (q, r) = quotientAndRemainder(dividingByLimb: divisor.w0)
            return (q, UInt256(low64: r))
        }
        if self < divisor { return (UInt256.zero, self) }
        return LimbArithmetic.divide(high: UInt256.zero, low: self, by: divisor)
    }

    /// The quotient and remainder of `self / divisor` for a nonzero 64-bit divisor.
    ///
    /// - Complexity: one 128/64-bit division for the reciprocal and four 2-by-1 reciprocal steps.
    @inlinable
    public func quotientAndRemainder(dividingByLimb divisor: UInt64) -> (quotient: UInt256, remainder: UInt64) {
        precondition(divisor != 0, "Division by zero")
        typealias L = LimbArithmetic
        let shift = divisor.leadingZeroBitCount
        let d = divisor &<< shift
        let v = L.reciprocal2by1(d)
        let n = self &<< shift
        let top = shift == 0 ? 0 : w3 &>> (64 - shift)
        var r: UInt64
        var q0, q1, q2, q3: UInt64
        (q3, r) = L.divRem2by1(top, n.w3, d, v)
        (q2, r) = L.divRem2by1(r, n.w2, d, v)
        (q1, r) = L.divRem2by1(r, n.w1, d, v)
        (q0, r) = L.divRem2by1(r, n.w0, d, v)
        return (UInt256(w0: q0, w1: q1, w2: q2, w3: q3), r &>> shift)
    }

    /// Divides the 512-bit `dividend` (`high·2²⁵⁶ + low`) by `self`.
    ///
    /// - Precondition: `self != 0` and `dividend.high < self` (the quotient fits in 256 bits); traps
    ///   otherwise, like the standard library's integers.
    @inlinable
    public func dividingFullWidth(
        _ dividend: (high: UInt256, low: UInt256)
    ) -> (quotient: UInt256, remainder: UInt256) {
        precondition(!isZero, "Division by zero")
        precondition(dividend.high < self, "Quotient is not representable")
        if dividend.high.isZero { return dividend.low.unsafeQuotientAndRemainder(self) }
        return LimbArithmetic.divide(high: dividend.high, low: dividend.low, by: self)
    }

    /// `self / rhs` and `true` for division by zero (then the partial value is `self`), as in `UInt64`.
    @inlinable
    public func dividedReportingOverflow(by rhs: UInt256) -> (partialValue: UInt256, overflow: Bool) {
        if rhs.isZero { return (self, true) }
        return (unsafeQuotientAndRemainder(rhs).quotient, false)
    }

    /// `self % rhs` and `true` for division by zero (then the partial value is `self`), as in `UInt64`.
    @inlinable
    public func remainderReportingOverflow(dividingBy rhs: UInt256) -> (partialValue: UInt256, overflow: Bool) {
        if rhs.isZero { return (self, true) }
        return (unsafeQuotientAndRemainder(rhs).remainder, false)
    }

    /// The quotient, rounded toward zero; traps on division by zero.
    @inlinable
    public static func / (lhs: UInt256, rhs: UInt256) -> UInt256 {
        lhs.quotientAndRemainder(dividingBy: rhs).quotient
    }

    /// The remainder; traps on division by zero.
    @inlinable
    public static func % (lhs: UInt256, rhs: UInt256) -> UInt256 {
        lhs.quotientAndRemainder(dividingBy: rhs).remainder
    }

    /// Divides in place; traps on division by zero.
    @inlinable
    public static func /= (lhs: inout UInt256, rhs: UInt256) { lhs = lhs / rhs }

    /// Replaces `lhs` with the remainder; traps on division by zero.
    @inlinable
    public static func %= (lhs: inout UInt256, rhs: UInt256) { lhs = lhs % rhs }
}
