import AntibodyMath
import BigInt
import PropertyBased
import Testing

@Suite("UInt256 arithmetic against the BigUInt oracle")
struct ArithmeticPropertyTests {
    @Test("addition: +, &+, addingReportingOverflow")
    func addition() {
        let cases = forAll(pairGen, edges: edgePairs) { a, b in
            let sum = BigUInt(a) + BigUInt(b)
            let (partial, overflow) = a.addingReportingOverflow(b)
            return firstFailure(
                check("partial", partial, sum % twoTo256),
                check("overflow", overflow, sum >= twoTo256),
                check("&+", a &+ b, sum % twoTo256),
                overflow ? nil : check("+", a + b, sum))
        }
        #expect(cases >= 10_000)
    }

    @Test("subtraction: -, &-, subtractingReportingOverflow")
    func subtraction() {
        let cases = forAll(pairGen, edges: edgePairs) { a, b in
            let x = BigUInt(a), y = BigUInt(b)
            let expected = x >= y ? x - y : twoTo256 + x - y
            let (partial, overflow) = a.subtractingReportingOverflow(b)
            return firstFailure(
                check("partial", partial, expected),
                check("overflow", overflow, y > x),
                check("&-", a &- b, expected),
                overflow ? nil : check("-", a - b, expected))
        }
        #expect(cases >= 10_000)
    }

    @Test("multiplication: *, &*, multipliedReportingOverflow, multipliedFullWidth")
    func multiplication() {
        let cases = forAll(pairGen, edges: edgePairs) { a, b in
            let product = BigUInt(a) * BigUInt(b)
            let (partial, overflow) = a.multipliedReportingOverflow(by: b)
            let (high, low) = a.multipliedFullWidth(by: b)
            return firstFailure(
                check("partial", partial, product % twoTo256),
                check("overflow", overflow, product >= twoTo256),
                check("&*", a &* b, product % twoTo256),
                check("full width high", high, product >> 256),
                check("full width low", low, product % twoTo256),
                overflow ? nil : check("*", a * b, product))
        }
        #expect(cases >= 10_000)
    }

    @Test("division and remainder: /, %, quotientAndRemainder, reporting forms")
    func division() {
        let cases = forAll(pairGen, edges: edgePairs) { a, b in
            if b.isZero {
                return firstFailure(
                    check("divided overflow", a.dividedReportingOverflow(by: b).overflow, true),
                    check("remainder overflow", a.remainderReportingOverflow(dividingBy: b).overflow, true))
            }
            let (q, r) = BigUInt(a).quotientAndRemainder(dividingBy: BigUInt(b))
            let (quotient, remainder) = a.quotientAndRemainder(dividingBy: b)
            return firstFailure(
                check("quotient", quotient, q), check("remainder", remainder, r),
                check("/", a / b, q), check("%", a % b, r),
                check("dividedReportingOverflow", a.dividedReportingOverflow(by: b).partialValue, q),
                check("remainderReportingOverflow", a.remainderReportingOverflow(dividingBy: b).partialValue, r))
        }
        #expect(cases >= 10_000)
    }

    @Test("division by a 64-bit limb")
    func divisionByLimb() {
        let cases = forAll(pairGen, edges: edgePairs) { a, b in
            let d = b.w0 == 0 ? 1 : b.w0
            let (q, r) = BigUInt(a).quotientAndRemainder(dividingBy: BigUInt(d))
            let (quotient, remainder) = a.quotientAndRemainder(dividingByLimb: d)
            return firstFailure(check("quotient", quotient, q), check("remainder", BigUInt(remainder), r))
        }
        #expect(cases >= 10_000)
    }

    @Test("dividingFullWidth: 512-bit by 256-bit")
    func dividingFullWidth() {
        let cases = forAll(tripleGen, edges: edgeTriples) { h, l, d in
            guard !d.isZero else { return nil }
            let high = h % d  // the quotient must fit: high < divisor
            let numerator = BigUInt(high) << 256 + BigUInt(l)
            let (q, r) = numerator.quotientAndRemainder(dividingBy: BigUInt(d))
            let (quotient, remainder) = d.dividingFullWidth((high, l))
            return firstFailure(check("quotient", quotient, q), check("remainder", remainder, r))
        }
        #expect(cases >= 10_000)
    }

    @Test("shifts: <<, >>, &<<, &>> with amounts -300...300")
    func shifts() {
        let gen = zip(uint256Gen, Gen.int(in: -300...300))
        let edges = edgeValues.flatMap { v in [0, 1, 63, 64, 65, 128, 255, 256, 257, -1, -64, -256].map { (v, $0) } }
        let cases = forAll(gen, edges: edges) { a, s in
            let x = BigUInt(a)
            let left = s >= 0 ? (x << s) % twoTo256 : x >> -s
            let right = s >= 0 ? x >> s : (x << -s) % twoTo256
            let masked = s & 255
            return firstFailure(
                check("<<", a << s, left), check(">>", a >> s, right),
                check("&<<", a &<< s, (x << masked) % twoTo256), check("&>>", a &>> s, x >> masked),
                check("&<< UInt256", a &<< UInt256(masked), (x << masked) % twoTo256),
                check("generic <<", a << Int32(clamping: s), left))
        }
        #expect(cases >= 10_000)
    }

    @Test("bitwise operations, bit counts and comparisons")
    func bitwise() {
        let cases = forAll(pairGen, edges: edgePairs) { a, b in
            let x = BigUInt(a), y = BigUInt(b)
            let bits = x == 0 ? 0 : String(x, radix: 2).count
            let ones = String(x, radix: 2).filter { $0 == "1" }.count
            let trailing = x == 0 ? 256 : String(String(x, radix: 2).reversed()).prefix { $0 == "0" }.count
            return firstFailure(
                check("&", a & b, x & y), check("|", a | b, x | y), check("^", a ^ b, x ^ y),
                check("~", ~a, (twoTo256 - 1) - x),
                check("<", a < b, x < y), check("==", a == b, x == y), check(">=", a >= b, x >= y),
                check("leadingZeroBitCount", a.leadingZeroBitCount, 256 - bits),
                check("trailingZeroBitCount", a.trailingZeroBitCount, trailing),
                check("nonzeroBitCount", a.nonzeroBitCount, ones),
                check("byteSwapped twice", a.byteSwapped.byteSwapped, a),
                check("words", a.words.map { $0 }, x.words.map { $0 } + Array(repeating: 0, count: 4 - x.words.count)),
                check("hash", a == b ? a.hashValue == b.hashValue : true, true))
        }
        #expect(cases >= 10_000)
    }
}
