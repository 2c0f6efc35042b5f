import AntibodyMath
import BigInt
import Foundation
import PropertyBased
import Testing

@Suite("UInt256 text, Codable and Double conversions against the oracle")
struct ConversionPropertyTests {
    @Test("decimal: description matches the oracle and parses back")
    func decimalRoundTrip() {
        let cases = forAll(uint256Gen, edges: edgeValues) { a in
            let text = String(BigUInt(a))
            return firstFailure(
                check("description", a.description, text),
                check("init(decimal:)", UInt256(decimal: text), a),
                check("init(_:)", UInt256(text), a),
                check("leading zeros", UInt256(decimal: "000" + text), a),
                check("String(_:radix:)", String(a, radix: 10), text))
        }
        #expect(cases >= 10_000)
    }

    @Test("hex: hexDescription matches the oracle and parses back, with or without 0x, any case")
    func hexRoundTrip() {
        let cases = forAll(uint256Gen, edges: edgeValues) { a in
            let digits = String(BigUInt(a), radix: 16)
            return firstFailure(
                check("hexDescription", a.hexDescription, "0x" + digits),
                check("0x", UInt256(hex: "0x" + digits), a),
                check("bare", UInt256(hex: digits), a),
                check("0X upper", UInt256(hex: "0X" + digits.uppercased()), a),
                check("leading zeros", UInt256(hex: "0x00" + digits), a),
                check("stdlib radix parse", UInt256(digits, radix: 16), a))
        }
        #expect(cases >= 10_000)
    }

    @Test("Codable: a decimal JSON string that decodes back")
    func codableRoundTrip() throws {
        let encoder = JSONEncoder()
        let decoder = JSONDecoder()
        var failures = 0
        let cases = forAll(uint256Gen, count: 2_000, edges: edgeValues) { a in
            do {
                let data = try encoder.encode([a])
                let json = String(decoding: data, as: UTF8.self)
                let back = try decoder.decode([UInt256].self, from: data)
                return firstFailure(check("json", json, "[\"\(a.description)\"]"), check("decoded", back, [a]))
            } catch {
                failures += 1
                return "threw \(error)"
            }
        }
        #expect(cases == 2_000 && failures == 0)
        let hex = try decoder.decode([UInt256].self, from: Data(#"["0xde0b6b3a7640000"]"#.utf8))
        #expect(hex == [UInt256.wad])
    }

    @Test("to Double: round to nearest, ties to even (oracle: strtod of the decimal string)")
    func toDouble() {
        let cases = forAll(uint256Gen, edges: edgeValues) { a in
            let expected = Double(String(BigUInt(a)))!  // correctly rounded by the C library
            let exact = BigUInt(exactly: expected).map { $0 == BigUInt(a) } ?? false
            return firstFailure(
                check("Double(_:)", Double(a), expected),
                check("Double(exactly:)", Double(exactly: a) != nil, exact))
        }
        #expect(cases >= 10_000)
    }

    @Test("from Double: truncation toward zero; exactly only for whole numbers")
    func fromDouble() {
        let doubles = Generator<Double, Shrink.None<Double>> { rng in
            switch rng.next() % 4 {
            case 0: return Double.random(in: 0..<1e6, using: &rng)
            case 1:
                return Double(
                    sign: .plus, exponent: Int(rng.next() % 256), significand: Double.random(in: 1..<2, using: &rng))
            case 2: return Double(rng.next() >> 11) * 0x1p-20
            default: return Double(sign: .plus, exponent: Int(rng.next() % 60), significand: 1)
            }
        }
        let edges: [Double] = [
            0, -0.0, 0.5, -0.5, -0.999, 1, 1.5, 0x1p53, 0x1p53 + 2, 0x1p64, 0x1p128, 0x1p255, 0x1p256.nextDown,
        ]
        let cases = forAll(doubles, edges: edges) { d in
            let truncated = BigUInt(d.magnitude.rounded(.towardZero))
            return firstFailure(
                check("init(_:)", UInt256(d), truncated),
                check(
                    "init?(exactly:)", UInt256(exactly: d).map { BigUInt($0) },
                    BigUInt(exactly: d.magnitude).flatMap { d >= 0 ? $0 : nil }),
                check("init?(clampingOrNil:)", UInt256(clampingOrNil: d).map { BigUInt($0) }, truncated),
                check("generic BinaryFloatingPoint init", Self.viaGeneric(d), truncated))
        }
        #expect(cases >= 10_000)
    }

    /// Converts through the standard library's generic `init<T: BinaryFloatingPoint>(_:)`.
    static func viaGeneric<T: BinaryFloatingPoint>(_ x: T) -> UInt256 { UInt256(x) }

    @Test("standard integer API through the generic FixedWidthInteger defaults")
    func genericIntegerAPI() {
        let cases = forAll(zip(Gen.int64(), uint256Gen), edges: [(0, 0), (-1, .max), (.min, 1), (.max, .max)]) { i, a in
            let x = BigUInt(a)
            let wrapped = i >= 0 ? BigUInt(i) : twoTo256 - BigUInt(i.magnitude)
            return firstFailure(
                check("truncatingIfNeeded", UInt256(truncatingIfNeeded: i), wrapped),
                check("exactly", UInt256(exactly: i).map { BigUInt($0) }, i >= 0 ? BigUInt(i) : nil),
                check("clamping", UInt256(clamping: i), i >= 0 ? BigUInt(i) : 0),
                check("Int64(exactly:)", Int64(exactly: a), x <= BigUInt(Int64.max) ? Int64(x) : nil),
                check("UInt64(truncatingIfNeeded:)", UInt64(truncatingIfNeeded: a), a.w0),
                check("heterogeneous ==", a == i, i >= 0 && x == BigUInt(i)),
                check("heterogeneous <", a < i, i > 0 && x < BigUInt(i)),
                check("signum", a.signum(), x == 0 ? 0 : 1))
        }
        #expect(cases >= 10_000)
    }
}
