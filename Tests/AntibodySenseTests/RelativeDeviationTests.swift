import Testing

@testable import AntibodySense

/// The hand-rolled 128 × 128 → 256-bit product against the standard library's, on edge and seeded
/// random operands.
@Suite struct RelativeDeviationTests {
    @Test func fullProductMatchesTheStandardLibrary() {
        let edges: [UInt128] = [
            0, 1, 2, UInt128(UInt64.max), UInt128(UInt64.max) + 1, UInt128.max, UInt128.max - 1, 10,
        ]
        var state: UInt64 = 0x1234_5678
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        var operands = edges
        for _ in 0..<2_000 { operands.append(UInt128(next()) << 64 | UInt128(next())) }
        for _ in 0..<200 { operands.append(UInt128(next() >> (next() % 64))) }
        for (i, a) in operands.enumerated() {
            let b = operands[(i * 7 + 3) % operands.count]
            let ours = RelativeDeviation.fullProduct(a, b)
            let reference = a.multipliedFullWidth(by: b)
            #expect(ours.high == UInt128(reference.high) && ours.low == reference.low, "\(a) × \(b)")
        }
        for a in edges { for b in edges { #expect(RelativeDeviation.fullProduct(a, b).low == a &* b) } }
    }
}
