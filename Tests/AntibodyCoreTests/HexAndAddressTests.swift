import AntibodyCore
import Testing

@Suite struct HexAndAddressTests {
    @Test func hexRoundTrip() throws {
        #expect(try Hex.decode("0x00ff10Ab") == [0x00, 0xff, 0x10, 0xab])
        #expect(try Hex.decode("00FF") == [0x00, 0xff])
        #expect(try Hex.decode("0x") == [])
        #expect(try Hex.decode("") == [])
        #expect(Hex.encode([0xde, 0xad, 0xbe, 0xef]) == "0xdeadbeef")
        #expect(Hex.encode([0x01], prefix: false) == "01")
    }

    @Test(arguments: ["0x0", "0xzz", "12g4", "0x12 4", "0x١٢", "-1"])
    func badHexIsRejectedWithAReason(input: String) {
        #expect(throws: CoreError.self) { try Hex.decode(input) }
        do { _ = try Hex.decode(input) } catch { #expect(!error.message.isEmpty) }
    }

    @Test func badHexNamesThePosition() {
        do {
            _ = try Hex.decode("0xabxd")
            Issue.record("accepted bad hex")
        } catch {
            #expect(error.message.contains("\"x\" at position 4"))
        }
    }

    // The test vectors of EIP-55 itself: all caps, all lower, and normal mixed-case addresses.
    @Test(arguments: [
        "0x52908400098527886E0F7030069857D2E4169EE7", "0x8617E340B3D01FA5F11F306F4090FD50E238070D",
        "0xde709f2102306220921060314715629080e2fb77", "0x27b1fdb04752bbc536007a920d24acb045561c26",
        "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
        "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB", "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb",
    ])
    func eip55Vectors(address: String) throws {
        #expect(try EthereumAddress(hex: address.lowercased()).description == address)
        #expect(try EthereumAddress(hex: address).description == address)
    }

    @Test func wrongChecksumLengthAndPrefixAreRejected() {
        // One letter's case flipped in an EIP-55 vector.
        #expect(throws: CoreError.self) { try EthereumAddress(hex: "0x5AAeb6053F3E94C9b9A09f33669435E7Ef1BeAed") }
        #expect(throws: CoreError.self) { try EthereumAddress(hex: "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeA") }
        #expect(throws: CoreError.self) { try EthereumAddress(hex: "5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed00") }
        #expect(throws: CoreError.self) { try EthereumAddress(bytes: [UInt8](repeating: 0, count: 19)) }
    }
}
