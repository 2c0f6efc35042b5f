import AntibodyCore
import Testing

@testable import AntibodyTrust

@Suite("Web3 Secret Storage v3 keystores")
struct KeystoreTests {
    // The Web3 Secret Storage Definition's test vectors (password "testpassword").
    static let secret = "7a28b5ba57c53603b0b07b56bba752f7784bf506fa95edc395f5cf6c7514fe9d"
    static let passphrase = Array("testpassword".utf8)
    static let pbkdf2Vector = """
        {"crypto":{"cipher":"aes-128-ctr","cipherparams":{"iv":"6087dab2f9fdbbfaddc31a909735c1e6"},
        "ciphertext":"5318b4d5bcd28de64ee5559e671353e16f075ecae9f99c7a79a38af5f869aa46","kdf":"pbkdf2",
        "kdfparams":{"c":262144,"dklen":32,"prf":"hmac-sha256",
        "salt":"ae3cd4e7013836a3df6bd7241b12db061dbe2c6785853cce422d148a624ce0bd"},
        "mac":"517ead924a9d0dc3124507e3393d175ce3ff7c1e96529c6c555ce9e51205e9b2"},
        "id":"3198bc9c-6672-5ab3-d995-4942343ae5b6","version":3}
        """
    static let scryptVector = """
        {"crypto":{"cipher":"aes-128-ctr","cipherparams":{"iv":"83dbcc02d8ccb40e466191a123791e0e"},
        "ciphertext":"d172bf743a674da9cdad04534d56926ef8358534d458fffccd4e6ad2fbde479c","kdf":"scrypt",
        "kdfparams":{"dklen":32,"n":262144,"p":8,"r":1,
        "salt":"ab0c7876052600dd703518d6fc3fe8984592145b591fc8fb5c6d43190334ba19"},
        "mac":"2103ac29920d71da29f15d75b4a16dbe95cfd7ff8faea1056c33131d846e3097"},
        "id":"3198bc9c-6672-5ab3-d995-4942343ae5b6","version":3}
        """

    @Test("PBKDF2 vector: derived key, and decryption to the published secret and address")
    func pbkdf2Vector() throws {
        let derived = try Keystore.deriveKey(
            passphrase: Self.passphrase, salt: hex("ae3cd4e7013836a3df6bd7241b12db061dbe2c6785853cce422d148a624ce0bd"),
            kdf: .pbkdf2(iterations: 262_144))
        #expect(derived == hex("f06d69cdc7da0faffb1008270bca38f5e31891a3a773950e6d0fea48a7188551"))
        let key = try Keystore.decrypt(json: Self.pbkdf2Vector, passphrase: Self.passphrase)
        #expect(key.address.description.lowercased() == "0x008aeeda4d805471df9b2a5b0f38a0c3bcba786b")
        #expect(key.withSecretBytes { Array($0) } == hex(Self.secret))
    }

    @Test("the wiki's scrypt vector (r = 1, n = 2^18) breaks RFC 7914's n < 2^(16r), which BoringSSL enforces")
    func scryptWikiVectorRefused() {
        do {
            _ = try Keystore.decrypt(json: Self.scryptVector, passphrase: Self.passphrase)
            Issue.record("expected a refusal")
        } catch {
            #expect(error.message.contains("RFC 7914"))
            #expect(!error.isWrongPassphrase)
        }
    }

    @Test("scrypt: RFC 7914 test vector 3 (first 32 bytes) and go-ethereum's scrypt keystore test vectors")
    func scryptVectors() throws {
        let derived = try Keystore.deriveKey(
            passphrase: Array("pleaseletmein".utf8), salt: Array("SodiumChloride".utf8),
            kdf: .scrypt(n: 16384, r: 8, p: 1))
        #expect(derived == hex("7023bdcb3afd7348461c06cd81fd38ebfda8fbba904f8e3ea9b543f6545da1f2"))
        // go-ethereum accounts/keystore/testdata/v3_test_vector.json, "31_byte_key" and "30_byte_key".
        let thirtyOne = """
            {"crypto":{"cipher":"aes-128-ctr","cipherparams":{"iv":"e0c41130a323adc1446fc82f724bca2f"},
            "ciphertext":"9517cd5bdbe69076f9bf5057248c6c050141e970efa36ce53692d5d59a3984","kdf":"scrypt",
            "kdfparams":{"dklen":32,"n":2,"r":8,"p":1,"salt":"711f816911c92d649fb4c84b047915679933555030b3552c1212609b38208c63"},
            "mac":"d5e116151c6aa71470e67a7d42c9620c75c4d23229847dcc127794f0732b0db5"},
            "id":"fecfc4ce-e956-48fd-953b-30f8b52ed66c","version":3}
            """
        let thirty = """
            {"crypto":{"cipher":"aes-128-ctr","cipherparams":{"iv":"3ca92af36ad7c2cd92454c59cea5ef00"},
            "ciphertext":"108b7d34f3442fc26ab1ab90ca91476ba6bfa8c00975a49ef9051dc675aa","kdf":"scrypt",
            "kdfparams":{"dklen":32,"n":2,"r":8,"p":1,"salt":"d0769e608fb86cda848065642a9c6fa046845c928175662b8e356c77f914cd3b"},
            "mac":"75d0e6759f7b3cefa319c3be41680ab6beea7d8328653474bd06706d4cc67420"},
            "id":"a37e1559-5955-450d-8075-7b8931b392b2","version":3}
            """
        let first = try Keystore.decrypt(json: thirtyOne, passphrase: Array("foo".utf8))
        #expect(
            first.withSecretBytes { Array($0) } == [0]
                + hex("fa7b3db73dc7dfdf8c5fbdb796d741e4488628c41fc4febd9160a866ba0f35"))
        let second = try Keystore.decrypt(json: thirty, passphrase: Array("foo".utf8))
        #expect(
            second.withSecretBytes { Array($0) } == [0, 0]
                + hex("81c29e8142bb6a81bef5a92bda7a8328a5c85bb2f9542e76f9b0f94fc018"))
        #expect(throws: TrustError.self) { try Keystore.decrypt(json: thirty, passphrase: Array("bar".utf8)) }
    }

    @Test("encrypting the vector's secret with its salt and IV reproduces its ciphertext and MAC")
    func encryptReproducesVector() throws {
        let json = try Keystore.encrypt(
            key(Self.secret), passphrase: Self.passphrase, kdf: .pbkdf2(iterations: 262_144),
            salt: hex("ae3cd4e7013836a3df6bd7241b12db061dbe2c6785853cce422d148a624ce0bd"),
            iv: hex("6087dab2f9fdbbfaddc31a909735c1e6"), id: "3198bc9c-6672-5ab3-d995-4942343ae5b6")
        let crypto = try JSONValue.parse(json).objectValue!["crypto"]!.objectValue!
        #expect(crypto["ciphertext"] == .string("5318b4d5bcd28de64ee5559e671353e16f075ecae9f99c7a79a38af5f869aa46"))
        #expect(crypto["mac"] == .string("517ead924a9d0dc3124507e3393d175ce3ff7c1e96529c6c555ce9e51205e9b2"))
        #expect(!json.contains(Self.secret))
    }

    @Test("a new keystore round-trips; a wrong passphrase is reported as such; a stated address is checked")
    func roundTrip() throws {
        let original = Secp256k1PrivateKey.generate()
        let json = try Keystore.encrypt(
            original, passphrase: Array("correct horse".utf8), kdf: .scrypt(n: 1024, r: 8, p: 1))
        #expect(try Keystore.statedAddress(json: json) == original.address)
        #expect(try Keystore.decrypt(json: json, passphrase: Array("correct horse".utf8)).address == original.address)
        do {
            _ = try Keystore.decrypt(json: json, passphrase: Array("battery staple".utf8))
            Issue.record("wrong passphrase accepted")
        } catch {
            #expect(error.isWrongPassphrase)
            #expect(!error.message.contains("battery"))
        }
        let otherAddress = Hex.encode(Secp256k1PrivateKey.generate().address.bytes, prefix: false)
        let lying = json.replacingOccurrences(of: Hex.encode(original.address.bytes, prefix: false), with: otherAddress)
        #expect(throws: TrustError.self) { try Keystore.decrypt(json: lying, passphrase: Array("correct horse".utf8)) }
    }

    @Test("hostile or malformed keystores are refused before any expensive work")
    func hostile() {
        let huge = Self.scryptVector.replacingOccurrences(of: "\"n\":262144", with: "\"n\":1073741824")
        let notPowerOfTwo = Self.scryptVector.replacingOccurrences(of: "\"n\":262144", with: "\"n\":262145")
        let cbc = Self.pbkdf2Vector.replacingOccurrences(of: "aes-128-ctr", with: "aes-128-cbc")
        let v2 = Self.pbkdf2Vector.replacingOccurrences(of: "\"version\":3", with: "\"version\":2")
        let shortIV = Self.pbkdf2Vector.replacingOccurrences(of: "6087dab2f9fdbbfaddc31a909735c1e6", with: "6087")
        for json in [huge, notPowerOfTwo, cbc, v2, shortIV, "", "[]", "{\"version\":3}"] {
            #expect(throws: TrustError.self) { try Keystore.decrypt(json: json, passphrase: Self.passphrase) }
        }
    }
}
