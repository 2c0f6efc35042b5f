import AntibodyMath
import Foundation
import Testing

/// Bad input never crashes: parsing returns nil or throws a MathError that says what was wrong.
@Suite("Bad input")
struct BadInputTests {
    static let seventyNineDigits = "1" + String(repeating: "0", count: 78)  // 10⁷⁸ > 2²⁵⁶ − 1
    static let maxPlusOne = "115792089237316195423570985008687907853269984665640564039457584007913129639936"

    @Test(
        "decimal rejects",
        arguments: ["", "-1", "+1", "0x10", " 1", "1 ", "1_000", "1.0", "1e18", "١٢", "12a", "-0"]
            + [seventyNineDigits, maxPlusOne, String(repeating: "9", count: 1000)])
    func decimalRejects(_ text: String) {
        #expect(UInt256(decimal: text) == nil)
        #expect(UInt256(text) == nil)
        #expect(throws: MathError.self) { try UInt256(parsingDecimal: text) }
    }

    @Test(
        "hex rejects",
        arguments: ["", "0x", "0X", "-1", "-0x1", "0x-1", "0xg", "0x 1", "x1", "0x1.0", "0xé"]
            + ["0x1" + String(repeating: "0", count: 64), String(repeating: "f", count: 65)])
    func hexRejects(_ text: String) {
        #expect(UInt256(hex: text) == nil)
        #expect(throws: MathError.self) { try UInt256(parsingHex: text) }
    }

    @Test("the largest values parse; leading zeros beyond 64 digits are fine")
    func limits() {
        #expect(
            UInt256(decimal: "115792089237316195423570985008687907853269984665640564039457584007913129639935") == .max)
        #expect(UInt256(hex: String(repeating: "f", count: 64)) == .max)
        #expect(UInt256(hex: "0x" + String(repeating: "0", count: 100) + "1") == 1)
        #expect(UInt256(decimal: String(repeating: "0", count: 100)) == 0)
        #expect(UInt256(hex: "0") == 0)
        #expect(UInt256(hex: "0x0") == 0)
    }

    @Test("messages say what was wrong and where")
    func messages() {
        func message(_ parse: () throws(MathError) -> UInt256) -> String {
            do {
                _ = try parse()
                return "no error"
            } catch {
                #expect(error.isInvalidNumber)
                return error.message
            }
        }
        #expect(message { () throws(MathError) in try UInt256(parsingDecimal: "") }.contains("empty"))
        #expect(message { () throws(MathError) in try UInt256(parsingDecimal: "-1") }.contains("sign"))
        #expect(message { () throws(MathError) in try UInt256(parsingDecimal: "12x4") }.contains("'x' at offset 2"))
        #expect(
            message { () throws(MathError) in try UInt256(parsingDecimal: Self.seventyNineDigits) }.contains(
                "exceeds 2^256 - 1"))
        #expect(
            message { () throws(MathError) in try UInt256(parsingHex: "0x") }.contains("no digits after the 0x prefix"))
        #expect(message { () throws(MathError) in try UInt256(parsingHex: "0xfg") }.contains("'g' at offset 3"))
        #expect(
            message { () throws(MathError) in try UInt256(parsingHex: String(repeating: "f", count: 65)) }.contains(
                "more than 64"))
        // A huge input is cut in the message.
        #expect(
            message { () throws(MathError) in try UInt256(parsingDecimal: String(repeating: "9", count: 10_000)) }.count
                < 400)
    }

    @Test("Codable rejects bad strings and JSON numbers with a DecodingError")
    func codable() {
        let decoder = JSONDecoder()
        for json in [#"["-1"]"#, #"["0x"]"#, #"[""]"#, "[\"\(Self.seventyNineDigits)\"]", "[42]", "[\"1e3\"]"] {
            #expect(throws: DecodingError.self) { try decoder.decode([UInt256].self, from: Data(json.utf8)) }
        }
    }

    @Test("checked arithmetic reports instead of trapping")
    func checkedForms() {
        #expect(UInt256.max.addingReportingOverflow(1) == (0, true))
        #expect(UInt256.zero.subtractingReportingOverflow(1) == (.max, true))
        #expect(UInt256.max.multipliedReportingOverflow(by: 2).overflow)
        #expect(UInt256.max.dividedReportingOverflow(by: 0) == (.max, true))
        #expect(UInt256(7).remainderReportingOverflow(dividingBy: 0) == (7, true))
        #expect(UInt256.max &+ 1 == 0)
        #expect(UInt256.zero &- 1 == .max)
        #expect(UInt256.max &* UInt256.max == 1)
    }
}
