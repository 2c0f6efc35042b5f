// Limb-level kernels behind UInt256's multiplication and division.
//
// Division is Knuth's algorithm D (TAOCP vol. 2, §4.3.1) with the quotient digits estimated by the
// reciprocal-based 2-by-1 and 3-by-2 divisions of Möller and Granlund, "Improved division by invariant
// integers", IEEE Trans. Computers 60(2), 2011 (Algorithms 4, 5 and 6). One hardware-width division
// computes the reciprocal of the normalized divisor; every quotient digit then costs a few
// multiplications instead of a 128-by-64-bit division, which Swift lowers to a library call.

/// Internal limb arithmetic (64-bit words) for ``UInt256``.
@usableFromInline
internal enum LimbArithmetic {
    /// `a × b + acc + carry` as a 128-bit `(high, low)` pair; cannot overflow.
    @inlinable @inline(__always)
    static func mulAdd(_ a: UInt64, _ b: UInt64, _ acc: UInt64, _ carry: UInt64) -> (high: UInt64, low: UInt64) {
        // (2⁶⁴ − 1)² + 2·(2⁶⁴ − 1) = 2¹²⁸ − 1: the 128-bit sum cannot wrap.
        let p = UInt128(a) &* UInt128(b) &+ UInt128(acc) &+ UInt128(carry)
        return (UInt64(truncatingIfNeeded: p &>> 64), UInt64(truncatingIfNeeded: p))
    }

    /// A 192-bit column accumulator for Comba multiplication.
    @usableFromInline
    struct Accumulator {
        @usableFromInline var low: UInt128 = 0
        @usableFromInline var high: UInt64 = 0

        @inlinable @inline(__always)
        init() {}

        /// Adds the 128-bit product `a × b`.
        @inlinable @inline(__always)
        mutating func add(_ a: UInt64, _ b: UInt64) {
            let (sum, carry) = low.addingReportingOverflow(UInt128(a) &* UInt128(b))
            low = sum
            high = high &+ (carry ? 1 : 0)
        }

        /// Returns the low limb and shifts the accumulator down one limb.
        @inlinable @inline(__always)
        mutating func shift() -> UInt64 {
            let limb = UInt64(truncatingIfNeeded: low)
            low = (low &>> 64) | (UInt128(high) &<< 64)
            high = 0
            return limb
        }
    }

    /// The reciprocal `⌊(2¹²⁸ − 1) / d⌋ − 2⁶⁴` of a normalized divisor (top bit set).
    ///
    /// One 128/64-bit division. (Möller–Granlund's multiply-only Algorithm 3 measured twice as slow
    /// here: about 15 ns against 7 ns on an AMD EPYC (Zen 3), whose hardware division is fast.)
    @inlinable @inline(__always)
    static func reciprocal2by1(_ d: UInt64) -> UInt64 {
        // (2¹²⁸ − 1) − 2⁶⁴·d = (~d)·2⁶⁴ + (2⁶⁴ − 1); the quotient fits because ~d < d.
        d.dividingFullWidth((~d, UInt64.max)).quotient
    }

    /// The reciprocal `⌊(2¹⁹² − 1) / d⌋ − 2⁶⁴` of the normalized two-limb divisor `(d1, d0)`
    /// (Möller–Granlund Algorithm 6).
    @inlinable @inline(__always)
    static func reciprocal3by2(_ d1: UInt64, _ d0: UInt64) -> UInt64 {
        // The paper's conditional corrections, as 0/1 arithmetic so that no branch depends on the data.
        var v = reciprocal2by1(d1)
        var p = d1 &* v &+ d0
        let carry1: UInt64 = p < d0 ? 1 : 0
        let twice1: UInt64 = carry1 & (p >= d1 ? 1 : 0)
        v = v &- carry1 &- twice1
        p = p &- (d1 & (0 &- carry1)) &- (d1 & (0 &- twice1))
        let t = v.multipliedFullWidth(by: d0)
        p = p &+ t.high
        let carry2: UInt64 = p < t.high ? 1 : 0
        let twice2: UInt64 = carry2 & ((p > d1 || (p == d1 && t.low >= d0)) ? 1 : 0)
        return v &- carry2 &- twice2
    }

    /// Divides `(u1, u0)` by the normalized `d` with reciprocal `v`; requires `u1 < d`
    /// (Möller–Granlund Algorithm 4).
    @inlinable @inline(__always)
    static func divRem2by1(_ u1: UInt64, _ u0: UInt64, _ d: UInt64, _ v: UInt64) -> (q: UInt64, r: UInt64) {
        let p = v.multipliedFullWidth(by: u1)
        let (q0, c) = p.low.addingReportingOverflow(u0)
        var q1 = p.high &+ u1 &+ (c ? 1 : 0)
        q1 = q1 &+ 1
        var r = u0 &- q1 &* d
        // Taken about half the time, so written as selects (conditional moves), not a branch.
        let adjust = r > q0
        q1 = adjust ? q1 &- 1 : q1
        r = adjust ? r &+ d : r
        if r >= d {
            q1 = q1 &+ 1
            r = r &- d
        }
        return (q1, r)
    }

    /// Divides `(u2, u1, u0)` by the normalized two-limb `d` with reciprocal `v`; requires
    /// `(u2, u1) < d` (Möller–Granlund Algorithm 5).
    @inlinable @inline(__always)
    static func divRem3by2(
        _ u2: UInt64, _ u1: UInt64, _ u0: UInt64, _ d: UInt128, _ v: UInt64
    ) -> (q: UInt64, r: UInt128) {
        let d1 = UInt64(truncatingIfNeeded: d &>> 64)
        let d0 = UInt64(truncatingIfNeeded: d)
        let p = v.multipliedFullWidth(by: u2)
        let (q0, c) = p.low.addingReportingOverflow(u1)
        var q1 = p.high &+ u2 &+ (c ? 1 : 0)
        let r1 = u1 &- q1 &* d1
        let t = d0.multipliedFullWidth(by: q1)
        var r = (UInt128(r1) &<< 64 | UInt128(u0)) &- (UInt128(t.high) &<< 64 | UInt128(t.low)) &- d
        q1 = q1 &+ 1
        // Taken about half the time, so written as selects (conditional moves), not a branch.
        let adjust = UInt64(truncatingIfNeeded: r &>> 64) >= q0
        q1 = adjust ? q1 &- 1 : q1
        r = adjust ? r &+ d : r
        if r >= d {
            q1 = q1 &+ 1
            r = r &- d
        }
        return (q1, r)
    }

    /// `x << s` for `0 ≤ s < 64`, shifting in the top `s` bits of `carryIn`; branch-free (`s = 0` works
    /// because `(c >> 1) >> 63` is 0).
    @inlinable @inline(__always)
    static func shiftedLeftBits(_ x: UInt256, carryIn: UInt64, _ s: Int) -> UInt256 {
        let back = 63 &- s
        return UInt256(
            w0: x.w0 &<< s | (carryIn &>> 1) &>> back, w1: x.w1 &<< s | (x.w0 &>> 1) &>> back,
            w2: x.w2 &<< s | (x.w1 &>> 1) &>> back, w3: x.w3 &<< s | (x.w2 &>> 1) &>> back)
    }

    /// `x >> s` for `0 ≤ s < 64`; branch-free.
    @inlinable @inline(__always)
    static func shiftedRightBits(_ x: UInt256, _ s: Int) -> UInt256 {
        let back = 63 &- s
        return UInt256(
            w0: x.w0 &>> s | (x.w1 &<< 1) &<< back, w1: x.w1 &>> s | (x.w2 &<< 1) &<< back,
            w2: x.w2 &>> s | (x.w3 &<< 1) &<< back, w3: x.w3 &>> s)
    }

    /// Divides the 512-bit value `high·2²⁵⁶ + low` by the nonzero `divisor`.
    ///
    /// Dispatches on the divisor's size, each path unrolled with the numerator and remainder in
    /// registers: one limb → 2-by-1 reciprocal steps; two limbs → 3-by-2 reciprocal steps (no
    /// multiply-subtract); three or four limbs → Knuth's algorithm D with 3-by-2 digit estimates.
    ///
    /// - Precondition: `divisor != 0` and `high < divisor`, so the quotient fits in 256 bits.
    @inlinable @inline(__always)
    static func divide(high: UInt256, low: UInt256, by divisor: UInt256) -> (quotient: UInt256, remainder: UInt256) {
        if (divisor.w2 | divisor.w3) == 0 {
            if divisor.w1 == 0 { return divide(high: high.w0, low: low, byLimb: divisor.w0) }
            return divide(
                high: UInt128(high.w1) &<< 64 | UInt128(high.w0), low: low, byTwoLimbs: divisor.w1, divisor.w0)
        }
        if divisor.w3 == 0 { return divide(high: high, low: low, byThreeLimbs: divisor) }
        return divide(high: high, low: low, byFourLimbs: divisor)
    }

    /// Divides `high·2²⁵⁶ + low` by the one-limb `d`: the normalized numerator has five limbs whose top
    /// one is below the normalized divisor, so the quotient is exactly four 2-by-1 reciprocal steps
    /// (Möller–Granlund Algorithm 4), with no branch on the data.
    ///
    /// - Precondition: `d != 0` and `high < d`.
    @inlinable @inline(__always)
    static func divide(high: UInt64, low: UInt256, byLimb d: UInt64) -> (quotient: UInt256, remainder: UInt256) {
        let s = d.leadingZeroBitCount
        let dn = d &<< s
        let v = reciprocal2by1(dn)
        let back = 63 &- s
        // (x >> 1) >> (63 − s) is x >> (64 − s) and still 0 for s = 0.
        let u4 = high &<< s | (low.w3 &>> 1) &>> back
        let u3 = low.w3 &<< s | (low.w2 &>> 1) &>> back
        let u2 = low.w2 &<< s | (low.w1 &>> 1) &>> back
        let u1 = low.w1 &<< s | (low.w0 &>> 1) &>> back
        let u0 = low.w0 &<< s
        var r: UInt64
        var q0, q1, q2, q3: UInt64
        (q3, r) = divRem2by1(u4, u3, dn, v)
        (q2, r) = divRem2by1(r, u2, dn, v)
        (q1, r) = divRem2by1(r, u1, dn, v)
        (q0, r) = divRem2by1(r, u0, dn, v)
        return (UInt256(w0: q0, w1: q1, w2: q2, w3: q3), UInt256(low64: r &>> s))
    }

    /// Divides `high·2²⁵⁶ + low` by the two-limb `d1·2⁶⁴ + d0` (`d1 ≠ 0`): Knuth's algorithm D with
    /// n = 2, where each quotient digit is one Möller–Granlund 3-by-2 reciprocal division (Algorithm 5)
    /// that also yields the exact two-limb remainder, so no multiply-subtract or add-back is needed.
    /// The normalized numerator has six limbs whose top two are below the normalized divisor, so there
    /// are four digits; the first is skipped when it is zero (a product below 2²⁵⁶ usually gives one).
    ///
    /// - Precondition: `d1 != 0` and `high < d1·2⁶⁴ + d0`.
    @inlinable @inline(__always)
    static func divide(
        high: UInt128, low: UInt256, byTwoLimbs d1: UInt64, _ d0: UInt64
    ) -> (quotient: UInt256, remainder: UInt256) {
        let s = d1.leadingZeroBitCount
        let back = 63 &- s
        let dh = d1 &<< s | (d0 &>> 1) &>> back
        let dl = d0 &<< s
        let dn = UInt128(dh) &<< 64 | UInt128(dl)
        let v = reciprocal3by2(dh, dl)
        let h0 = UInt64(truncatingIfNeeded: high)
        let h1 = UInt64(truncatingIfNeeded: high &>> 64)
        let u5 = h1 &<< s | (h0 &>> 1) &>> back
        let u4 = h0 &<< s | (low.w3 &>> 1) &>> back
        let u3 = low.w3 &<< s | (low.w2 &>> 1) &>> back
        let u2 = low.w2 &<< s | (low.w1 &>> 1) &>> back
        let u1 = low.w1 &<< s | (low.w0 &>> 1) &>> back
        let u0 = low.w0 &<< s
        var r: UInt128
        var q0, q1, q2: UInt64
        var q3: UInt64 = 0
        let top = UInt128(u4) &<< 64 | UInt128(u3)
        if u5 == 0 && top < dn {
            r = top
        } else {
            (q3, r) = divRem3by2(u5, u4, u3, dn, v)
        }
        (q2, r) = divRem3by2(UInt64(truncatingIfNeeded: r &>> 64), UInt64(truncatingIfNeeded: r), u2, dn, v)
        (q1, r) = divRem3by2(UInt64(truncatingIfNeeded: r &>> 64), UInt64(truncatingIfNeeded: r), u1, dn, v)
        (q0, r) = divRem3by2(UInt64(truncatingIfNeeded: r &>> 64), UInt64(truncatingIfNeeded: r), u0, dn, v)
        return (UInt256(w0: q0, w1: q1, w2: q2, w3: q3), UInt256(high: 0, low: r &>> s))
    }

    /// Divides `high·2²⁵⁶ + low` by a three-limb `divisor` (Knuth's algorithm D, n = 3). The normalized
    /// numerator has seven limbs whose top three are below the normalized divisor: four quotient digits,
    /// of which the leading zero ones are skipped when the numerator is short (a product below 2²⁵⁶
    /// needs at most two, a 512-bit product whose quotient fits in 128 bits two).
    ///
    /// - Precondition: `divisor.w3 == 0`, `divisor.w2 != 0` and `high < divisor`.
    @inlinable
    static func divide(
        high: UInt256, low: UInt256, byThreeLimbs divisor: UInt256
    ) -> (quotient: UInt256, remainder: UInt256) {
        let s = divisor.w2.leadingZeroBitCount
        let d = shiftedLeftBits(divisor, carryIn: 0, s)
        let u = shiftedLeftBits(low, carryIn: 0, s)
        let h = shiftedLeftBits(high, carryIn: low.w3, s)  // h.w3 = 0: the numerator is below 2⁴⁴⁸
        let dd = UInt128(d.w2) &<< 64 | UInt128(d.w1)
        let v = reciprocal3by2(d.w2, d.w1)
        var q3: UInt64 = 0
        var q2: UInt64 = 0
        var q1, q0: UInt64
        var r: UInt256
        if (h.w2 | h.w1) == 0 {
            // The window (0, 0, h0, u3) is below the divisor: q3 = 0. So is q2 when (h0, u3, u2) < d:
            // always when h0 = 0, and usually when the quotient fits in 128 bits.
            let top = UInt256(w0: u.w2, w1: u.w3, w2: h.w0, w3: 0)
            if top < d {
                r = top
            } else {
                r = UInt256(w0: u.w3, w1: h.w0, w2: 0, w3: 0)
                (q2, r) = digit3(r, u.w2, d, dd, v)
            }
        } else {
            r = UInt256(w0: h.w0, w1: h.w1, w2: h.w2, w3: 0)
            (q3, r) = digit3(r, u.w3, d, dd, v)
            (q2, r) = digit3(r, u.w2, d, dd, v)
        }
        (q1, r) = digit3(r, u.w1, d, dd, v)
        (q0, r) = digit3(r, u.w0, d, dd, v)
        return (UInt256(w0: q0, w1: q1, w2: q2, w3: q3), shiftedRightBits(r, s))
    }

    /// Divides `high·2²⁵⁶ + low` by a four-limb `divisor` (Knuth's algorithm D, n = 4): four quotient
    /// digits, two when `high = 0`.
    ///
    /// - Precondition: `divisor.w3 != 0` and `high < divisor`.
    @inlinable
    static func divide(
        high: UInt256, low: UInt256, byFourLimbs divisor: UInt256
    ) -> (quotient: UInt256, remainder: UInt256) {
        let s = divisor.w3.leadingZeroBitCount
        let d = shiftedLeftBits(divisor, carryIn: 0, s)
        let u = shiftedLeftBits(low, carryIn: 0, s)
        let h = shiftedLeftBits(high, carryIn: low.w3, s)
        let dd = UInt128(d.w3) &<< 64 | UInt128(d.w2)
        let v = reciprocal3by2(d.w3, d.w2)
        var q3: UInt64 = 0
        var q2: UInt64 = 0
        var q1, q0: UInt64
        var r: UInt256
        if (h.w3 | h.w2 | h.w1) == 0 {
            // The windows (0, 0, 0, h0, u3) and (0, 0, h0, u3, u2) are below the divisor: q3 = q2 = 0.
            r = UInt256(w0: u.w2, w1: u.w3, w2: h.w0, w3: 0)
        } else {
            r = h
            (q3, r) = digit4(r, u.w3, d, dd, v)
            (q2, r) = digit4(r, u.w2, d, dd, v)
        }
        (q1, r) = digit4(r, u.w1, d, dd, v)
        (q0, r) = digit4(r, u.w0, d, dd, v)
        return (UInt256(w0: q0, w1: q1, w2: q2, w3: q3), shiftedRightBits(r, s))
    }

    /// One quotient digit of the window `(r, u)` by the normalized three-limb `d` (`dd` its top two
    /// limbs, `v` their 3-by-2 reciprocal), and the new remainder. The digit is estimated from the top
    /// three limbs of the window by a 3-by-2 reciprocal division, which is exact or one too large; the
    /// low limb's product is then subtracted and, on a borrow, the divisor added back once.
    ///
    /// - Precondition: `r < d`.
    @inlinable @inline(__always)
    static func digit3(
        _ r: UInt256, _ u: UInt64, _ d: UInt256, _ dd: UInt128, _ v: UInt64
    ) -> (digit: UInt64, remainder: UInt256) {
        if r.w2 == d.w2 && r.w1 == d.w1 { return correctedDigit(r, u, d) }
        var (digit, rhat) = divRem3by2(r.w2, r.w1, r.w0, dd, v)
        // (rhat, u) − digit × d0, with one add-back if the estimate was one too large.
        let p = d.w0.multipliedFullWidth(by: digit)
        let (r0, b0) = u.subtractingReportingOverflow(p.low)
        let (t1, b1) = UInt64(truncatingIfNeeded: rhat).subtractingReportingOverflow(p.high)
        let (r1, b2) = t1.subtractingReportingOverflow(b0 ? 1 : 0)
        let (r2, b3) = UInt64(truncatingIfNeeded: rhat &>> 64).subtractingReportingOverflow((b1 || b2) ? 1 : 0)
        var rem = UInt256(w0: r0, w1: r1, w2: r2, w3: 0)
        if b3 {
            digit = digit &- 1
            rem = rem &+ d
            rem.w3 = 0
        }
        return (digit, rem)
    }

    /// ``digit3(_:_:_:_:_:)`` for a normalized four-limb `d` (`dd` its top two limbs): the low two
    /// limbs' product is subtracted.
    ///
    /// - Precondition: `r < d`.
    @inlinable @inline(__always)
    static func digit4(
        _ r: UInt256, _ u: UInt64, _ d: UInt256, _ dd: UInt128, _ v: UInt64
    ) -> (digit: UInt64, remainder: UInt256) {
        if r.w3 == d.w3 && r.w2 == d.w2 { return correctedDigit(r, u, d) }
        var (digit, rhat) = divRem3by2(r.w3, r.w2, r.w1, dd, v)
        // (rhat, r0, u) − digit × (d1, d0), with one add-back if needed.
        let (c, p0) = mulAdd(d.w0, digit, 0, 0)
        let (p2, p1) = mulAdd(d.w1, digit, 0, c)
        let t = UInt256(
            w0: u, w1: r.w0, w2: UInt64(truncatingIfNeeded: rhat), w3: UInt64(truncatingIfNeeded: rhat &>> 64))
        var (rem, borrow) = t.subtractingReportingOverflow(UInt256(w0: p0, w1: p1, w2: p2, w3: 0))
        if borrow {
            digit = digit &- 1
            rem = rem &+ d
        }
        return (digit, rem)
    }

    /// One quotient digit of `(r, u) / d` when the top two limbs of `r` equal those of `d` (the
    /// 3-by-2 estimate would not fit a limb): start from 2⁶⁴ − 1 and step down while the product is
    /// too large (at most twice, by Knuth's bound). Rare; exact.
    ///
    /// - Precondition: `r < d`, `d` normalized with 3 or 4 limbs.
    @inlinable
    static func correctedDigit(_ r: UInt256, _ u: UInt64, _ d: UInt256) -> (digit: UInt64, remainder: UInt256) {
        // The window (r, u) and digit × d as 320-bit (top limb, low 256 bits) pairs.
        var windowLow = r.shiftedLeft(64)
        windowLow.w0 = u
        let windowTop = r.w3
        var digit = UInt64.max
        var (top, low) = d.multipliedFullWidth(byLimb: digit)
        while top > windowTop || (top == windowTop && low > windowLow) {
            digit = digit &- 1
            let (next, borrow) = low.subtractingReportingOverflow(d)
            low = next
            top = top &- (borrow ? 1 : 0)
        }
        return (digit, windowLow &- low)
    }
}
