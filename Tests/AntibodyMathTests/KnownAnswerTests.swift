import AntibodyMath
import Testing

/// Known answers from independent sources: Uniswap v3-core's `test/FullMath.spec.ts`, Aave v3-core's
/// `test-suites/wadraymath.spec.ts` (inputs there; expected values computed with Python's
/// arbitrary-precision integers from the formulas in `WadRayMath.sol`), and published constants.
@Suite("Known answers")
struct KnownAnswerTests {
    static let q128: UInt256 = 340282366920938463463374607431768211456
    static let maxValue: UInt256 = 115792089237316195423570985008687907853269984665640564039457584007913129639935

    @Test("literals and constants")
    func constants() {
        #expect(Self.maxValue == UInt256.max)
        #expect(Self.q128 == UInt256.one << 128)
        #expect(
            UInt256.max.description == "115792089237316195423570985008687907853269984665640564039457584007913129639935")
        #expect(
            (UInt256.one << 255).description
                == "57896044618658097711785492504343953926634992332820282019728792003956564819968")
        #expect(UInt256.ray.description == "1000000000000000000000000000")
        #expect(UInt256.halfRay.description == "500000000000000000000000000")
        #expect(UInt256.max.hexDescription == "0x" + String(repeating: "f", count: 64))
        #expect(UInt256.zero.hexDescription == "0x0" && UInt256.zero.description == "0")
        #expect(UInt256.max.bitLength == 256 && UInt256.zero.bitLength == 0)
    }

    // Uniswap v3-core test/FullMath.spec.ts, #mulDiv.
    @Test("Uniswap FullMath.mulDiv")
    func uniswapMulDiv() throws {
        let q = Self.q128
        #expect(throws: MathError.self) { try mulDiv(q, 5, 0) }
        #expect(throws: MathError.self) { try mulDiv(q, q, 0) }
        #expect(throws: MathError.self) { try mulDiv(q, q, 1) }
        #expect(throws: MathError.self) { try mulDiv(.max, .max, .max - 1) }
        #expect(try mulDiv(.max, .max, .max) == .max)
        // accurate without phantom overflow: Q128 · 0.5 / 1.5 = Q128 / 3
        #expect(try mulDiv(q, 50 * q / 100, 150 * q / 100) == q / 3)
        // accurate with phantom overflow: Q128 · 35Q128 / 8Q128 = 4375 · Q128 / 1000
        #expect(try mulDiv(q, 35 * q, 8 * q) == 4375 * q / 1000)
        // accurate with phantom overflow and repeating decimal
        #expect(try mulDiv(q, 1000 * q, 3000 * q) == 1 * q / 3)
    }

    // Uniswap v3-core test/FullMath.spec.ts, #mulDivRoundingUp.
    @Test("Uniswap FullMath.mulDivRoundingUp")
    func uniswapMulDivRoundingUp() throws {
        let q = Self.q128
        #expect(throws: MathError.self) { try mulDivRoundingUp(q, 5, 0) }
        #expect(throws: MathError.self) { try mulDivRoundingUp(q, q, 0) }
        #expect(throws: MathError.self) { try mulDivRoundingUp(q, q, 1) }
        #expect(throws: MathError.self) { try mulDivRoundingUp(.max, .max, .max - 1) }
        #expect(throws: MathError.self) {
            try mulDivRoundingUp(535006138814359, 432862656469423142931042426214547535783388063929571229938474969, 2)
        }
        #expect(throws: MathError.self) {
            try mulDivRoundingUp(
                115792089237316195423570985008687907853269984659341747863450311749907997002549,
                115792089237316195423570985008687907853269984659341747863450311749907997002550,
                115792089237316195423570985008687907853269984653042931687443039491902864365164)
        }
        #expect(try mulDivRoundingUp(.max, .max, .max) == .max)
        #expect(try mulDivRoundingUp(q, 50 * q / 100, 150 * q / 100) == q / 3 + 1)
        #expect(try mulDivRoundingUp(q, 35 * q, 8 * q) == 4375 * q / 1000)
        #expect(try mulDivRoundingUp(q, 1000 * q, 3000 * q) == 1 * q / 3 + 1)
    }

    @Test("mulDiv errors say what was wrong")
    func mulDivErrors() {
        do {
            _ = try mulDiv(1, 1, 0)
            Issue.record("expected a throw")
        } catch {
            #expect(error.isDivisionByZero && error.message.contains("denominator is zero"))
        }
        do {
            _ = try mulDiv(.max, 2, 1)
            Issue.record("expected a throw")
        } catch {
            #expect(error.isOverflow && error.message.contains("does not fit"))
        }
    }

    // Aave v3-core test-suites/wadraymath.spec.ts.
    static let a: UInt256 = 134534543232342353231234
    static let b: UInt256 = 13265462389132757665657

    @Test("Aave WadRayMath: wadMul / wadDiv / rayMul / rayDiv")
    func aaveMulDiv() throws {
        #expect(try wadMul(Self.a, Self.b) == 1784662923287792467070443765)
        #expect(try wadMul(0, Self.b) == 0)
        #expect(try wadMul(Self.a, 0) == 0)
        #expect(try wadDiv(Self.a, Self.b) == 10141715327055228122)
        #expect(try rayMul(Self.a, Self.b) == 1784662923287792467)
        #expect(try rayMul(0, Self.b) == 0)
        #expect(try rayMul(Self.a, 0) == 0)
        #expect(try rayDiv(Self.a, Self.b) == 10141715327055228122033939726)
        // Half-up rounding at the boundary: 0.5 rounds up, just below 0.5 rounds down.
        #expect(try wadMul(1, UInt256.halfWad) == 1)
        #expect(try wadMul(1, UInt256.halfWad - 1) == 0)
        #expect(try rayMul(1, UInt256.halfRay) == 1)
        #expect(try wadDiv(1, 2 * UInt256.wad) == 1)
        #expect(try rayDiv(3, 2 * UInt256.ray) == 2)
    }

    @Test("Aave WadRayMath: the overflow reverts")
    func aaveReverts() throws {
        // tooLargeA = (MAX - HALF_WAD) / b + 1 reverts; one less does not.
        let wadLimit: UInt256 = 8728839285102840232114099377157550808226231863799759165
        #expect((UInt256.max - UInt256.halfWad) / Self.b + 1 == wadLimit)
        #expect(throws: MathError.self) { try wadMul(wadLimit, Self.b) }
        _ = try wadMul(wadLimit - 1, Self.b)
        let rayLimit: UInt256 = 8728839285102840232114099377157550808226231863799721473
        #expect(throws: MathError.self) { try rayMul(rayLimit, Self.b) }
        _ = try rayMul(rayLimit - 1, Self.b)
        // wadDiv: tooLargeA = (MAX - b/2) / WAD + 1; and division by zero.
        let wadDivLimit: UInt256 = 115792089237316195423570985008687907853269984665640564032825
        #expect(throws: MathError.self) { try wadDiv(wadDivLimit, Self.b) }
        _ = try wadDiv(wadDivLimit - 1, Self.b)
        #expect(throws: MathError.self) { try wadDiv(Self.a, 0) }
        let rayDivLimit: UInt256 = 115792089237316195423570985008687907853269984665641
        #expect(throws: MathError.self) { try rayDiv(rayDivLimit, Self.b) }
        _ = try rayDiv(rayDivLimit - 1, Self.b)
        #expect(throws: MathError.self) { try rayDiv(Self.a, 0) }
    }

    @Test("Aave WadRayMath: rayToWad and wadToRay")
    func aaveConversions() throws {
        let half: UInt256 = 500_000_000
        let ray = UInt256.ray
        #expect(rayToWad(ray) == UInt256.wad)
        #expect(rayToWad(ray + half - 1) == UInt256.wad)
        #expect(rayToWad(ray + half) == UInt256.wad + 1)
        let tooLarge = UInt256.max - half + 1
        #expect(rayToWad(tooLarge) == 115792089237316195423570985008687907853269984665640564039457584007913)
        #expect(try wadToRay(UInt256.wad) == ray)
        let wadToRayLimit: UInt256 = 115792089237316195423570985008687907853269984665640564039457584007914
        #expect(throws: MathError.self) { try wadToRay(wadToRayLimit) }
        _ = try wadToRay(wadToRayLimit - 1)
    }

    @Test("sqrt known values")
    func squareRoots() {
        #expect(UInt256.sqrt(0) == 0)
        #expect(UInt256.sqrt(1) == 1)
        #expect(UInt256.sqrt(2) == 1)
        #expect(UInt256.sqrt(3) == 1)
        #expect(UInt256.sqrt(4) == 2)
        #expect(UInt256.sqrt(.max) == UInt256.max >> 128)  // 2¹²⁸ − 1
        #expect(UInt256.sqrt(UInt256.one << 254) == UInt256.one << 127)
        // ⌊√(10⁷⁷)⌋, from Python's math.isqrt.
        let tenTo77: UInt256 = 100000000000000000000000000000000000000000000000000000000000000000000000000000
        #expect(UInt256.sqrt(tenTo77) == 316227766016837933199889354443271853371)
        let square: UInt256 = 1_000_000_000_000_000_000 * 1_000_000_000_000_000_000
        #expect(UInt256.sqrt(square) == 1_000_000_000_000_000_000)
        #expect(UInt256.sqrt(square - 1) == 999_999_999_999_999_999)
    }

    @Test("Double conversions at the boundaries")
    func doubles() {
        #expect(Double(UInt256.max) == 0x1p256)
        #expect(Double(UInt256.one << 200) == 0x1p200)
        // 2⁶⁴ + 1 is a tie between 2⁶⁴ and 2⁶⁴ + 2¹² ... not a tie: it rounds down to 2⁶⁴.
        #expect(Double((UInt256.one << 64) + 1) == 0x1p64)
        // 2⁵³ + 1 (exact tie) rounds to even 2⁵³; 2⁵³ + 3 rounds to 2⁵³ + 4.
        #expect(Double(UInt256.one << 53 + 1) == 0x1p53)
        #expect(Double((UInt256.one << 100) + (UInt256.one << 47)) == 0x1p100)
        #expect(Double((UInt256.one << 100) + (UInt256.one << 47) + 1) == 0x1p100 + 0x1p48)
        #expect(Double((UInt256.one << 100) + (UInt256.one << 48) + (UInt256.one << 47)) == 0x1p100 + 0x1p49)
        #expect(UInt256(2.9) == 2)
        #expect(UInt256(-0.9) == 0)
        #expect(UInt256(0x1p255) == UInt256.one << 255)
        #expect(UInt256(exactly: 2.5) == nil)
        #expect(UInt256(exactly: -1.0) == nil)
        #expect(UInt256(exactly: 0x1p256) == nil)
        #expect(UInt256(exactly: Double.nan) == nil)
        #expect(UInt256(exactly: -0.0) == 0)
        #expect(UInt256(clampingOrNil: .infinity) == nil)
        #expect(UInt256(clampingOrNil: -1) == nil)
        #expect(Double(exactly: UInt256.max) == nil)
        #expect(Double(exactly: UInt256.one << 255) == 0x1p255)
    }
}
