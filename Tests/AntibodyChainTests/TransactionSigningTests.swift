import AntibodyCore
import AntibodyMath
import AntibodyTrust
import Testing

@testable import AntibodyChain

/// Legacy EIP-155 and EIP-1559 signing against published vectors and an independent implementation
/// (eth-account 0.14.0, run once by hand; the values are pasted here as constants).
@Suite("Transaction signing")
struct TransactionSigningTests {
    static func key(_ hex: String) throws -> Secp256k1PrivateKey { try Secp256k1PrivateKey(bytes: try Hex.decode(hex)) }

    @Test("EIP-155's example: signing payload, signing hash and signed transaction")
    func eip155Example() throws {
        // EIP-155, "Example": nonce 9, gas price 20 gwei, gas 21000, to 0x3535…35, value 1 ether,
        // empty data, chain id 1, private key 0x4646…46.
        let tx = LegacyTransaction(
            nonce: 9, gasPrice: UInt256(UInt64(20_000_000_000)), gasLimit: 21000,
            to: try EthereumAddress(hex: "0x3535353535353535353535353535353535353535"),
            value: UInt256(UInt64(1_000_000_000_000_000_000)), chainID: 1)
        #expect(
            Hex.encode(tx.signingPayload)
                == "0xec098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a764000080018080")
        #expect(
            tx.signingHash.description == "0xdaf5a779ae972f972197303d7b574746c7ef83eadac0f2791ad23db92e4c8e53")
        let signed = tx.signed(with: try Self.key("0x" + String(repeating: "46", count: 32)))
        #expect(signed.v == 37)
        #expect(
            Hex.encode(signed.raw)
                == "0xf86c098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a76400008025a028ef6134"
                + "0bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276a067cbe9d8997f761aecb703304b3800ccf555c9f3dc"
                + "64214b297fb1966a3b6d83")
        // The hash eth-account reports for the same transaction.
        #expect(signed.hash.description == "0x33469b22e9f636356c4160a87eb19df52b7412e8eac32a4a55ffe88ea8350788")
        #expect(signed.signature.isLowS)
        #expect(try signed.signature.recoverAddress(digest: tx.signingHash) == signed.sender)
    }

    /// ethereumjs-monorepo `packages/tx/test/json/eip1559.json` (chain id 7822, key 0x8f2a…be63): the
    /// vectors' `signedTransactionRLP` is the typed transaction wrapped as an RLP byte string.
    static let ethereumjsVectors:
        [(nonce: UInt64, value: UInt64, gas: UInt64, tip: UInt64, maxFee: UInt64, rlp: String)] = [
            (
                819, 43_203_529, 35552, 75853, 121_212,
                "0xb87302f870821e8e8203338301284d8301d97c828ae094000000000000000000000000000000000000aaaa8402933bc980c0"
                    + "80a0d067f2167008c59219652f91cbf8788dbca5f771f6e91e2b7657e85b78b472e0a01d305af9fe81fdba43f0dfcd400ed2"
                    + "4dcace0a7e30d4e85701dcaaf484cd079e"
            ),
            (
                353, 61_901_619, 32593, 38850, 136_295,
                "0xb87202f86f821e8e8201618297c283021467827f5194000000000000000000000000000000000000aaaa8403b08b3380c001"
                    + "a004205678f13fc1d7b10feea6513dfa76e24418b6e08097d95c6f93a3b64e536da01d45ad61bfece43862de2cce7d2575a8"
                    + "c1d08c26c87f3cb5f26d7b0be54a91b2"
            ),
            (
                985, 32_531_825, 68541, 66377, 136_097,
                "0xb87402f871821e8e8203d983010349830213a183010bbd94000000000000000000000000000000000000aaaa8401f0657180"
                    + "c001a0e6d23c5ecc0f388a4d41a9523c3ad171e98083a61288c340b968dfe0903a6741a07319e8d54a4fd8f0c081d3ce093d"
                    + "869f9df598481991c8534bfd8f2c163884b4"
            ),
            (
                709, 6_478_043, 28335, 86252, 94636,
                "0xb87202f86f821e8e8202c5830150ec830171ac826eaf94000000000000000000000000000000000000aaaa8362d8db80c001"
                    + "a09880d133cd636f8c8dce32e2c43494b9f2dc000eee8dc61931e09f866ed04b46a00e44d5c503c7f08b36c8b062c32a963f"
                    + "3dd20a71e95e3d903bfbe7f4da47cd47"
            ),
            (
                119, 65_456_115, 62341, 24721, 107_729,
                "0xb87002f86d821e8e778260918301a4d182f38594000000000000000000000000000000000000aaaa8403e6c7f380c001a0e3"
                    + "8e239770801eb995498c821e55ac9c19ae09184bb27b34be105e02fe3b7615a067c64ca6bd6d9107e85fd581ab2e70a14b63"
                    + "7eb36505bb40861ef9d6e800cab6"
            ),
        ]

    @Test("EIP-1559: ethereumjs's published vectors")
    func eip1559Vectors() throws {
        let key = try Self.key("0x8f2a55949038a9610f50fb23b5883af3b4ecb3c3bb792cbcefbd1542c692be63")
        for vector in Self.ethereumjsVectors {
            let tx = EIP1559Transaction(
                chainID: 7822, nonce: vector.nonce, maxPriorityFeePerGas: UInt256(vector.tip),
                maxFeePerGas: UInt256(vector.maxFee), gasLimit: vector.gas,
                to: try EthereumAddress(hex: "0x000000000000000000000000000000000000aaaa"), value: UInt256(vector.value)
            )
            let signed = tx.signed(with: key)
            let expected = try #require(try RLP(decoding: try Hex.decode(vector.rlp)).byteString)
            #expect(signed.raw == expected, "nonce \(vector.nonce)")
            #expect(signed.v <= 1)
            #expect(try signed.signature.recoverAddress(digest: tx.signingHash) == key.address)
        }
        // eth-account's hash of the first vector.
        let first = Self.ethereumjsVectors[0]
        let tx = EIP1559Transaction(
            chainID: 7822, nonce: first.nonce, maxPriorityFeePerGas: UInt256(first.tip),
            maxFeePerGas: UInt256(first.maxFee), gasLimit: first.gas,
            to: try EthereumAddress(hex: "0x000000000000000000000000000000000000aaaa"), value: UInt256(first.value))
        #expect(
            tx.signed(with: key).hash.description
                == "0xa3bf78ff247cad934aa5fb13e05f11e59c93511523ff8a622e59c3a34700e5c8")
    }

    @Test("EIP-1559 with call data and an access list, and a legacy contract creation, as eth-account signs them")
    func ethAccountCrossCheck() throws {
        let contract = try EthereumAddress(hex: "0x000000000000000000000000000000000000aaaa")
        let slot = try Bytes32(hex: "0x" + String(repeating: "00", count: 31) + "01")
        let tx = EIP1559Transaction(
            chainID: 31337, nonce: 3, maxPriorityFeePerGas: UInt256(UInt64(2_000_000_000)),
            maxFeePerGas: UInt256(UInt64(30_000_000_000)), gasLimit: 100_000, to: contract,
            data: [0x57, 0xc1, 0x28, 0x2e] + [UInt8](repeating: 0, count: 40),
            accessList: [AccessListEntry(address: contract, storageKeys: [slot])])
        let signed = tx.signed(with: try Self.key("0x" + String(repeating: "00", count: 31) + "01"))
        #expect(
            Hex.encode(signed.raw)
                == "0x02f8d3827a690384773594008506fc23ac00830186a094000000000000000000000000000000000000aaaa80ac57c1282e"
                + "00000000000000000000000000000000000000000000000000000000000000000000000000000000f838f79400000000000000"
                + "0000000000000000000000aaaae1a0000000000000000000000000000000000000000000000000000000000000000101a0633b"
                + "b835edfa968cc522c594954cf9c2b27793d07933dbabe08c1c8235887075a027eeab674c807d30f6e9d382ae15873de2fc02b7"
                + "728fcc508fc78580a6251631")
        #expect(signed.hash.description == "0x6fb79248b66b8ab1f2f81916f9cc96b644e54dd8c7f435c2cc7e3ec61e89e5d2")

        let creation = LegacyTransaction(
            nonce: 0, gasPrice: UInt256(UInt64(1_000_000_000)), gasLimit: 500_000, to: nil,
            data: [0x60, 0x01, 0x60, 0x00, 0x55], chainID: 31337)
        let created = creation.signed(with: try Self.key("0x" + String(repeating: "00", count: 31) + "02"))
        #expect(
            Hex.encode(created.raw)
                == "0xf85780843b9aca008307a120808085600160005582f4f5a051084740e2e2f746e4403363a8cda86533a7e38865e6103b3f"
                + "2a8534b36cf2c4a071123004e6c9b34ea0ef18f75cebb9d6054e3c42bb1121546c6e579881371770")
        #expect(created.hash.description == "0x9bde2ee2d21bfc525c3428504f7938b00ba70325c5c88ea9ecb12e0d98d77282")
        #expect(created.v == 31337 * 2 + 35 + UInt64(created.signature.recoveryID))
    }

    @Test("revert data: Error(string), Panic(uint256), empty and custom")
    func revertReasons() throws {
        // Error("Guardian: already paused") as the EVM returns it (selector, offset, length, text).
        let error = RevertReason.errorSelector + (try ABI.encode([.string("Guardian: already paused")], as: [.string]))
        #expect(RevertReason.decode(error) == "Guardian: already paused")
        let panic = RevertReason.panicSelector + UInt256(UInt64(0x11)).bigEndianBytes
        #expect(RevertReason.decode(panic) == "panic 0x11")
        #expect(RevertReason.decode([]) == nil)
        #expect(RevertReason.decode([0xde, 0xad, 0xbe, 0xef, 0x00]) == nil)
        #expect(RevertReason.decode(RevertReason.errorSelector + [0x01]) == nil)  // truncated: no crash
        let rpc = ChainError.rpc(code: 3, message: "execution reverted", data: Hex.encode(error))
        #expect(rpc.isRevert)
        #expect(rpc.revertReason == "Guardian: already paused")
        #expect(ChainError.rpc(code: -32000, message: "nonce too low", data: nil).isNonceRefusal)
    }
}
