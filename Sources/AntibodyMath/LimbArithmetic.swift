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
    @inlinable
    static func reciprocal2by1(_ d: UInt64) -> UInt64 {
        // (2¹²⁸ − 1) − 2⁶⁴·d = (~d)·2⁶⁴ + (2⁶⁴ − 1); the quotient fits because ~d < d.
        d.dividingFullWidth((~d, UInt64.max)).quotient
    }

    /// The reciprocal `⌊(2¹⁹² − 1) / d⌋ − 2⁶⁴` of the normalized two-limb divisor `(d1, d0)`
    /// (Möller–Granlund Algorithm 6).
    @inlinable
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
    /// Schoolbook long division one 64-bit quotient digit at a time (Knuth's algorithm D), in
    /// registers: the running remainder `r < divisor` (n limbs) takes in the next numerator limb `u`,
    /// and each digit of `(r, u) / divisor` is estimated with a 3-by-2 reciprocal division of the top
    /// limbs, which is exact or one too large, then fixed with one add-back.
    ///
    /// - Precondition: `divisor != 0` and `high < divisor`, so the quotient fits in 256 bits.
    /// - Complexity: at most 8 quotient digits of a few limb multiplications each, plus one 128/64-bit
    ///   hardware division for the reciprocal; no allocation.
    @inlinable @inline(__always)
    static func divide(high: UInt256, low: UInt256, by divisor: UInt256) -> (quotient: UInt256, remainder: UInt256) {
        let n = divisor.w3 != 0 ? 4 : divisor.w2 != 0 ? 3 : divisor.w1 != 0 ? 2 : 1
        // Normalize so that the divisor's top limb has its top bit set. The shifted numerator still
        // fits in 512 bits: either high = 0, or high < divisor and so high << shift < 2^(64n).
        let shift = divisor.limb(n &- 1).leadingZeroBitCount
        let d = shiftedLeftBits(divisor, carryIn: 0, shift)
        let nHigh = shiftedLeftBits(high, carryIn: low.w3, shift)
        let nLow = shiftedLeftBits(low, carryIn: 0, shift)
        let zeroBits = nHigh.isZero ? 256 &+ nLow.leadingZeroBitCount : nHigh.leadingZeroBitCount
        let m = (575 &- zeroBits) &>> 6  // significant limbs of the numerator
        if m < n { return (UInt256.zero, low) }  // numerator < divisor (and then high = 0)
        let limbs = (nLow.w0, nLow.w1, nLow.w2, nLow.w3, nHigh.w0, nHigh.w1, nHigh.w2, nHigh.w3)
        // Limb i of the normalized numerator, 0 ≤ i < 8 (a load, not a branch on i).
        @inline(__always) func u(_ i: Int) -> UInt64 {
            withUnsafeBytes(of: limbs) { $0.load(fromByteOffset: i &<< 3, as: UInt64.self) }
        }
        // The running remainder starts as the top n limbs if they are below the divisor, else the
        // top n − 1; each remaining limb then yields one quotient digit.
        var r = UInt256.zero
        for i in stride(from: m &- 1, through: m &- n, by: -1) {
            r = r.shiftedLeft(64)
            r.w0 = u(i)
        }
        var next = m &- n &- 1
        if r >= d {
            r = r.shiftedRight(64)
            next += 1
        }
        var q = UInt256.zero
        switch n {
        case 1:
            let v = reciprocal2by1(d.w0)
            var rem = r.w0
            var i = next
            while i >= 0 {
                let digit: UInt64
                (digit, rem) = divRem2by1(rem, u(i), d.w0, v)
                q = q.shiftedLeft(64)
                q.w0 = digit
                i -= 1
            }
            return (q, UInt256(low64: rem &>> shift))
        case 2:
            let dd = UInt128(d.w1) &<< 64 | UInt128(d.w0)
            let v = reciprocal3by2(d.w1, d.w0)
            var rem = UInt128(r.w1) &<< 64 | UInt128(r.w0)
            var i = next
            while i >= 0 {
                let digit: UInt64
                (digit, rem) = divRem3by2(
                    UInt64(truncatingIfNeeded: rem &>> 64), UInt64(truncatingIfNeeded: rem), u(i), dd, v)
                q = q.shiftedLeft(64)
                q.w0 = digit
                i -= 1
            }
            return (q, UInt256(high: 0, low: rem &>> shift))
        case 3:
            let dd = UInt128(d.w2) &<< 64 | UInt128(d.w1)
            let v = reciprocal3by2(d.w2, d.w1)
            var i = next
            while i >= 0 {
                var digit: UInt64
                if r.w2 == d.w2 && r.w1 == d.w1 {
                    (digit, r) = correctedDigit(r, u(i), d)
                } else {
                    let rhat: UInt128
                    (digit, rhat) = divRem3by2(r.w2, r.w1, r.w0, dd, v)
                    // (rhat, u) − digit × d0, with one add-back if the estimate was one too large.
                    let p = d.w0.multipliedFullWidth(by: digit)
                    let (r0, b0) = u(i).subtractingReportingOverflow(p.low)
                    let (t1, b1) = UInt64(truncatingIfNeeded: rhat).subtractingReportingOverflow(p.high)
                    let (r1, b2) = t1.subtractingReportingOverflow(b0 ? 1 : 0)
                    let (r2, b3) = UInt64(truncatingIfNeeded: rhat &>> 64).subtractingReportingOverflow(
                        (b1 || b2) ? 1 : 0)
                    r = UInt256(w0: r0, w1: r1, w2: r2, w3: 0)
                    if b3 {
                        digit = digit &- 1
                        r = r &+ d
                        r.w3 = 0
                    }
                }
                q = q.shiftedLeft(64)
                q.w0 = digit
                i -= 1
            }
        default:
            let dd = UInt128(d.w3) &<< 64 | UInt128(d.w2)
            let v = reciprocal3by2(d.w3, d.w2)
            var i = next
            while i >= 0 {
                var digit: UInt64
                if r.w3 == d.w3 && r.w2 == d.w2 {
                    (digit, r) = correctedDigit(r, u(i), d)
                } else {
                    let rhat: UInt128
                    (digit, rhat) = divRem3by2(r.w3, r.w2, r.w1, dd, v)
                    // (rhat, r0, u) − digit × (d1, d0), with one add-back if needed.
                    let (c, p0) = mulAdd(d.w0, digit, 0, 0)
                    let (p2, p1) = mulAdd(d.w1, digit, 0, c)
                    let t = UInt256(
                        w0: u(i), w1: r.w0, w2: UInt64(truncatingIfNeeded: rhat),
                        w3: UInt64(truncatingIfNeeded: rhat &>> 64))
                    let borrow: Bool
                    (r, borrow) = t.subtractingReportingOverflow(UInt256(w0: p0, w1: p1, w2: p2, w3: 0))
                    if borrow {
                        digit = digit &- 1
                        r = r &+ d
                    }
                }
                q = q.shiftedLeft(64)
                q.w0 = digit
                i -= 1
            }
        }
        return (q, shiftedRightBits(r, shift))
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
