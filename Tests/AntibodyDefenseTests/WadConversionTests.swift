import AntibodyDefense
import Foundation
import Testing

/// `Wad.int128(integral:)` equals the standard library's `Int128(_: Double)` on edge values and on
/// seeded random integral doubles of every magnitude up to the bound.
@Suite struct WadConversionTests {
    @Test func int128FromIntegralDoubleMatchesTheStandardLibrary() {
        var values: [Double] = [
            0, 1, -1, 9.2e18 - 1024, -9.2e18 + 1024, 9.2e18, -9.2e18, 0x1p63, -0x1p63, 0x1p64, -0x1p64,
            0x1p64 + 0x1p12, -0x1p64 - 0x1p12, 0x1p100, -0x1p100, 1.69e38, -1.69e38, 1e36, -1e36,
        ]
        var state: UInt64 = 7
        for _ in 0..<20_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let exponent = Double(state >> 57)  // 0…127
            let mantissa = Double(state & 0xF_FFFF_FFFF) / Double(0xF_FFFF_FFFF)
            let x = (mantissa * 2 - 1) * Double.pow2(exponent)
            if abs(x) < 1.7e38 { values.append(x.rounded()) }
        }
        for x in values {
            #expect(Wad.int128(integral: x) == Int128(x), "\(x)")
        }
    }
}

extension Double {
    fileprivate static func pow2(_ e: Double) -> Double { Double(sign: .plus, exponent: Int(e), significand: 1) }
}

/// `Wad.fromDouble` reads a double as its 15-significant-digit decimal (exact binary from 10¹⁵ up,
/// at most 18 fractional digits); the oracle is the C library's correctly rounded `printf`.
@Suite struct WadFromDoubleTests {
    /// The WAD value printf gives: `%.14e` (15 significant digits) below 10¹⁵ unless that keeps
    /// more than 18 fractional digits, `%.18f` otherwise.
    static func oracle(_ x: Double) -> Int128? {
        let magnitude = x.magnitude
        var text = String(format: "%.14e", magnitude)
        let parts = text.split(separator: "e")
        let exponent = Int(parts[1])!
        if magnitude < 1e15, 14 - exponent <= 18 {
            let digits = Int128(parts[0].replacingOccurrences(of: ".", with: ""))!
            var scale: Int128 = 1
            for _ in 0..<(4 + exponent) { scale *= 10 }
            return x < 0 ? -digits * scale : digits * scale
        }
        text = String(format: "%.18f", magnitude)
        let digits = Int128(text.replacingOccurrences(of: ".", with: ""))!
        return x < 0 ? -digits : digits
    }

    @Test func wholeAndShortDecimalsAreExact() {
        #expect(Wad.fromDouble(900_000) == 900_000 * Wad.one)
        #expect(Wad.fromDouble(1_000_000) == 1_000_000 * Wad.one)
        #expect(Wad.fromDouble(0.9) == 900_000_000_000_000_000)
        #expect(Wad.fromDouble(1.05) == 1_050_000_000_000_000_000)
        #expect(Wad.fromDouble(-0.999) == -999_000_000_000_000_000)
        #expect(Wad.fromDouble(123_456_789.123_456) == 123_456_789_123_456_000_000_000_000)
        #expect(Wad.fromDouble(0x1p62) == Int128(1) << 62 * Wad.one)
        #expect(Wad.fromDouble(1e-19) == 0)
        #expect(Wad.fromDouble(6e-19) == 1)
        #expect(Wad.fromDouble(.nan) == nil)
        #expect(Wad.fromDouble(.infinity) == nil)
        #expect(Wad.fromDouble(1.7e20) == nil)
    }

    @Test func matchesPrintfOnSeededDoublesOfEveryMagnitude() {
        var values: [Double] = [1e15, 1e15.nextDown, 1e15.nextUp, 999_999_999_999_999.5, 1e-4, 1e-3, 0.1, 0.5, 2.5]
        var state: UInt64 = 11
        for _ in 0..<20_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let exponent = Int(state >> 58) * 2 - 62  // −62…64
            let significand = 1 + Double(state & 0xF_FFFF_FFFF) / Double(0x10_0000_0000)
            let x = Double(sign: state & 1 == 0 ? .plus : .minus, exponent: exponent, significand: significand)
            if x.magnitude < 1.7e20, x.magnitude >= 0x1p-62 { values.append(x) }
            // A short decimal, the way prices are written: 1–15 digits at a random scale.
            let digits = Double(state >> 14 % 1_000_000_000_000_000)
            let scaled = digits / Double.pow10(Int(state >> 8 % 19))
            if scaled >= 0x1p-62, scaled < 1.7e20 { values.append(scaled) }
        }
        var mismatches = 0
        for x in values where Wad.fromDouble(x) != Self.oracle(x) {
            mismatches += 1
            if mismatches <= 5 {
                Issue.record(
                    "\(x): \(String(describing: Wad.fromDouble(x))) vs printf \(String(describing: Self.oracle(x)))")
            }
        }
        #expect(mismatches == 0)
        #expect(values.count > 30_000)
    }
}

extension Double {
    fileprivate static func pow10(_ e: Int) -> Double {
        var p = 1.0
        for _ in 0..<e { p *= 10 }
        return p
    }
}
