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
        let p = a.multipliedFullWidth(by: b)
        let (s1, c1) = p.low.addingReportingOverflow(acc)
        let (s2, c2) = s1.addingReportingOverflow(carry)
        return (p.high &+ (c1 ? 1 : 0) &+ (c2 ? 1 : 0), s2)
    }

    /// The reciprocal `⌊(2¹²⁸ − 1) / d⌋ − 2⁶⁴` of a normalized divisor (top bit set).
    @inlinable
    static func reciprocal2by1(_ d: UInt64) -> UInt64 {
        // (2¹²⁸ − 1) − 2⁶⁴·d = (~d)·2⁶⁴ + (2⁶⁴ − 1); the quotient fits because ~d < d.
        d.dividingFullWidth((~d, UInt64.max)).quotient
    }

    /// The reciprocal `⌊(2¹⁹² − 1) / d⌋ − 2⁶⁴` of the normalized two-limb divisor `(d1, d0)`
    /// (Möller–Granlund Algorithm 6).
    @inlinable
    static func reciprocal3by2(_ d1: UInt64, _ d0: UInt64) -> UInt64 {
        var v = reciprocal2by1(d1)
        var p = d1 &* v
        p = p &+ d0
        if p < d0 {
            v = v &- 1
            if p >= d1 {
                v = v &- 1
                p = p &- d1
            }
            p = p &- d1
        }
        let t = v.multipliedFullWidth(by: d0)
        p = p &+ t.high
        if p < t.high {
            v = v &- 1
            if p > d1 || (p == d1 && t.low >= d0) {
                v = v &- 1
            }
        }
        return v
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
        if r > q0 {
            q1 = q1 &- 1
            r = r &+ d
        }
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
        if UInt64(truncatingIfNeeded: r &>> 64) >= q0 {
            q1 = q1 &- 1
            r = r &+ d
        }
        if r >= d {
            q1 = q1 &+ 1
            r = r &- d
        }
        return (q1, r)
    }

    /// `x[0..<count] −= y[0..<count] × m`; returns the limb borrowed out of the top.
    @inlinable @inline(__always)
    static func subtractMultiple(
        _ x: UnsafeMutablePointer<UInt64>, _ y: UnsafePointer<UInt64>, _ count: Int, _ m: UInt64
    ) -> UInt64 {
        var borrow: UInt64 = 0
        for i in 0..<count {
            let (s, c1) = x[i].subtractingReportingOverflow(borrow)
            let p = y[i].multipliedFullWidth(by: m)
            let (t, c2) = s.subtractingReportingOverflow(p.low)
            x[i] = t
            borrow = p.high &+ (c1 ? 1 : 0) &+ (c2 ? 1 : 0)
        }
        return borrow
    }

    /// `x[0..<count] += y[0..<count]`; returns the carry out of the top.
    @inlinable @inline(__always)
    static func add(_ x: UnsafeMutablePointer<UInt64>, _ y: UnsafePointer<UInt64>, _ count: Int) -> Bool {
        var carry = false
        for i in 0..<count {
            let (s1, c1) = x[i].addingReportingOverflow(y[i])
            let (s2, c2) = s1.addingReportingOverflow(carry ? 1 : 0)
            x[i] = s2
            carry = c1 || c2
        }
        return carry
    }

    /// Divides the 512-bit value `high·2²⁵⁶ + low` by the nonzero `divisor`.
    ///
    /// - Precondition: `divisor != 0` and `high < divisor`, so the quotient fits in 256 bits.
    /// - Complexity: O(m·n) limb operations for an m-limb numerator and n-limb divisor (at most 8 and
    ///   4), one 128/64-bit hardware division for the reciprocal, no allocation.
    @inlinable
    static func divide(high: UInt256, low: UInt256, by divisor: UInt256) -> (quotient: UInt256, remainder: UInt256) {
        // Scratch: numerator un[0...8] (one extra limb for normalization), divisor vn[9..<13],
        // quotient q[13..<21]. A homogeneous tuple is laid out contiguously on the stack.
        var scratch: (
            UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64,
            UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64
        ) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        return withUnsafeMutablePointer(to: &scratch) { tuple in
            tuple.withMemoryRebound(to: UInt64.self, capacity: 24) { p in
                let count = high.isZero ? 4 : 8
                p[0] = low.w0
                p[1] = low.w1
                p[2] = low.w2
                p[3] = low.w3
                p[4] = high.w0
                p[5] = high.w1
                p[6] = high.w2
                p[7] = high.w3
                let remainder = divideLimbs(p, count, divisor, vn: p + 9, quotient: p + 13)
                return (UInt256(w0: p[13], w1: p[14], w2: p[15], w3: p[16]), remainder)
            }
        }
    }

    /// Knuth's algorithm D on limbs. `u[0..<count]` holds the numerator and has room for `count + 1`
    /// limbs (it is normalized in place and ends up holding the normalized remainder); `vn` has room for
    /// 4 limbs; the quotient limbs go to `q[0..<count]`, which must be zeroed by the caller.
    @inlinable
    static func divideLimbs(
        _ u: UnsafeMutablePointer<UInt64>, _ count: Int, _ divisor: UInt256,
        vn: UnsafeMutablePointer<UInt64>, quotient q: UnsafeMutablePointer<UInt64>
    ) -> UInt256 {
        let n = divisor.w3 != 0 ? 4 : divisor.w2 != 0 ? 3 : divisor.w1 != 0 ? 2 : 1
        var m = count
        while m > 0 && u[m - 1] == 0 { m -= 1 }
        if m == 0 { return UInt256.zero }

        // Normalize: shift so that the divisor's top limb has its top bit set.
        let shift = divisor.limb(n - 1).leadingZeroBitCount
        let normalized = divisor &<< shift
        vn[0] = normalized.w0
        vn[1] = normalized.w1
        vn[2] = normalized.w2
        vn[3] = normalized.w3
        if shift != 0 {
            let back = 64 - shift
            u[m] = u[m - 1] &>> back
            var i = m - 1
            while i > 0 {
                u[i] = (u[i] &<< shift) | (u[i - 1] &>> back)
                i -= 1
            }
            u[0] = u[0] &<< shift
        } else {
            u[m] = 0
        }
        var len = m
        if u[m] != 0 || u[m - 1] >= vn[n - 1] { len += 1 }
        if len <= n {
            // numerator < divisor: the quotient is 0 and the remainder the (unnormalized) numerator.
            return UInt256(w0: u[0], w1: u[1], w2: u[2], w3: u[3]) &>> shift
        }

        switch n {
        case 1:
            let d = vn[0]
            let v = reciprocal2by1(d)
            var rem = u[len - 1]
            var i = len - 2
            while i >= 0 {
                (q[i], rem) = divRem2by1(rem, u[i], d, v)
                i -= 1
            }
            return UInt256(w0: rem &>> shift, w1: 0, w2: 0, w3: 0)
        case 2:
            let d = UInt128(vn[1]) &<< 64 | UInt128(vn[0])
            let v = reciprocal3by2(vn[1], vn[0])
            var rem = UInt128(u[len - 1]) &<< 64 | UInt128(u[len - 2])
            var i = len - 3
            while i >= 0 {
                (q[i], rem) = divRem3by2(
                    UInt64(truncatingIfNeeded: rem &>> 64), UInt64(truncatingIfNeeded: rem), u[i], d, v)
                i -= 1
            }
            return UInt256(high: 0, low: rem &>> shift)
        default:
            let d1 = vn[n - 1]
            let d0 = vn[n - 2]
            let d = UInt128(d1) &<< 64 | UInt128(d0)
            let v = reciprocal3by2(d1, d0)
            var j = len - n - 1
            while j >= 0 {
                let u2 = u[j + n]
                let u1 = u[j + n - 1]
                let u0 = u[j + n - 2]
                var qhat: UInt64
                if u2 == d1 && u1 == d0 {
                    // The 3-by-2 estimate would overflow a limb: take 2⁶⁴ − 1 and correct downwards.
                    qhat = UInt64.max
                    let borrow = subtractMultiple(u + j, vn, n, qhat)
                    var (top, negative) = u[j + n].subtractingReportingOverflow(borrow)
                    u[j + n] = top
                    while negative {
                        qhat = qhat &- 1
                        let carry = add(u + j, vn, n)
                        (top, negative) = u[j + n].addingReportingOverflow(carry ? 1 : 0)
                        u[j + n] = top
                        negative = !negative
                    }
                } else {
                    let (q3, rhat) = divRem3by2(u2, u1, u0, d, v)
                    qhat = q3
                    let borrow = subtractMultiple(u + j, vn, n - 2, qhat)
                    let (r0, b0) = UInt64(truncatingIfNeeded: rhat).subtractingReportingOverflow(borrow)
                    let (r1, b1) = UInt64(truncatingIfNeeded: rhat &>> 64).subtractingReportingOverflow(b0 ? 1 : 0)
                    u[j + n - 2] = r0
                    u[j + n - 1] = r1
                    if b1 {
                        // The estimate was one too large: add the divisor back.
                        qhat = qhat &- 1
                        let carry = add(u + j, vn, n - 1)
                        u[j + n - 1] = u[j + n - 1] &+ d1 &+ (carry ? 1 : 0)
                    }
                    u[j + n] = 0
                }
                q[j] = qhat
                j -= 1
            }
            // The normalized remainder is u[0..<n]; u[n...] were consumed (zeroed) by the last step.
            return UInt256(w0: u[0], w1: u[1], w2: u[2], w3: u[3]) &>> shift
        }
    }
}
