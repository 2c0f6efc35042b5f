import AntibodyCore
import Foundation
import Testing

/// JSON string literals read back by Foundation's JSON parser (an independent implementation of
/// RFC 8259) as the text that was written, for every control character, quotes, backslashes and
/// non-ASCII text.
@Suite struct JSONStringTests {
    @Test func literalsRoundTripThroughFoundation() throws {
        var samples = ["", "plain", "quote \" and backslash \\", "line\nreturn\rtab\t", "ünïcödé ✓ 🛡", "/slash"]
        samples.append(String((0..<0x20).map { Character(Unicode.Scalar($0)!) }))
        for text in samples {
            let literal = JSONString.quoted(text)
            let decoded = try JSONSerialization.jsonObject(with: Data("[\(literal)]".utf8)) as? [String]
            #expect(decoded == [text], "\(literal)")
        }
        #expect(JSONString.quoted("a\u{1}b") == "\"a\\u0001b\"")
        #expect(JSONString.quoted("\"\n") == "\"\\\"\\n\"")
    }
}
