import Testing

@testable import AntibodyChain

@Suite("JSONValue and RetryPolicy")
struct JSONValueTests {
    @Test("parses and serializes JSON-RPC answers")
    func roundTrip() throws {
        let text = #"{"jsonrpc":"2.0","id":7,"result":{"a":[true,false,null,-1.5e3,"x\"\\\u00e9\ud83d\ude00"]}}"#
        let value = try JSONValue(parsing: Array(text.utf8))
        #expect(value["id"] == .number("7"))
        #expect(
            value["result"]?["a"] == .array([.bool(true), .bool(false), .null, .number("-1.5e3"), .string("x\"\\é😀")]))
        #expect(try JSONValue(parsing: Array(value.serialized.utf8)) == value)
    }

    @Test("refuses malformed or hostile input")
    func hostile() {
        for bad in ["", "{", "[1,]", "{\"a\" 1}", "tru", "\"\\ud800\"", "\"\u{01}\"", "1 2", "[01x]", "nan"] {
            #expect(throws: ChainError.self, "\(bad)") { try JSONValue(parsing: Array(bad.utf8)) }
        }
        let deep = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        #expect(throws: ChainError.self) { try JSONValue(parsing: Array(deep.utf8)) }
    }

    @Test("back-off doubles up to its ceiling and attempts are bounded")
    func backoff() {
        let policy = RetryPolicy(
            maximumAttempts: 50, initialDelay: .milliseconds(100), multiplier: 2,
            maximumDelay: .seconds(1))
        #expect(policy.maximumAttempts == 10)
        #expect(
            (1...6).map { policy.delay(after: $0) } == [
                .milliseconds(100), .milliseconds(200), .milliseconds(400), .milliseconds(800), .seconds(1),
                .seconds(1),
            ])
        #expect(RetryPolicy.none.maximumAttempts == 1)
    }
}
