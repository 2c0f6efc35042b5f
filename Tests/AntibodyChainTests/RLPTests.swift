import AntibodyCore
import AntibodyMath
import Testing

@testable import AntibodyChain

/// Ethereum's published RLP vectors (ethereum/tests, RLPTests/rlptest.json and invalidRLPTest.json),
/// transcribed case by case with their names.
@Suite("RLP")
struct RLPTests {
    static let lorem55 = "Lorem ipsum dolor sit amet, consectetur adipisicing eli"
    static let asdf: RLP = .list([.string("asdf"), .string("qwer"), .string("zxcv")])

    static let valid: [(name: String, item: RLP, hex: String)] = [
        ("emptystring", .string(""), "0x80"),
        ("bytestring00", .bytes([0x00]), "0x00"),
        ("bytestring01", .bytes([0x01]), "0x01"),
        ("bytestring7F", .bytes([0x7f]), "0x7f"),
        ("shortstring", .string("dog"), "0x83646f67"),
        (
            "shortstring2", .string(lorem55),
            "0xb74c6f72656d20697073756d20646f6c6f722073697420616d65742c20636f6e7365637465747572206164697069736963696e6720656c69"
        ),
        (
            "longstring", .string(lorem55 + "t"),
            "0xb8384c6f72656d20697073756d20646f6c6f722073697420616d65742c20636f6e7365637465747572206164697069736963696e6720656c6974"
        ),
        ("zero", .integer(UInt64(0)), "0x80"),
        ("smallint", .integer(UInt64(1)), "0x01"),
        ("smallint2", .integer(UInt64(16)), "0x10"),
        ("smallint3", .integer(UInt64(79)), "0x4f"),
        ("smallint4", .integer(UInt64(127)), "0x7f"),
        ("mediumint1", .integer(UInt64(128)), "0x8180"),
        ("mediumint2", .integer(UInt64(1000)), "0x8203e8"),
        ("mediumint3", .integer(UInt64(100_000)), "0x830186a0"),
        (
            "mediumint4", .integer(UInt256(decimal: "83729609699884896815286331701780722")!),
            "0x8f102030405060708090a0b0c0d0e0f2"
        ),
        (
            "mediumint5",
            .integer(UInt256(decimal: "105315505618206987246253880190783558935785933862974822347068935681")!),
            "0x9c0100020003000400050006000700080009000a000b000c000d000e01"
        ),
        ("emptylist", .list([]), "0xc0"),
        ("stringlist", .list([.string("dog"), .string("god"), .string("cat")]), "0xcc83646f6783676f6483636174"),
        ("multilist", .list([.string("zw"), .list([.integer(UInt64(4))]), .integer(UInt64(1))]), "0xc6827a77c10401"),
        (
            "shortListMax1",
            .list([
                .string("asdf"), .string("qwer"), .string("zxcv"), .string("asdf"), .string("qwer"), .string("zxcv"),
                .string("asdf"), .string("qwer"), .string("zxcv"), .string("asdf"), .string("qwer"),
            ]),
            "0xf784617364668471776572847a78637684617364668471776572847a78637684617364668471776572847a78637684617364668471776572"
        ),
        (
            "longList1", .list(Array(repeating: asdf, count: 4)),
            "0xf840" + String(repeating: "cf84617364668471776572847a786376", count: 4)
        ),
        (
            "longList2", .list(Array(repeating: asdf, count: 32)),
            "0xf90200" + String(repeating: "cf84617364668471776572847a786376", count: 32)
        ),
        ("listsoflists", .list([.list([.list([]), .list([])]), .list([])]), "0xc4c2c0c0c0"),
        (
            "listsoflists2", .list([.list([]), .list([.list([])]), .list([.list([]), .list([.list([])])])]),
            "0xc7c0c1c0c3c0c1c0"
        ),
        (
            "dictTest1",
            .list([
                .list([.string("key1"), .string("val1")]), .list([.string("key2"), .string("val2")]),
                .list([.string("key3"), .string("val3")]), .list([.string("key4"), .string("val4")]),
            ]), "0xecca846b6579318476616c31ca846b6579328476616c32ca846b6579338476616c33ca846b6579348476616c34"
        ),
        (
            "bigint", .bigEndianInteger([0x01] + [UInt8](repeating: 0, count: 32)),
            "0xa1010000000000000000000000000000000000000000000000000000000000000000"
        ),
    ]

    @Test("published vectors encode to the published bytes and decode back")
    func validVectors() throws {
        for (name, item, hex) in Self.valid {
            let expected = try Hex.decode(hex)
            #expect(item.encoded == expected, "\(name)")
            #expect(item.encodedCount == expected.count, "\(name)")
            #expect(try RLP(decoding: expected) == item, "\(name)")
        }
    }

    @Test("the 1024-byte string of longstring2 takes a two-byte length")
    func longString2() throws {
        let payload = [UInt8](repeating: 0x61, count: 1024)
        #expect(RLP.bytes(payload).encoded.prefix(3) == [0xb9, 0x04, 0x00])
        #expect(try RLP(decoding: RLP.bytes(payload).encoded) == .bytes(payload))
    }

    static let invalid: [(name: String, hex: String)] = [
        ("int32Overflow", "0xbf0f000000000000021111"),
        ("int32Overflow2", "0xff0f000000000000021111"),
        ("wrongSizeList", "0xf80180"),
        ("wrongSizeList2", "0xf80100"),
        ("incorrectLengthInArray", "0xb9002100dc2b275d0f74e8a53e6f4ec61b27f24278820be3f82ea2110e582081b0565df0"),
        (
            "randomRLP",
            "0xf861f83eb9002100dc2b275d0f74e8a53e6f4ec61b27f24278820be3f82ea2110e582081b0565df027b90015002d5ef8325ae4d034df55d4b58d0dfba64d61ddd17be00000b9001a00dae30907045a2f66fa36f2bb8aa9029cbb0b8a7b3b5c435ab331"
        ),
        ("bytesShouldBeSingleByte00", "0x8100"),
        ("bytesShouldBeSingleByte01", "0x8101"),
        ("bytesShouldBeSingleByte7F", "0x817F"),
        (
            "leadingZerosInLongLengthArray1",
            "0xb90040000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f"
        ),
        ("leadingZerosInLongLengthArray2", "0xb800"),
        (
            "leadingZerosInLongLengthList1",
            "0xfb00000040000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f"
        ),
        ("leadingZerosInLongLengthList2", "0xf800"),
        ("nonOptimalLongLengthArray1", "0xb81000112233445566778899aabbccddeeff"),
        ("nonOptimalLongLengthArray2", "0xb801ff"),
        ("nonOptimalLongLengthList1", "0xf810000102030405060708090a0b0c0d0e0f"),
        ("nonOptimalLongLengthList2", "0xf803112233"),
    ]

    @Test("published invalid inputs are refused with a reason")
    func invalidVectors() throws {
        for (name, hex) in Self.invalid {
            let bytes = try Hex.decode(hex)
            #expect(throws: ChainError.self, "\(name)") { try RLP(decoding: bytes) }
        }
    }

    @Test("trailing bytes, truncation and deep nesting are refused")
    func bounds() {
        #expect(throws: ChainError.self) { try RLP(decoding: [0x80, 0x80]) }
        #expect(throws: ChainError.self) { try RLP(decoding: [0x83, 0x64]) }
        #expect(throws: ChainError.self) { try RLP(decoding: []) }
        var deep = RLP.list([])
        for _ in 0..<RLP.maximumDepth { deep = .list([deep]) }
        #expect(throws: ChainError.self) { try RLP(decoding: deep.encoded) }
    }

    @Test("every truncation of every valid vector is refused, never a crash")
    func truncations() throws {
        for (name, _, hex) in Self.valid {
            let bytes = try Hex.decode(hex)
            for cut in 0..<bytes.count {
                #expect(throws: ChainError.self, "\(name) cut at \(cut)") {
                    try RLP(decoding: Array(bytes.prefix(cut)))
                }
            }
        }
    }
}
