import AntibodyMath
import BigInt
import Testing

/// Runs `operation`, returning its value or the thrown MathError.
func outcome(_ operation: () throws(MathError) -> UInt256) -> Result<UInt256, MathError> {
    do { return .success(try operation()) } catch { return .failure(error) }
}

/// `nil` when `result` matches the oracle: a value, an overflow, or a division by zero.
func check(_ what: String, _ result: Result<UInt256, MathError>, _ expected: OracleOutcome) -> String? {
    switch (result, expected) {
    case (.success(let value), .value(let big)): return check(what, value, big)
    case (.failure(let error), .overflow) where error.isOverflow: return nil
    case (.failure(let error), .divisionByZero) where error.isDivisionByZero: return nil
    default: return "\(what): got \(result), expected \(expected)"
    }
}

/// What the oracle says an operation must produce.
enum OracleOutcome {
    case value(BigUInt)
    case overflow
    case divisionByZero

    /// A value, or overflow when it does not fit in 256 bits.
    static func fitting(_ big: BigUInt) -> OracleOutcome { big < twoTo256 ? .value(big) : .overflow }
}

@Suite("mulDiv, sqrt and WAD/RAY against the BigUInt oracle")
struct MulDivPropertyTests {
    /// Counts the random cases whose result fits (not an error), to show the property is not vacuous.
    final class Counter { var fits = 0 }

    @Test("mulDiv = ⌊a·b/d⌋ with a 512-bit intermediate; throws on d = 0 and results ≥ 2²⁵⁶")
    func mulDivMatchesOracle() {
        let counter = Counter()
        let cases = forAll(tripleGen, edges: edgeTriples) { a, b, d in
            let expected: OracleOutcome
            if d.isZero {
                expected = .divisionByZero
            } else {
                expected = .fitting(BigUInt(a) * BigUInt(b) / BigUInt(d))
            }
            if case .value = expected { counter.fits += 1 }
            return check("mulDiv", outcome { () throws(MathError) in try mulDiv(a, b, d) }, expected)
        }
        #expect(cases >= 10_000)
        #expect(counter.fits >= 2_000, "too few non-overflowing cases: \(counter.fits)")
    }

    @Test("mulDivRoundingUp = ⌈a·b/d⌉; throws on d = 0 and when the rounded result overflows")
    func mulDivRoundingUpMatchesOracle() {
        let counter = Counter()
        let cases = forAll(tripleGen, edges: edgeTriples) { a, b, d in
            let expected: OracleOutcome
            if d.isZero {
                expected = .divisionByZero
            } else {
                let (q, r) = (BigUInt(a) * BigUInt(b)).quotientAndRemainder(dividingBy: BigUInt(d))
                expected = .fitting(r.isZero ? q : q + 1)
            }
            if case .value = expected { counter.fits += 1 }
            return check(
                "mulDivRoundingUp", outcome { () throws(MathError) in try mulDivRoundingUp(a, b, d) }, expected)
        }
        #expect(cases >= 10_000)
        #expect(counter.fits >= 2_000, "too few non-overflowing cases: \(counter.fits)")
    }

    @Test("mulDiv where the result fits: a·b with a 512-bit product divided by a larger denominator")
    func mulDivPhantomOverflow() {
        // Denominator above the high half of the product: the result always fits, so this exercises
        // the 512-by-256-bit division on every case.
        let cases = forAll(tripleGen, edges: edgeTriples) { a, b, c in
            let product = BigUInt(a) * BigUInt(b)
            let high = UInt256(oracle: product >> 256)
            guard high != .max else { return nil }
            let d = c > high ? c : high &+ UInt256.one
            let (q, r) = product.quotientAndRemainder(dividingBy: BigUInt(d))
            return firstFailure(
                check("mulDiv", outcome { () throws(MathError) in try mulDiv(a, b, d) }, .value(q)),
                check(
                    "mulDivRoundingUp", outcome { () throws(MathError) in try mulDivRoundingUp(a, b, d) },
                    .fitting(r.isZero ? q : q + 1)))
        }
        #expect(cases >= 10_000)
    }

    @Test("sqrt = ⌊√x⌋")
    func squareRoot() {
        let cases = forAll(uint256Gen, edges: edgeValues) { x in
            check("sqrt", UInt256.sqrt(x), BigUInt(x).squareRoot())
        }
        #expect(cases >= 10_000)
    }

    /// Aave's `wadMul` / `rayMul`, transcribed from the Solidity: revert when
    /// `b != 0 && a > (max − half) / b`, else `(a·b + half) / unit`.
    static func aaveMul(_ a: BigUInt, _ b: BigUInt, half: BigUInt, unit: BigUInt) -> OracleOutcome {
        if b != 0 && a > (twoTo256 - 1 - half) / b { return .overflow }
        return .value((a * b + half) / unit)
    }

    /// Aave's `wadDiv` / `rayDiv`: revert when `b == 0 || a > (max − b/2) / unit`, else
    /// `(a·unit + b/2) / b`.
    static func aaveDiv(_ a: BigUInt, _ b: BigUInt, unit: BigUInt) -> OracleOutcome {
        if b == 0 { return .divisionByZero }
        if a > (twoTo256 - 1 - b / 2) / unit { return .overflow }
        return .value((a * unit + b / 2) / b)
    }

    static let wad = BigUInt(10).power(18)
    static let ray = BigUInt(10).power(27)

    @Test("wadMul and rayMul round half up and throw where Aave reverts")
    func wadRayMul() {
        let cases = forAll(pairGen, edges: edgePairs) { a, b in
            let x = BigUInt(a), y = BigUInt(b)
            return firstFailure(
                check(
                    "wadMul", outcome { () throws(MathError) in try wadMul(a, b) },
                    Self.aaveMul(x, y, half: Self.wad / 2, unit: Self.wad)),
                check(
                    "rayMul", outcome { () throws(MathError) in try rayMul(a, b) },
                    Self.aaveMul(x, y, half: Self.ray / 2, unit: Self.ray)))
        }
        #expect(cases >= 10_000)
    }

    @Test("wadDiv and rayDiv round half up and throw where Aave reverts")
    func wadRayDiv() {
        let cases = forAll(pairGen, edges: edgePairs) { a, b in
            let x = BigUInt(a), y = BigUInt(b)
            return firstFailure(
                check(
                    "wadDiv", outcome { () throws(MathError) in try wadDiv(a, b) }, Self.aaveDiv(x, y, unit: Self.wad)),
                check(
                    "rayDiv", outcome { () throws(MathError) in try rayDiv(a, b) }, Self.aaveDiv(x, y, unit: Self.ray)))
        }
        #expect(cases >= 10_000)
    }

    @Test("wadToRay and rayToWad")
    func wadRayConversions() {
        let ratio = BigUInt(10).power(9)
        let cases = forAll(uint256Gen, edges: edgeValues) { a in
            let x = BigUInt(a)
            let (q, r) = x.quotientAndRemainder(dividingBy: ratio)
            return firstFailure(
                check("wadToRay", outcome { () throws(MathError) in try wadToRay(a) }, .fitting(x * ratio)),
                check("rayToWad", rayToWad(a), r >= ratio / 2 ? q + 1 : q))
        }
        #expect(cases >= 10_000)
    }
}
