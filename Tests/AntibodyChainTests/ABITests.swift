import AntibodyCore
import AntibodyMath
import Testing

@testable import AntibodyChain

/// The Solidity ABI specification's worked examples ("Examples" and "Use of Dynamic Types"): their
/// selectors and encodings, word by word.
@Suite("ABI")
struct ABITests {
    static func words(_ words: [String]) throws -> [UInt8] {
        try words.flatMap { word throws(CoreError) -> [UInt8] in
            let bytes = try Hex.decode(word)
            return [UInt8](repeating: 0, count: 32 - bytes.count) + bytes
        }
    }

    static func padRight(_ text: String) -> String {
        let hex = Hex.encode(Array(text.utf8), prefix: false)
        return hex + String(repeating: "0", count: 64 - hex.count)
    }

    @Test("baz(uint32,bool) with 69 and true")
    func baz() throws {
        let f = try ABIFunction(signature: "baz(uint32,bool)", outputs: "bool")
        #expect(f.selector == [0xcd, 0xcd, 0x77, 0xc0])
        let call = try f.encodeCall([.uint(69), .bool(true)])
        #expect(call == f.selector + (try Self.words(["45", "01"])))
        #expect(try f.decodeCall(call) == [.uint(69), .bool(true)])
    }

    @Test("bar(bytes3[2]) with abc and def")
    func bar() throws {
        let f = try ABIFunction(signature: "bar(bytes3[2])")
        #expect(f.selector == [0xfc, 0xe3, 0x53, 0xf6])
        let args: [ABIValue] = [.array([.fixedBytes(Array("abc".utf8)), .fixedBytes(Array("def".utf8))])]
        let call = try f.encodeCall(args)
        #expect(Hex.encode(call.dropFirst(4), prefix: false) == Self.padRight("abc") + Self.padRight("def"))
        #expect(try f.decodeCall(call) == args)
    }

    @Test("sam(bytes,bool,uint256[]) with dave, true and [1,2,3]")
    func sam() throws {
        let f = try ABIFunction(signature: "sam(bytes,bool,uint256[])")
        #expect(f.selector == [0xa5, 0x64, 0x3b, 0xf2])
        let args: [ABIValue] = [.bytes(Array("dave".utf8)), .bool(true), .array([.uint(1), .uint(2), .uint(3)])]
        let call = try f.encodeCall(args)
        let expected =
            try Self.words(["60", "01", "a0", "04"]) + (try Hex.decode(Self.padRight("dave")))
            + (try Self.words(["03", "01", "02", "03"]))
        #expect(Array(call.dropFirst(4)) == expected)
        #expect(try f.decodeCall(call) == args)
    }

    @Test("f(uint256,uint32[],bytes10,bytes) from the dynamic-types section")
    func dynamic() throws {
        let f = try ABIFunction(signature: "f(uint256,uint32[],bytes10,bytes)")
        #expect(f.selector == [0x8b, 0xe6, 0x52, 0x46])
        let args: [ABIValue] = [
            .uint(0x123), .array([.uint(0x456), .uint(0x789)]), .fixedBytes(Array("1234567890".utf8)),
            .bytes(Array("Hello, world!".utf8)),
        ]
        let call = try f.encodeCall(args)
        let expected =
            try Self.words(["0123", "80"]) + (try Hex.decode(Self.padRight("1234567890")))
            + (try Self.words(["e0", "02", "0456", "0789", "0d"])) + (try Hex.decode(Self.padRight("Hello, world!")))
        #expect(Array(call.dropFirst(4)) == expected)
        #expect(try f.decodeCall(call) == args)
    }

    @Test("g(uint256[][],string[]) with [[1,2],[3]] and [one,two,three]")
    func nested() throws {
        let f = try ABIFunction(signature: "g(uint256[][],string[])")
        #expect(f.selector == [0x22, 0x89, 0xb1, 0x8c])
        let args: [ABIValue] = [
            .array([.array([.uint(1), .uint(2)]), .array([.uint(3)])]),
            .array([.string("one"), .string("two"), .string("three")]),
        ]
        let call = try f.encodeCall(args)
        let expected =
            try Self.words([
                "40", "0140", "02", "40", "a0", "02", "01", "02", "01", "03", "03", "60", "a0",
                "e0", "03",
            ])
            + (try Hex.decode(Self.padRight("one"))) + (try Self.words(["03"])) + (try Hex.decode(Self.padRight("two")))
            + (try Self.words(["05"])) + (try Hex.decode(Self.padRight("three")))
        #expect(Array(call.dropFirst(4)) == expected)
        #expect(try f.decodeCall(call) == args)
    }

    @Test("type strings parse to canonical form")
    func typeStrings() throws {
        #expect(try ABIType(parsing: "uint").description == "uint256")
        #expect(try ABIType(parsing: "(uint8,bytes32,bytes32)[]") == .array(.tuple([.uint(8), .bytes32, .bytes32])))
        #expect(try ABIType(parsing: "(address,(uint256,bool))[2][]").description == "(address,(uint256,bool))[2][]")
        for bad in ["uint7", "uint264", "bytes33", "bytes0", "(uint256", "uint256[", "foo", "uint256[0]", "(a,)"] {
            #expect(throws: ChainError.self, "\(bad)") { try ABIType(parsing: bad) }
        }
    }

    @Test("the Guardian's pause signature has the selector vyper reports")
    func guardianSelector() throws {
        let f = try ABIFunction(
            signature: "pause(address,(uint256,address,bytes,uint256,uint64,(uint8,bytes32,bytes32)[]))")
        #expect(Hex.encode(f.selector) == "0x57c1282e")
    }

    @Test("ERC-20 Transfer log decodes indexed and data parameters")
    func transferEvent() throws {
        let event = ABIEvent(
            name: "Transfer",
            parameters: [
                .init("from", .address, indexed: true), .init("to", .address, indexed: true), .init("value", .uint256),
            ])
        #expect(Hex.encode(event.topic) == "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef")
        let from = try EthereumAddress(hex: "0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf")
        let to = try EthereumAddress(hex: "0x2B5AD5c4795c026514f8317c7a215E218DcCD6cF")
        let topics = [
            event.topic, [UInt8](repeating: 0, count: 12) + from.bytes, [UInt8](repeating: 0, count: 12) + to.bytes,
        ]
        let decoded = try event.decodeLog(topics: topics, data: try Self.words(["03e8"]))
        #expect(decoded["from"] == .address(from))
        #expect(decoded["to"] == .address(to))
        #expect(decoded["value"] == .uint(1000))
        #expect(throws: ChainError.self) { try event.decodeLog(topics: Array(topics.prefix(2)), data: []) }
    }

    @Test("signed integers: sign extension in and out, range checks")
    func signedIntegers() throws {
        let encoded = try ABI.encode([.signed(-1), .signed(-128)], as: [.int(8), .int(256)])
        #expect(encoded == [UInt8](repeating: 0xff, count: 32) + [UInt8](repeating: 0xff, count: 31) + [0x80])
        let decoded = try ABI.decode([.int(8), .int(256)], from: encoded)
        #expect(decoded.map { $0.int64Value } == [-1, -128])
        #expect(throws: ChainError.self) { try ABI.encode([.signed(128)], as: [.int(8)]) }
        #expect(throws: ChainError.self) { try ABI.encode([.uint(256)], as: [.uint(8)]) }
    }

    @Test("malformed data is refused, never a crash")
    func hostileData() throws {
        let good = try ABI.encode(
            [.bytes(Array("dave".utf8)), .array([.uint(1), .uint(2)])],
            as: [.bytes, .array(.uint256)])
        for cut in 0..<good.count {
            #expect(throws: ChainError.self) {
                try ABI.decode([.bytes, .array(.uint256)], from: Array(good.prefix(cut)))
            }
        }
        var huge = good
        huge[31] = 0xff  // offset far beyond the data
        #expect(throws: ChainError.self) { try ABI.decode([.bytes, .array(.uint256)], from: huge) }
        var longArray = good
        longArray[good.count - 3 * 32 + 28] = 0x7f  // array length of ~2^31
        #expect(throws: ChainError.self) { try ABI.decode([.bytes, .array(.uint256)], from: longArray) }
        #expect(throws: ChainError.self) { try ABI.decode([.bool], from: try Self.words(["02"])) }
        #expect(throws: ChainError.self) { try ABI.decode([.address], from: [UInt8](repeating: 0xff, count: 32)) }
        #expect(throws: ChainError.self) { try ABI.decode([.uint(8)], from: try Self.words(["0100"])) }
        #expect(throws: ChainError.self) { try ABI.decode([.fixedBytes(1)], from: try Self.words(["0101"])) }
    }
}
