import AntibodyCore
import AntibodyMath
import AntibodyTrust
import Foundation
import Testing

@testable import AntibodyChain

/// The watcher loop reading a real Chainlink-style feed (`contracts/TestFeed.vy`, compiled here with
/// the pinned vyper of `.venv-chain`) on the devchain: a new round becomes one observation.
@Suite("ChainWatcher feed", .serialized)
struct ChainWatcherFeedTests {
    static func compile(_ name: String) throws -> [UInt8] {
        let root = ChainDrillTests.root
        let process = Process()
        process.executableURL = URL(fileURLWithPath: root + "/.venv-chain/bin/vyper")
        process.arguments = ["-f", "bytecode", root + "/contracts/\(name).vy"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return try Hex.decode(String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    @Test("latestRoundData rounds become observations, each round once")
    func feedRounds() async throws {
        let chain = try JSONRPCClientTests.DevChain()
        defer { chain.stop() }
        let client = JSONRPCClient(configuration: .init(url: chain.url, timeout: .seconds(30)))
        let owner = ChainAccount(key: try Secp256k1PrivateKeyFixture.key(1), client: client, chainID: 31337)
        let arguments = try ABI.encode(
            [.uint(8), .string("ETH / USD"), .int(UInt256(low64: 2_000 * 100_000_000))],
            as: [.uint(8), .string, .int(256)])
        let feed = try await owner.deploy(try Self.compile("TestFeed") + arguments)
        var loop = ChainWatcherLoop(
            client: client,
            watcher: ChainWatcher(
                configuration: .init(
                    vault: try EthereumAddress(hex: "0x" + String(repeating: "aa", count: 20)), assets: [],
                    feeds: [WatchedFeed(address: feed, stream: "ETH", decimals: 8)],
                    startBlock: try await client.blockNumber())))
        let first = try await loop.poll().compactMap { event -> Observation? in
            if case .observation(let o) = event { return o }
            return nil
        }
        #expect(first.map(\.value) == [2_000])
        #expect(first.first?.stream == "ETH")
        // The whole round rides along, as the contract answered it: complete, started when updated.
        let round = try #require(first.first?.round)
        #expect(round.roundId == 1 && round.answeredInRound == 1 && round.answer == 2_000 * 100_000_000)
        #expect(round.startedAt == round.updatedAt && round.updatedAt == first.first?.timestamp)
        let push = ABIFunction(name: "pushAnswer", inputs: [.int(256)])
        try await owner.sendAndWait(to: feed, data: try push.encodeCall([.signed(-5)]))
        try await client.mine()
        let second = try await loop.catchUp().compactMap { event -> Double? in
            if case .observation(let o) = event { return o.value }
            return nil
        }
        #expect(second == [-0.000_000_05])
    }
}

/// The devchain's well-known test keys.
enum Secp256k1PrivateKeyFixture {
    static func key(_ i: UInt8) throws -> Secp256k1PrivateKey {
        try Secp256k1PrivateKey(bytes: Array(repeating: 0, count: 31) + [i])
    }
}
