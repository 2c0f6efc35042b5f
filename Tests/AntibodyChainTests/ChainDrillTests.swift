import AntibodyCore
import AntibodyEngine
import AntibodyScenario
import AntibodyTrust
import Foundation
import Testing

@testable import AntibodyChain

/// The end-to-end acceptance of issue 10 on the real `scripts/devchain`: deploy, drain, watch, alarm,
/// three of four sentinels sign, the pause is mined, every further withdrawal reverts — with the
/// limiter alone, the Guardian alone and both.
@Suite("Chain drill", .serialized)
struct ChainDrillTests {
    static var root: String {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }

    @Test("a Nomad-style drain is paused by 3 of 4 sentinels and every later withdrawal reverts")
    func drill() async throws {
        let chain = try JSONRPCClientTests.DevChain()
        defer { chain.stop() }
        let client = JSONRPCClient(configuration: .init(url: chain.url, timeout: .seconds(30)))
        let policy = try Policy.load(contentsOf: Self.root + "/policies/guarded-vault.toml")
        let configuration = ChainDrill.Configuration(policy: policy, attempts: 24)

        let limiter = try await ChainDrill.run(.limiter, configuration: configuration, client: client)
        #expect(limiter.pauseBlock == nil)
        #expect(limiter.deposited == 1_000_000)
        // 24 withdrawals one minute apart span three 10-minute windows; each lets 30 % of the
        // liquidity out: 300,000 + 210,000 + up to 147,000.
        #expect(limiter.lost > 500_000)
        #expect(limiter.lost < 700_000)
        #expect(limiter.reverted.keys.allSatisfy { $0.hasPrefix("Vault: outflow limit exceeded") })

        let guardian = try await ChainDrill.run(.guardian, configuration: configuration, client: client)
        // 50,000 per withdrawal against `totalAssets >= ago(totalAssets, 1h) * 0.9`: after the second
        // the vault holds exactly 90 % of its hour-old liquidity (900,000 — the invariant holds);
        // after the third, 850,000, it is violated; the fourth lands before the pause (one block of
        // reaction); nothing after it.
        #expect(guardian.lost == 200_000)
        #expect(guardian.paid == 4)
        #expect(guardian.signers.count == 3)
        // Blocks: w1 (b), [time] w2 (b + 2), [time] w3 (b + 4) alarm, [time] w4 (b + 6), pause (b + 7).
        #expect(guardian.blocksToPause == 7)
        #expect(guardian.attemptsAfterPause == configuration.attempts - 4)
        #expect(guardian.revertedAfterPause == guardian.attemptsAfterPause)
        #expect(guardian.reverted == ["Vault: paused by guardian": guardian.attemptsAfterPause])

        let both = try await ChainDrill.run(.both, configuration: configuration, client: client)
        #expect(both.lost == 200_000)
        #expect(both.pauseBlock != nil)
        #expect(both.revertedAfterPause == both.attemptsAfterPause)
        #expect(both.lost < limiter.lost)
    }

    @Test("a pause of a paused vault is rejected with the Guardian's reason, before any gas is spent")
    func alreadyPaused() async throws {
        let chain = try JSONRPCClientTests.DevChain()
        defer { chain.stop() }
        let client = JSONRPCClient(configuration: .init(url: chain.url, timeout: .seconds(30)))
        let policy = try Policy.load(contentsOf: Self.root + "/policies/guarded-vault.toml")
        let result = try await ChainDrill.run(
            .guardian, configuration: ChainDrill.Configuration(policy: policy, attempts: 6), client: client)
        #expect(result.pauseBlock != nil)
        let vault = try EthereumAddress(hex: result.vault)
        let domain = GuardianDomain(chainID: 31337, verifyingContract: try EthereumAddress(hex: result.guardian))
        let node = ChainAccount(key: ChainDrill.testKey(3), client: client, chainID: 31337)
        let executor = GuardianExecutor(
            client: client, domain: domain, sentinels: try SentinelSet(members: ChainDrill.sentinelKeys.map(\.address)),
            signers: ChainDrill.sentinelKeys.map { LocalActionSigner(key: $0) }, sender: node)
        let nonceBefore = try await client.transactionCount(of: node.address)
        let head = try await client.blockNumber()
        let order = try GuardianPort.translate(
            Action(
                .pause, scope: .protocolWide, at: Timestamp(seconds: Int64(Date().timeIntervalSince1970) + 86_400),
                reason: "again"),
            targets: GuardianTargets(protocolTarget: vault)
        ).get()
        let report = await executor.perform(order)
        #expect(report.outcome == .rejected("Guardian: already paused"))
        #expect(report.transactionHash == nil)
        #expect(report.signers.count == 2)
        #expect(try await client.transactionCount(of: node.address) == nonceBefore)
        #expect(try await client.blockNumber() == head)
    }

    @Test("the watcher loop gives up on an unreachable node after bounded retries, with a typed error")
    func unreachableNode() async throws {
        // Port 9 (discard) has no listener on the test machines: connections are refused at once.
        // (Not a closed SilentServer: closing its descriptor twice could close a socket NIO reuses.)
        let port = 9
        let client = JSONRPCClient(
            configuration: .init(
                url: "http://127.0.0.1:\(port)", timeout: .seconds(1),
                retry: RetryPolicy(maximumAttempts: 2, initialDelay: .milliseconds(10), maximumDelay: .milliseconds(20))
            ))
        var loop = ChainWatcherLoop(
            client: client,
            watcher: ChainWatcher(
                configuration: .init(
                    vault: try EthereumAddress(hex: "0x" + String(repeating: "aa", count: 20)), assets: [])))
        var events = 0
        do {
            try await loop.run(interval: .milliseconds(10), maximumFailures: 3) { _ in events += 1 }
            Issue.record("the loop should have given up")
        } catch {
            #expect(error.isTransient)
            #expect(error.message.contains("gave up after 3 failed polls"))
        }
        #expect(events == 0)
    }

    @Test("a node that never answers is a time-out, not a hang")
    func silentNode() async throws {
        let server = JSONRPCClientTests.SilentServer()
        let client = JSONRPCClient(
            configuration: .init(url: "http://127.0.0.1:\(server.port)", timeout: .milliseconds(300), retry: .none))
        var loop = ChainWatcherLoop(
            client: client,
            watcher: ChainWatcher(
                configuration: .init(
                    vault: try EthereumAddress(hex: "0x" + String(repeating: "aa", count: 20)), assets: [])))
        do {
            _ = try await loop.poll()
            Issue.record("expected a time-out")
        } catch {
            #expect(error.category == .timeout)
        }
        withExtendedLifetime(server) {}
    }

    @Test("a watcher too far behind says so instead of fetching forever")
    func lagging() async throws {
        let chain = try JSONRPCClientTests.DevChain()
        defer { chain.stop() }
        let client = JSONRPCClient(configuration: .init(url: chain.url, timeout: .seconds(30)))
        try await client.setAutomine(false)
        _ = try await client.call("evm_mine", [.string("0x14")])
        var loop = ChainWatcherLoop(
            client: client,
            watcher: ChainWatcher(
                configuration: .init(
                    vault: try EthereumAddress(hex: "0x" + String(repeating: "aa", count: 20)), assets: [],
                    maximumRange: 4,
                    maximumLag: 10)))
        do {
            _ = try await loop.poll()
            Issue.record("expected lagging")
        } catch {
            #expect(error.isLagging)
        }
        var patient = ChainWatcherLoop(
            client: client,
            watcher: ChainWatcher(
                configuration: .init(
                    vault: try EthereumAddress(hex: "0x" + String(repeating: "aa", count: 20)), assets: [],
                    maximumRange: 4)))
        let events = try await patient.catchUp()
        #expect(events.count == 21)  // blocks 0...20, four per poll
        #expect(patient.watcher.nextBlock == 21)
    }
}
