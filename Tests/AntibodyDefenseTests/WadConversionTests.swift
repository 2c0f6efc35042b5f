import AntibodyDefense
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
