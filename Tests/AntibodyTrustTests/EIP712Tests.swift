import AntibodyCore
import Testing

@testable import AntibodyTrust

@Suite("EIP-191 personal_sign and the EIP-712 encoder")
struct EIP712Tests {
    /// The EIP-712 specification's example (assets/eip-712/Example.js), as eth_signTypedData_v4 JSON.
    static let mail = """
        {"types":{"EIP712Domain":[{"name":"name","type":"string"},{"name":"version","type":"string"},
        {"name":"chainId","type":"uint256"},{"name":"verifyingContract","type":"address"}],
        "Person":[{"name":"name","type":"string"},{"name":"wallet","type":"address"}],
        "Mail":[{"name":"from","type":"Person"},{"name":"to","type":"Person"},{"name":"contents","type":"string"}]},
        "primaryType":"Mail",
        "domain":{"name":"Ether Mail","version":"1","chainId":1,"verifyingContract":"0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC"},
        "message":{"from":{"name":"Cow","wallet":"0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826"},
        "to":{"name":"Bob","wallet":"0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB"},"contents":"Hello, Bob!"}}
        """

    @Test("EIP-191: viem's signMessage('hello world') with account 0")
    func personalSign() throws {
        #expect(
            PersonalMessage.digest("hello world")
                == word("0xd9eba16ed0ecae432b71fe008c98cc872bb4cc214d3220a36f365326cf807d68"))
        let account = key("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80")
        let signature = PersonalMessage.sign(Array("hello world".utf8), with: account)
        #expect(
            signature.description
                == "0xa461f509887bd19e312c0c58467ce8ff8e300d3c1a90b608a760c5b80318eaf1"
                + "5fe57c96f9175d6cd4daad4663763baa7e78836e067d0163e9a2ccf2ff753f5b1b")
        #expect(
            try PersonalMessage.recoverSigner(of: Array("hello world".utf8), signature: signature) == account.address)
    }

    @Test("EIP-712 Mail: type strings, type hashes, encodeData, struct hash, domain separator, digest")
    func mailEncoding() throws {
        let document = try TypedData(json: Self.mail)
        #expect(
            try document.encodeType("Mail")
                == "Mail(Person from,Person to,string contents)Person(string name,address wallet)")
        #expect(
            try document.typeHash("Mail") == word("0xa0cedeb2dc280ba39b857546d74f5549c3a1d7bdc2dd96bf881f76108e23dac2"))
        #expect(
            try Hex.encode(document.encodeData("Mail", document.message))
                == "0xa0cedeb2dc280ba39b857546d74f5549c3a1d7bdc2dd96bf881f76108e23dac2"
                + "fc71e5fa27ff56c350aa531bc129ebdf613b772b6604664f5d8dbe21b85eb0c8"
                + "cd54f074a4af31b4411ff6a60c9719dbd559c221c8ac3492d9d872b041d703d1"
                + "b5aadf3154a261abdd9086fc627b61efca26ae5702701d05cd2305f7c52a2fc8")
        #expect(
            try document.hashStruct("Mail", document.message)
                == word("0xc52c0ee5d84264471806290a3f2c4cecfc5490626bf912d01f240d7a274b371e"))
        #expect(
            try document.domainSeparator() == word("0xf2cee375fa42b42143804025fc449deafd50cc031ca257e0b194a650a912090f")
        )
        #expect(try document.digest() == word("0xbe609aee343fb3c4b28e1df9e632fca64fcfaede20f02e86244efddf30957bd2"))
    }

    @Test("EIP-712 Mail: the signature with the EIP's key keccak256(\"cow\")")
    func mailSignature() throws {
        let cow = try Secp256k1PrivateKey(bytes: Keccak256.hash("cow"))
        #expect(cow.address.description == "0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826")
        let signature = try TypedData(json: Self.mail).sign(with: cow)
        #expect(signature.r == word("0x4355c47d63924e8a72e509b65029052eb6c299d53a04e167c5775fd466751c9d"))
        #expect(signature.s == word("0x07299936d304c153f6443dfa05f40ff007d72911b6f72307f996231605b91562"))
        #expect(signature.rsv.last == 28)
    }

    @Test("the domain type is derived when types omit EIP712Domain")
    func derivedDomain() throws {
        var json = try JSONValue.parse(Self.mail).objectValue!
        var types = json["types"]!.objectValue!
        types["EIP712Domain"] = nil
        json["types"] = .object(types)
        #expect(
            try TypedData(json: .object(json)).digest()
                == word("0xbe609aee343fb3c4b28e1df9e632fca64fcfaede20f02e86244efddf30957bd2"))
    }

    @Test("arrays, nested arrays, bytes, bytesN, bool and signed integers encode by the EIP's rules")
    func generalTypes() throws {
        let document = TypedData(
            types: [
                "Item": [TypedDataField(name: "id", type: "uint8"), TypedDataField(name: "tags", type: "string[]")],
                "Box": [
                    TypedDataField(name: "items", type: "Item[]"), TypedDataField(name: "grid", type: "int16[2][]"),
                    TypedDataField(name: "blob", type: "bytes"), TypedDataField(name: "code", type: "bytes4"),
                    TypedDataField(name: "open", type: "bool"),
                ],
            ],
            primaryType: "Box", domain: ["name": .string("t")],
            message: try JSONValue.parse(
                #"{"items":[{"id":1,"tags":["a","b"]}],"grid":[[-1,2],["0x03","-4"]],"blob":"0x0102","code":"0xdeadbeef","open":true}"#
            ))
        // Expected words computed by the rules directly (independent of the encoder's recursion).
        let itemType = "Item(uint8 id,string[] tags)"
        let itemHash = Keccak256.hash(
            Keccak256.hash(itemType) + Bytes32(bigEndian: 1).bytes
                + Keccak256.hash(Keccak256.hash("a") + Keccak256.hash("b")))
        let minusOne = [UInt8](repeating: 0xff, count: 32)
        let minusFour = [UInt8](repeating: 0xff, count: 31) + [0xfc]
        let row1 = Keccak256.hash(minusOne + Bytes32(bigEndian: 2).bytes)
        let row2 = Keccak256.hash(Bytes32(bigEndian: 3).bytes + minusFour)
        let boxType = "Box(Item[] items,int16[2][] grid,bytes blob,bytes4 code,bool open)Item(uint8 id,string[] tags)"
        let expected = Keccak256.hash(
            Keccak256.hash(boxType) + Keccak256.hash(itemHash) + Keccak256.hash(row1 + row2)
                + Keccak256.hash([1, 2]) + hex("deadbeef") + [UInt8](repeating: 0, count: 28)
                + Bytes32(bigEndian: 1).bytes)
        #expect(try document.hashStruct("Box", document.message).bytes == expected)
    }

    @Test("out-of-range and malformed values are refused with the member's path")
    func refusals() throws {
        func message(_ json: String, type: String) throws -> Bytes32 {
            let document = TypedData(
                types: ["M": [TypedDataField(name: "v", type: type)]], primaryType: "M", domain: [:],
                message: try JSONValue.parse(json))
            return try document.hashStruct("M", document.message)
        }
        for (json, type) in [
            (#"{"v":256}"#, "uint8"), (#"{"v":-1}"#, "uint256"), (#"{"v":128}"#, "int8"), (#"{"v":-129}"#, "int8"),
            (#"{"v":"1.5"}"#, "uint8"), (#"{"v":"0x0102"}"#, "bytes4"), (#"{"v":"0x12"}"#, "address"),
            (#"{"w":1}"#, "uint8"), (#"{"v":[1]}"#, "uint8[2]"), (#"{"v":1}"#, "Missing"),
            (#"{"v":"1e3"}"#, "uint256"),
        ] {
            #expect(throws: TrustError.self, "\(json) as \(type)") { try message(json, type: type) }
        }
        #expect(
            try message(#"{"v":-128}"#, type: "int8").bytes
                == Keccak256.hash(Keccak256.hash("M(int8 v)") + [UInt8](repeating: 0xff, count: 31) + [0x80]))
        #expect(
            try message(
                #"{"v":115792089237316195423570985008687907853269984665640564039457584007913129639935}"#,
                type: "uint256")
                == Bytes32(bytes: Keccak256.hash(Keccak256.hash("M(uint256 v)") + [UInt8](repeating: 0xff, count: 32)))!
        )
    }
}
