// Forced edge cases for the division paths behind `/`, `dividingFullWidth` and `mulDiv`: one-limb and
// two-limb divisors (reciprocal 2-by-1 and 3-by-2 steps), three- and four-limb divisors (Knuth D), the
// rare final correction of the Möller–Granlund steps, and products at the 2²⁵⁶ boundary. The oracle is
// BigUInt; numerators are built as q·d + r with structured q, d and r, which is how the rare
// corrections are reached (random operands almost never reach them).

import BigInt
import Testing

@testable import AntibodyMath

@Suite("Division edge cases against the BigUInt oracle")
struct DivisionEdgeCaseTests {
    /// Limb values that stress normalisation and carries: 0, 1, 2, 2⁶³ − 1, 2⁶³, 2⁶³ + 1, 2⁶⁴ − 2, 2⁶⁴ − 1.
    static let limbs: [UInt64] = [
        0, 1, 2, 0x7FFF_FFFF_FFFF_FFFF, 0x8000_0000_0000_0000, 0x8000_0000_0000_0001, .max - 1, .max,
    ]

    /// Divisors of one to four limbs built from ``limbs`` (top limb nonzero: 1 gives the largest
    /// normalisation shift, 2⁶⁴ − 1 none), plus 2⁶⁴ − 1, 2¹²⁸ − 1, 2¹⁹² − 1 and 2²⁵⁶ − 1 themselves.
    static let divisors: [UInt256] = {
        var values: [UInt256] = []
        let tops = limbs.filter { $0 != 0 }
        let lows: [UInt64] = [0, 1, 0x8000_0000_0000_0000, .max]
        for top in tops {
            values.append(UInt256(w0: top, w1: 0, w2: 0, w3: 0))
            for a in lows {
                values.append(UInt256(w0: a, w1: top, w2: 0, w3: 0))
                values.append(UInt256(w0: a, w1: a, w2: top, w3: 0))
                values.append(UInt256(w0: a, w1: .max, w2: a, w3: top))
            }
        }
        for bits in [64, 128, 192, 256] { values.append(bits == 256 ? .max : (UInt256.one << bits) &- 1) }
        return values
    }()

    /// Quotient shapes: 0, 1, 2, all ones, a top bit alone, and limb patterns from ``limbs``.
    static let quotients: [BigUInt] = {
        var values: [BigUInt] = [0, 1, 2, (BigUInt(1) << 256) - 1, BigUInt(1) << 255, (BigUInt(1) << 64) - 1]
        for (i, a) in limbs.enumerated() {
            let b = limbs[(i + 3) % limbs.count]
            values.append(BigUInt(UInt256(w0: a, w1: b, w2: a, w3: b)))
            values.append(BigUInt(UInt256(w0: b, w1: a, w2: 0, w3: 0)))
        }
        return values
    }()

    @Test("dividingFullWidth and mulDiv on q·d + r with structured q, d and r ∈ {0, 1, d/2, d − 2, d − 1}")
    func structuredNumerators() {
        var cases = 0
        var failures: [String] = []
        for d in Self.divisors {
            let big = BigUInt(d)
            for q in Self.quotients {
                for r in [BigUInt(0), 1, big / 2, big >= 2 ? big - 2 : 0, big - 1] where r < big {
                    let n = q * big + r
                    guard n < BigUInt(d) << 256 else { continue }  // the quotient must fit
                    let high = UInt256(oracle: n >> 256)
                    let low = UInt256(oracle: n & ((BigUInt(1) << 256) - 1))
                    cases += 1
                    let (quotient, remainder) = d.dividingFullWidth((high, low))
                    if BigUInt(quotient) != q || BigUInt(remainder) != r {
                        failures.append(
                            "(\(high), \(low)) / \(d): got \(quotient) r \(remainder), expected \(q) r \(r)")
                    }
                    if high.isZero {
                        let (q2, r2) = low.quotientAndRemainder(dividingBy: d)
                        if BigUInt(q2) != q || BigUInt(r2) != r { failures.append("\(low) / \(d): got \(q2) r \(r2)") }
                    }
                }
                // mulDiv with the product q·d (remainder 0) and q·d ± 1 through a = q·d ± 1, b = 1 when
                // it fits, and through a = q, b = d otherwise.
                if q < BigUInt(1) << 256 {
                    let a = UInt256(oracle: q)
                    let expected = OracleOutcome.value(q)
                    if let failure = check(
                        "mulDiv(q, d, d)", outcome { () throws(MathError) in try mulDiv(a, d, d) }, expected)
                    {
                        failures.append(failure)
                    }
                    let up = check(
                        "mulDivRoundingUp(q, d, d)", outcome { () throws(MathError) in try mulDivRoundingUp(a, d, d) },
                        expected)
                    if let up { failures.append(up) }
                    cases += 2
                }
            }
        }
        #expect(failures.isEmpty, "\(failures.count) of \(cases) failed; first: \(failures.prefix(3))")
        #expect(cases >= 5_000)
    }

    @Test("products at the 2²⁵⁶ boundary: a·b = 2²⁵⁶ − 1, 2²⁵⁶, 2²⁵⁶ + 1")
    func productBoundary() {
        let two128 = UInt256.one << 128
        // (2¹²⁸ − 1)(2¹²⁸ + 1) = 2²⁵⁶ − 1 (high = 0); 2¹²⁸·2¹²⁸ = 2²⁵⁶ (high = 1, low = 0);
        // (2¹²⁸ + 1)·2¹²⁸ = 2²⁵⁶ + 2¹²⁸ just above.
        let pairs: [(UInt256, UInt256)] = [
            (two128 &- 1, two128 &+ 1), (two128, two128), (two128 &+ 1, two128), (.max, 1), (.max, 2), (.max, .max),
        ]
        let denominators: [UInt256] = [
            1, 2, 3, (UInt256.one << 64) &- 1, UInt256.one << 64, two128 &- 1, two128, two128 &+ 1, .max,
        ]
        var failures: [String] = []
        for (a, b) in pairs {
            for d in denominators {
                let product = BigUInt(a) * BigUInt(b)
                let (q, r) = product.quotientAndRemainder(dividingBy: BigUInt(d))
                let floor = OracleOutcome.fitting(q)
                let ceiling = OracleOutcome.fitting(r.isZero ? q : q + 1)
                if let f = check(
                    "mulDiv(\(a), \(b), \(d))", outcome { () throws(MathError) in try mulDiv(a, b, d) }, floor)
                {
                    failures.append(f)
                }
                if let f = check(
                    "mulDivRoundingUp(\(a), \(b), \(d))",
                    outcome { () throws(MathError) in try mulDivRoundingUp(a, b, d) }, ceiling)
                {
                    failures.append(f)
                }
            }
        }
        #expect(failures.isEmpty, "\(failures)")
    }

    /// Whether the Möller–Granlund 2-by-1 step on `(u1, u0)` takes its rare final correction (the
    /// test's own transcription of Algorithm 4 up to that branch, to show the cases reach it).
    static func takesRareCorrection2by1(_ u1: UInt64, _ u0: UInt64, _ d: UInt64, _ v: UInt64) -> Bool {
        let p = UInt128(v) * UInt128(u1) &+ (UInt128(u1) << 64 | UInt128(u0))
        var q1 = UInt64(truncatingIfNeeded: p >> 64) &+ 1
        let q0 = UInt64(truncatingIfNeeded: p)
        var r = u0 &- q1 &* d
        if r > q0 {
            q1 &-= 1
            r &+= d
        }
        return r >= d
    }

    /// The same for the 3-by-2 step (Algorithm 5).
    static func takesRareCorrection3by2(_ u2: UInt64, _ u1: UInt64, _ u0: UInt64, _ d: UInt128, _ v: UInt64) -> Bool {
        let d1 = UInt64(truncatingIfNeeded: d >> 64)
        let d0 = UInt64(truncatingIfNeeded: d)
        let p = UInt128(v) * UInt128(u2) &+ (UInt128(u2) << 64 | UInt128(u1))
        let q1 = UInt64(truncatingIfNeeded: p >> 64)
        let q0 = UInt64(truncatingIfNeeded: p)
        let r1 = u1 &- q1 &* d1
        var r = (UInt128(r1) << 64 | UInt128(u0)) &- UInt128(d0) * UInt128(q1) &- d
        if UInt64(truncatingIfNeeded: r >> 64) >= q0 { r &+= d }
        return r >= d
    }

    @Test("2-by-1 and 3-by-2 reciprocal steps are exact, including their rare final correction")
    func reciprocalSteps() {
        let normalized: [UInt64] = [
            0x8000_0000_0000_0000, 0x8000_0000_0000_0001, 0xC000_0000_0000_0000, .max - 1, .max,
            0x8DBD_19C2_EF95_E274, 0xB504_F333_F9DE_6484,
            // With q = 2⁶⁴ − 2 these reach the 2-by-1 step's rare final correction (found by search).
            0x91B7_584A_2265_B1F5, 0x9B81_0E76_6EC9_D286,
        ]
        let digits: [UInt64] = [
            0, 1, 2, 0x8000_0000_0000_0000, .max - 1, .max, 0x1234_5678_9ABC_DEF0, 0xFEDC_BA98_7654_3210,
        ]
        var rare2 = 0
        var rare3 = 0
        var failures: [String] = []
        for d in normalized {
            let v = LimbArithmetic.reciprocal2by1(d)
            if UInt128(v) + (UInt128(1) << 64) != UInt128.max / UInt128(d) { failures.append("reciprocal2by1(\(d))") }
            for q in digits {
                for r in [0, 1, d / 2, d - 2, d - 1] {
                    let u = UInt128(q) * UInt128(d) + UInt128(r)
                    let u1 = UInt64(truncatingIfNeeded: u >> 64)
                    let u0 = UInt64(truncatingIfNeeded: u)
                    if Self.takesRareCorrection2by1(u1, u0, d, v) { rare2 += 1 }
                    let (qq, rr) = LimbArithmetic.divRem2by1(u1, u0, d, v)
                    if qq != q || rr != r { failures.append("2by1 (\(u1), \(u0)) / \(d): got \(qq) r \(rr)") }
                }
            }
            for low in [0, 1, 0x8000_0000_0000_0000, .max, 0x0F0F_0F0F_0F0F_0F0F] as [UInt64] {
                let dd = UInt128(d) << 64 | UInt128(low)
                let v3 = LimbArithmetic.reciprocal3by2(d, low)
                let expected = (BigUInt(1) << 192 - 1) / BigUInt(dd) - (BigUInt(1) << 64)
                if BigUInt(v3) != expected { failures.append("reciprocal3by2(\(d), \(low))") }
                for q in digits {
                    for r in [0, 1, dd / 2, dd - 2, dd - 1] {
                        let u = BigUInt(q) * BigUInt(dd) + BigUInt(r)
                        let u2 = UInt64(u >> 128)
                        let u1 = UInt64((u >> 64) & BigUInt(UInt64.max))
                        let u0 = UInt64(u & BigUInt(UInt64.max))
                        if Self.takesRareCorrection3by2(u2, u1, u0, dd, v3) { rare3 += 1 }
                        let (qq, rr) = LimbArithmetic.divRem3by2(u2, u1, u0, dd, v3)
                        if qq != q || rr != r {
                            failures.append("3by2 (\(u2), \(u1), \(u0)) / \(dd): got \(qq) r \(rr)")
                        }
                    }
                }
            }
        }
        #expect(failures.isEmpty, "\(failures.prefix(5))")
        // The structured cases do reach the branches that random operands almost never take.
        #expect(rare2 > 0 && rare3 > 0, "rare corrections reached: 2-by-1 \(rare2), 3-by-2 \(rare3)")
    }
}
