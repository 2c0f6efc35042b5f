import AntibodyCore
import AntibodyMath
import AntibodyTrust
import Foundation
import Testing

@testable import AntibodyChain

#if canImport(Glibc)
    import Glibc
#endif

/// ChainAccount and the bindings against the real `scripts/devchain`, and against endpoints that
/// refuse, never answer, or keep refusing a nonce.
@Suite("ChainAccount", .serialized)
struct ChainAccountTests {
    /// eth-tester's well-known test key i (the private key is the integer i), funded by the devchain.
    static func devKey(_ i: UInt64) throws -> Secp256k1PrivateKey {
        try Secp256k1PrivateKey(bytes: UInt256(i).bigEndianBytes)
    }

    static let farExpiry: UInt64 = 4_000_000_000

    @Test("deploy, pause with 3 of 4 sentinels, decode events, typed reverts with reasons")
    func guardianPauseAndReverts() async throws {
        let chain = try JSONRPCClientTests.DevChain()
        defer { chain.stop() }
        let client = JSONRPCClient(configuration: .init(url: chain.url, timeout: .seconds(30)))
        let account = try await ChainAccount.connect(key: try Self.devKey(1), client: client)
        #expect(account.chainID == 31337)
        let sentinels = try (11...14).map { try Self.devKey(UInt64($0)) }
        let governor = try Self.devKey(2)

        let token = try await TestTokenContract.deploy(name: "Test", symbol: "TST", decimals: 18, from: account)
        let guardian = try await GuardianContract.deploy(
            sentinels: sentinels.map(\.address), f: 1, governors: [governor.address], timelockDelay: 3600,
            from: account)
        let limits = LimiterParameters(
            windowSeconds: 3600, minRetainedBps: 5000, cooldownSeconds: 600, holdOnTrip: false)
        let vault = try await ProtectedVaultContract.deploy(
            guardian: guardian.address, assets: [token.address], parameters: [limits], from: account)
        #expect(try await guardian.f() == 1)
        #expect(try await guardian.pauseThreshold() == 2)
        #expect(try await guardian.sentinelCount() == 4)
        #expect(try await vault.guardian() == guardian.address)
        #expect(try await vault.limiterParameters(token.address) == limits)

        // Fund the vault: mint, approve, deposit; the deposit's event decodes.
        let amount = UInt256(UInt64(1_000_000))
        try await account.sendAndWait(
            to: token.address, data: TestTokenContract.mintCall(to: account.address, amount: amount))
        try await account.sendAndWait(
            to: token.address, data: TestTokenContract.approveCall(spender: vault.address, amount: amount))
        let deposit = try await account.sendAndWait(
            to: vault.address, data: ProtectedVaultContract.depositCall(asset: token.address, amount: amount))
        let depositEvents = try deposit.logs.compactMap { log throws(ChainError) in try ProtectedVaultEvent.decode(log)
        }
        #expect(depositEvents == [.deposit(user: account.address, asset: token.address, amount: amount)])
        #expect(try await vault.totalAssets(token.address) == amount)
        #expect(try await token.balance(of: vault.address) == amount)

        // The contract's digest is Trust's.
        let domain = guardian.domain(chainID: account.chainID)
        let request = ActionRequest(action: .pause, target: vault.address, nonce: 1, expiry: Self.farExpiry)
        #expect(try await guardian.actionDigest(request) == request.digest(in: domain))
        #expect(try await guardian.domainSeparator() == domain.separator)

        // A withdrawal within the limiter's bound works before the pause.
        try await account.sendAndWait(
            to: vault.address, data: ProtectedVaultContract.withdrawCall(asset: token.address, amount: 1000))

        // Pause with three of the four sentinels.
        let certificate = QuorumCertificate(
            domain: domain, request: request, signatures: sentinels.prefix(3).map { request.sign(in: domain, with: $0) }
        )
        let receipt = try await account.sendAndWait(
            to: guardian.address, data: GuardianContract.pauseCall(target: vault.address, certificate: certificate))
        let events = try receipt.logs.compactMap { log throws(ChainError) in try GuardianEvent.decode(log) }
        #expect(events == [.paused(target: vault.address, nonce: 1, signers: 3)])
        #expect(try await guardian.isPaused(vault.address))
        #expect(try await guardian.nonceUsed(1))
        #expect(try await vault.paused())

        // A withdrawal now reverts: found by the gas estimate, before anything is sent …
        let withdraw = ProtectedVaultContract.withdrawCall(asset: token.address, amount: 1000)
        do {
            try await account.sendAndWait(to: vault.address, data: withdraw)
            Issue.record("a withdrawal from a paused vault succeeded")
        } catch {
            #expect(error.category == .reverted)
            #expect(error.revertReason == "Vault: paused by guardian")
            #expect(error.revertedTransactionHash == nil)
        }
        // … and, with the gas given, mined with status 0 and its reason recovered by replaying it.
        let nonceBefore = await account.pendingNonce
        do {
            try await account.sendAndWait(to: vault.address, data: withdraw, gasLimit: 200_000)
            Issue.record("a withdrawal from a paused vault succeeded")
        } catch {
            #expect(error.category == .reverted)
            #expect(error.revertReason == "Vault: paused by guardian")
            #expect(error.revertedTransactionHash?.count == 32)
            #expect(error.message.contains("Vault: paused by guardian"))
        }
        #expect(await account.pendingNonce == nonceBefore.map { $0 + 1 })

        // A replayed nonce (a fresh certificate for another target) and f signatures are refused on chain.
        let replay = ActionRequest(action: .pause, target: token.address, nonce: 1, expiry: Self.farExpiry)
        let replayed = QuorumCertificate(
            domain: domain, request: replay, signatures: sentinels.prefix(2).map { replay.sign(in: domain, with: $0) })
        await Self.expectRevert(
            "Guardian: nonce already used", account, guardian.address,
            GuardianContract.pauseCall(target: token.address, certificate: replayed))
        let fresh = ActionRequest(action: .pause, target: token.address, nonce: 2, expiry: Self.farExpiry)
        let tooFew = QuorumCertificate(
            domain: domain, request: fresh, signatures: [fresh.sign(in: domain, with: sentinels[0])])
        await Self.expectRevert(
            "Guardian: not enough signatures", account, guardian.address,
            GuardianContract.pauseCall(target: token.address, certificate: tooFew))
    }

    static func expectRevert(
        _ reason: String, _ account: ChainAccount, _ to: EthereumAddress, _ data: [UInt8],
        sourceLocation: SourceLocation = #_sourceLocation
    ) async {
        do {
            try await account.sendAndWait(to: to, data: data, gasLimit: 1_000_000)
            Issue.record("expected a revert with '\(reason)'", sourceLocation: sourceLocation)
        } catch {
            #expect(error.category == .reverted, sourceLocation: sourceLocation)
            #expect(error.revertReason == reason, sourceLocation: sourceLocation)
        }
    }

    @Test("nonces: resynchronised after another sender used the key and after a gap; receipts time out")
    func noncesAndReceiptTimeout() async throws {
        let chain = try JSONRPCClientTests.DevChain()
        defer { chain.stop() }
        let client = JSONRPCClient(configuration: .init(url: chain.url, timeout: .seconds(30)))
        let key = try Self.devKey(1)
        let config = ChainAccount.Configuration(receiptTimeout: .seconds(30), pollInterval: .milliseconds(20))
        let account = try await ChainAccount.connect(key: key, client: client, configuration: config)
        let other = try await ChainAccount.connect(key: key, client: client, configuration: config)
        let recipient = try Self.devKey(3).address

        try await account.sendAndWait(to: recipient, value: 1, gasLimit: 21000)
        #expect(await account.pendingNonce == 1)
        // The same key sends elsewhere: our local nonce 1 is now too low; the send resynchronises.
        try await other.sendAndWait(to: recipient, value: 1, gasLimit: 21000)
        let afterStale = try await account.sendAndWait(to: recipient, value: 1, gasLimit: 21000)
        #expect(afterStale.succeeded)
        #expect(await account.pendingNonce == 3)
        // A gap: the local nonce is ahead of the chain (a transaction was lost); resynchronised too.
        await account.setNextNonce(10)
        try await account.sendAndWait(to: recipient, value: 1, gasLimit: 21000)
        #expect(await account.pendingNonce == 4)
        #expect(try await client.transactionCount(of: key.address, at: .latest) == 4)

        // Concurrent callers of one account: submissions are serialised, so no nonce gap arises.
        let concurrent = try await withThrowingTaskGroup(of: UInt64.self) { group in
            for _ in 0..<5 {
                group.addTask { try await account.send(to: recipient, value: 1, gasLimit: 21000).nonce }
            }
            var nonces: [UInt64] = []
            for try await nonce in group { nonces.append(nonce) }
            return nonces.sorted()
        }
        #expect(concurrent == [4, 5, 6, 7, 8])

        // Automine off: sent but not mined → a typed time-out, bounded by the deadline; then mined.
        try await client.setAutomine(false)
        let pending = try await account.send(to: recipient, value: 1, gasLimit: 21000)
        let start = ContinuousClock.now
        do {
            _ = try await account.waitForReceipt(of: pending, timeout: .milliseconds(300))
            Issue.record("a pending transaction had a receipt")
        } catch {
            #expect(error.category == .timeout)
            #expect(error.message.contains("not mined within"))
        }
        #expect(ContinuousClock.now - start < .seconds(5))
        // Pipelined: more sends while the first is pending, then one block mines them all.
        var sent = [pending]
        for _ in 0..<4 { sent.append(try await account.send(to: recipient, value: 1, gasLimit: 21000)) }
        #expect(sent.map(\.nonce) == [9, 10, 11, 12, 13])
        try await client.mine()
        let receipts = try await client.waitForReceipts(
            of: sent.map(\.hash.bytes), timeout: .seconds(10), pollInterval: .milliseconds(20))
        #expect(receipts.allSatisfy { $0.succeeded })
        #expect(Set(receipts.map(\.blockNumber)).count == 1)
        try await client.setAutomine(true)
    }

    @Test("an unreachable node and a silent node give typed transport and time-out errors, bounded in time")
    func unreachableAndSilent() async throws {
        let closed = JSONRPCClientTests.SilentServer()
        let port = closed.port
        closed.close()
        let fast = RetryPolicy(maximumAttempts: 2, initialDelay: .milliseconds(20), maximumDelay: .milliseconds(20))
        let key = try Self.devKey(1)
        let unreachable = ChainAccount(
            key: key,
            client: JSONRPCClient(
                configuration: .init(url: "http://127.0.0.1:\(port)", timeout: .seconds(1), retry: fast)),
            chainID: 31337)
        let start = ContinuousClock.now
        do {
            try await unreachable.send(to: key.address, value: 1)
            Issue.record("an unreachable node accepted a transaction")
        } catch {
            #expect(error.category == .transport)
            #expect(error.message.contains("127.0.0.1:\(port)"))
        }
        let silent = JSONRPCClientTests.SilentServer()
        let slow = ChainAccount(
            key: key,
            client: JSONRPCClient(
                configuration: .init(url: "http://127.0.0.1:\(silent.port)", timeout: .milliseconds(300), retry: fast)),
            chainID: 31337)
        do {
            try await slow.send(to: key.address, value: 1, gasLimit: 21000, fees: .legacy(gasPrice: 1))
            Issue.record("a silent node accepted a transaction")
        } catch {
            #expect(error.category == .timeout)
        }
        #expect(ContinuousClock.now - start < .seconds(10))
        _ = silent
    }

    @Test("a node that keeps refusing the nonce gives a typed nonce error after one resynchronisation")
    func persistentNonceRefusal() async throws {
        let server = try CannedRPCServer { method in
            switch method {
            case "eth_getTransactionCount": return #""result":"0x5""#
            case "eth_sendRawTransaction": return #""error":{"code":-32000,"message":"nonce too low"}"#
            default: return #""error":{"code":-32601,"message":"method not found"}"#
            }
        }
        defer { server.stop() }
        let account = ChainAccount(
            key: try Self.devKey(1), client: JSONRPCClient(configuration: .init(url: server.url, timeout: .seconds(5))),
            chainID: 31337)
        let recipient = try Self.devKey(2).address
        do {
            try await account.send(to: recipient, value: 1, gasLimit: 21000, fees: .legacy(gasPrice: 1))
            Issue.record("a refused nonce was accepted")
        } catch {
            #expect(error.category == .nonce)
            #expect(error.isNonceRefusal)
        }
        #expect(server.count("eth_sendRawTransaction") == 1)  // same nonce after resync: no second attempt
        #expect(await account.pendingNonce == 5)
    }
}
