import AntibodyCore
import Testing

@testable import AntibodyTrust

@Suite("secp256k1 keys and recoverable signatures")
struct Secp256k1Tests {
    // EIP-155 "Example": key 0x4646…46, nonce 9, 20 gwei, 21000 gas, 1 ETH to 0x3535…35, chain 1.
    static let eip155Key = String(repeating: "46", count: 32)

    @Test("EIP-155 example key has the published address")
    func eip155Address() {
        #expect(key(Self.eip155Key).address.description == "0x9d8A62f656a8d1615C1294fd71e9CFb3E4855A4F")
    }

    @Test("EIP-155 example: signing data, hash, r, s, v and the signed transaction")
    func eip155Transaction() throws {
        // The EIP's signing data: RLP([nonce 9, gasPrice 20e9, gas 21000, to, value 1e18, data "", 1, 0, 0]),
        // hand-assembled field by field from the EIP's listing.
        var rlpFields: [UInt8] = []
        rlpFields += [0x09]  // nonce 9
        rlpFields += [0x85] + hex("04a817c800")  // gasPrice 20_000_000_000
        rlpFields += [0x82] + hex("5208")  // gas 21000
        rlpFields += [0x94] + [UInt8](repeating: 0x35, count: 20)  // to
        rlpFields += [0x88] + hex("0de0b6b3a7640000")  // value 1e18
        rlpFields += [0x80]  // data ""
        let signingData = [0xc0 + UInt8(rlpFields.count + 3)] + rlpFields + [0x01, 0x80, 0x80]
        #expect(
            Hex.encode(signingData)
                == "0xec098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a764000080018080")
        let hash = Bytes32(Keccak256.digest(signingData))
        #expect(hash == word("0xdaf5a779ae972f972197303d7b574746c7ef83eadac0f2791ad23db92e4c8e53"))

        let signature = key(Self.eip155Key).signature(for: hash)
        // r = 18515461264373351373200002665853028612451056578545711640558177340181847433846,
        // s = 46948507304638947509940763649030358759909902576025900602547168820602576006531, v = 37.
        #expect(signature.r == word("0x28ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276"))
        #expect(signature.s == word("0x67cbe9d8997f761aecb703304b3800ccf555c9f3dc64214b297fb1966a3b6d83"))
        #expect(signature.eip155V(chainID: 1) == 37)

        var signedFields = rlpFields + [0x25]
        signedFields += [0xa0] + signature.r.bytes
        signedFields += [0xa0] + signature.s.bytes
        let signed = [0xf8, UInt8(signedFields.count)] + signedFields
        #expect(
            Hex.encode(signed)
                == "0xf86c098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a76400008025a0"
                + "28ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276a0"
                + "67cbe9d8997f761aecb703304b3800ccf555c9f3dc64214b297fb1966a3b6d83")
        #expect(try signature.recoverAddress(digest: hash) == key(Self.eip155Key).address)
    }

    @Test("RFC 6979 signatures match viem's published outputs for the Hardhat/Anvil account 0")
    func viemVectors() throws {
        let account = key("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80")
        #expect(account.address.description == "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266")
        let first = account.signature(for: word("0xd9eba16ed0ecae432b71fe008c98cc872bb4cc214d3220a36f365326cf807d68"))
        #expect(
            first.description
                == "0xa461f509887bd19e312c0c58467ce8ff8e300d3c1a90b608a760c5b80318eaf1"
                + "5fe57c96f9175d6cd4daad4663763baa7e78836e067d0163e9a2ccf2ff753f5b1b")
        let second = account.signature(for: word("0x9a74cb859ad30835ffb2da406423233c212cf6dd78e6c2c98b0c9289568954ae"))
        #expect(
            second.description
                == "0xc4d8bcda762d35ea79d9542b23200f46c2c1899db15bf929bbacaf609581db08"
                + "31538374a01206517edd934e474212a0f1e2d62e9a01cd64f1cf94ea2e0988491c")
    }

    @Test("signing is deterministic, low-s, and verifies and recovers")
    func roundTrip() throws {
        let signer = Secp256k1PrivateKey.generate()
        for index in 0..<32 {
            let digest = Bytes32(Keccak256.digest([UInt8(index)]))
            let signature = signer.signature(for: digest)
            #expect(signature == signer.signature(for: digest))
            #expect(signature.isLowS)
            #expect(signer.publicKey.isValidSignature(signature, for: digest))
            #expect(try signature.recoverAddress(digest: digest) == signer.address)
            #expect(try signature.recoverPublicKey(digest: digest) == signer.publicKey)
            #expect(try RecoverableSignature(rsv: signature.rsv) == signature)
        }
    }

    @Test("a malleated (high-s) copy recovers the same key but is flagged and fails verification")
    func highS() throws {
        let signer = key(Self.eip155Key)
        let digest = Bytes32(Keccak256.digest(Array("antibody".utf8)))
        let signature = signer.signature(for: digest)
        let malleated = try RecoverableSignature(
            r: signature.r, s: Self.curveOrderMinus(signature.s), recoveryID: 1 - signature.recoveryID)
        #expect(!malleated.isLowS)
        #expect(try malleated.recoverAddress(digest: digest) == signer.address)
        #expect(!signer.publicKey.isValidSignature(malleated, for: digest))
    }

    @Test("invalid keys and signatures are refused with messages that hold no key material")
    func invalidInputs() {
        #expect(throws: TrustError.self) { try Secp256k1PrivateKey(bytes: [UInt8](repeating: 0, count: 32)) }
        #expect(throws: TrustError.self) {
            try Secp256k1PrivateKey(bytes: hex("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141"))
        }
        #expect(throws: TrustError.self) { try Secp256k1PrivateKey(bytes: [1, 2, 3]) }
        #expect(throws: TrustError.self) { try RecoverableSignature(rsv: [UInt8](repeating: 0, count: 64)) }
        #expect(throws: TrustError.self) { try RecoverableSignature(rsv: [UInt8](repeating: 0, count: 64) + [29]) }
        let zero = try! RecoverableSignature(r: .zero, s: .zero, recoveryID: 0)
        #expect(throws: TrustError.self) { try zero.recoverAddress(digest: .zero) }
    }

    @Test("a private key never prints its secret")
    func redaction() {
        let secret = Self.eip155Key
        let signer = key(secret)
        var dumped = ""
        dump(signer, to: &dumped)
        for text in [signer.description, signer.debugDescription, "\(signer)", String(reflecting: signer), dumped] {
            #expect(!text.contains(secret))
            #expect(text.contains("9d8A62f656a8d1615C1294fd71e9CFb3E4855A4F"))
        }
    }

    /// n − s for the secp256k1 group order n (test helper; schoolbook big-endian subtraction).
    static func curveOrderMinus(_ s: Bytes32) -> Bytes32 {
        let order = hex("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141")
        let value = s.bytes
        var out = [UInt8](repeating: 0, count: 32)
        var borrow = 0
        for index in stride(from: 31, through: 0, by: -1) {
            var difference = Int(order[index]) - Int(value[index]) - borrow
            borrow = difference < 0 ? 1 : 0
            if difference < 0 { difference += 256 }
            out[index] = UInt8(difference)
        }
        return Bytes32(bytes: out)!
    }
}
