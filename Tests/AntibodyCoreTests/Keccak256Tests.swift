import Testing

@testable import AntibodyCore

@Suite struct Keccak256Tests {
    private func hex(_ bytes: [UInt8]) -> String { Hex.encode(bytes, prefix: false) }
    /// The deterministic test message used for the block-boundary vectors: byte i = 7i + 3 mod 256.
    private func message(_ n: Int) -> [UInt8] { (0..<n).map { UInt8(truncatingIfNeeded: $0 * 7 + 3) } }

    // Published vectors: the Keccak team's empty-string and "abc" digests (as used by Ethereum),
    // and the pangram digest listed on Wikipedia's SHA-3 page under Keccak-256.
    @Test(arguments: [
        ("", "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470"),
        ("abc", "4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45"),
        (
            "The quick brown fox jumps over the lazy dog",
            "4d741b6f1eb29cb2a9b9911c82f56fa8d73b04959d3d9d222895df6c0b28aa15"
        ),
    ])
    func publishedVectors(input: String, expected: String) {
        #expect(hex(Keccak256.hash(input)) == expected)
    }

    /// ERC-20's `transfer(address,uint256)` selector, as listed in every ABI reference.
    @Test func transferSelector() {
        #expect(hex(Keccak256.digest(Array("transfer(address,uint256)".utf8)).prefix4) == "a9059cbb")
    }

    // Block boundaries (rate 136): lengths around one and two blocks. Expected values computed with
    // an independent implementation (PyCryptodome's Crypto.Hash.keccak, digest_bits=256).
    @Test(arguments: [
        (135, "00ef96af9cf4b24c7f269d922294444a197d0a33638c2e56634c57e892103a8f"),
        (136, "742061bcad767ed4c4f5883b1dcb1aad11afdcc140dc469d953759b127b9f9ed"),
        (137, "e3371f61e770abf254c34239c3b0099ad90594507415bc81dd0a10b9692bbf2a"),
        (272, "ac141fd7b0a0ffcd2e967254d508da3ec616596493c36fa304425647d90e6de5"),
        (500, "e37163b2a792d9984ce6b739d44dd9b615a802b13ac67f3ac0629aa2dddbc0a1"),
    ])
    func blockBoundaries(length: Int, expected: String) {
        #expect(hex(Keccak256.hash(message(length))) == expected)
    }

    /// One million 'a's (7,353 blocks), PyCryptodome as above.
    @Test func millionA() {
        #expect(
            hex(Keccak256.hash([UInt8](repeating: 0x61, count: 1_000_000)))
                == "fadae6b49f129bbb812be8407b7b2894f34aecf6dbd1f9b0f0c7e9853098fc96")
    }

    // The same sponge with FIPS 202 padding must give SHA3-256: the NIST "abc" example and
    // Python's hashlib.sha3_256 (an independent implementation) on the boundary messages.
    @Test(arguments: [
        (-1, "3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532"),
        (135, "d9dcf1f98e49a79b0643a9e68fef48079ff8777c5e7e7f93469ded65f192ac71"),
        (136, "743bd32e775ac7387a57d4d574c89ddef5ebcb08bb5cc6b88c55a27b5035cc45"),
        (137, "01d47e8d6dce6e3dcbf1baa6f845b6ace4ef74bd17da8176ecc49bc35dbe5d21"),
        (500, "00feda856f27ffba753868e7cf5aa894d13043e8db549eb94dff21cd61de7714"),
    ])
    func sha3PaddingMatchesFIPS202(length: Int, expected: String) {
        var hasher = Keccak256(delimiter: 0x06)
        hasher.update(length < 0 ? Array("abc".utf8) : message(length))
        #expect(hex(hasher.finalize().bytes) == expected)
    }

    /// Splitting the input at any point, or feeding a non-contiguous sequence, changes nothing.
    @Test func incrementalUpdatesAgree() {
        let input = message(300)
        let whole = Keccak256.hash(input)
        for split in [0, 1, 7, 8, 9, 135, 136, 137, 200, 299, 300] {
            var hasher = Keccak256()
            hasher.update(input[..<split])
            hasher.update(input[split...])
            #expect(hasher.finalize().bytes == whole, "split at \(split)")
        }
        var bytewise = Keccak256()
        for b in input { bytewise.update(CollectionOfOne(b)) }
        #expect(bytewise.finalize().bytes == whole)
        #expect(Keccak256.hash(input.lazy.map { $0 }) == whole)
    }

    @Test func digestRoundTripsThroughBytes() {
        let d = Keccak256.digest(Array("abc".utf8))
        #expect(Keccak256.Digest(bytes: d.bytes) == d)
        #expect(Keccak256.Digest(bytes: [1, 2, 3]) == nil)
        #expect(d.description == "0x4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45")
    }
}
