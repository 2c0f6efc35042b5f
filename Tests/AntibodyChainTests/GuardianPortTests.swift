import AntibodyCore
import AntibodyMath
import AntibodyTrust
import Testing

@testable import AntibodyChain

/// The Guardian port without a chain: action translation, the bounded queue, call encoding against
/// eth_abi's output (an independent implementation), and signature collection from local keys.
@Suite("GuardianPort")
struct GuardianPortTests {
    static let vault = try! EthereumAddress(hex: "0x" + String(repeating: "aa", count: 20))
    static let token = try! EthereumAddress(hex: "0x" + String(repeating: "bb", count: 20))
    static let guardian = try! EthereumAddress(hex: "0x" + String(repeating: "22", count: 20))
    static let targets = GuardianTargets(protocolTarget: vault, assets: ["TT": token], requestLifetime: 600)
    static let t = Timestamp(seconds: 4_000_000_000)

    @Test func pauseOfTheProtocolTargetsTheVaultWithADeterministicNonce() throws {
        let action = Action(.pause, scope: .protocolWide, at: Self.t, reason: "invariant drain")
        let order = try GuardianPort.translate(action, targets: Self.targets).get()
        #expect(order.guardianAction == .pause)
        #expect(order.target == Self.vault)
        #expect(order.params == [])
        #expect(order.expiry == 4_000_000_600)
        #expect(try GuardianPort.translate(action, targets: Self.targets).get().nonce == order.nonce)
        let other = Action(.pause, scope: .protocolWide, at: Self.t, reason: "invariant other")
        #expect(try GuardianPort.translate(other, targets: Self.targets).get().nonce != order.nonce)
    }

    @Test func assetScopesBecomeIsolationsAndUnsupportedKindsAreRefused() throws {
        let isolate = try GuardianPort.translate(
            Action(.pause, scope: .asset("TT"), at: Self.t, reason: "r"), targets: Self.targets
        ).get()
        #expect(isolate.guardianAction == .isolate)
        #expect(isolate.params == Array(repeating: 0, count: 12) + Self.token.bytes)
        let change = try GuardianPort.translate(
            Action(.setParameter(name: "minRetainedBps", value: 9000), scope: .asset("TT"), at: Self.t, reason: "r"),
            targets: Self.targets
        ).get()
        #expect(change.guardianAction == .setParameter)
        #expect(change.params == nil)
        #expect(change.parameterChange?.name == "minRetainedBps")
        for kind in [Action.Kind.limit(maxOutflow: 1, window: .hours(1)), .pauseLiquidations, .isolate] {
            let result = GuardianPort.translate(
                Action(kind, scope: .protocolWide, at: Self.t, reason: "r"), targets: Self.targets)
            guard case .failure(let error) = result else {
                Issue.record("\(kind) should be refused")
                continue
            }
            #expect(error.isRefused)
        }
        let unknown = GuardianPort.translate(
            Action(.pause, scope: .asset("XYZ"), at: Self.t, reason: "r"), targets: Self.targets)
        #expect((try? unknown.get()) == nil)
    }

    @Test func executeQueuesRefusesAndBoundsTheQueue() async throws {
        var (port, orders) = GuardianPort.make(targets: Self.targets, capacity: 1)
        #expect(port.execute(Action(.pause, scope: .protocolWide, at: Self.t, reason: "a")) == .queued)
        #expect(
            port.execute(Action(.pause, scope: .protocolWide, at: Self.t, reason: "b"))
                == .rejected("guardian executor queue full; the action was not submitted"))
        guard case .rejected = port.execute(Action(.pauseLiquidations, scope: .protocolWide, at: Self.t, reason: "c"))
        else {
            Issue.record("expected a refusal")
            return
        }
        port.close()
        var received: [GuardianOrder] = []
        for await order in orders { received.append(order) }
        #expect(received.map(\.action.reason) == ["a"])
        #expect(
            port.execute(Action(.pause, scope: .protocolWide, at: Self.t, reason: "d"))
                == .rejected("guardian executor stopped; the action was not submitted"))
    }

    @Test func pauseCallDataEqualsEthAbi() throws {
        // eth_abi: selector('pause(address,(uint256,address,bytes,uint256,uint64,(uint8,bytes32,bytes32)[]))') +
        // encode([...], ['0x11…', (31337, '0x22…', b'', 5, 4000000600, [(27, 0x33…, 0x44…), (28, 0x55…, 0x66…)])])
        let expected =
            "0x57c1282e0000000000000000000000001111111111111111111111111111111111111111"
            + "0000000000000000000000000000000000000000000000000000000000000040"
            + "0000000000000000000000000000000000000000000000000000000000007a69"
            + "0000000000000000000000002222222222222222222222222222222222222222"
            + "00000000000000000000000000000000000000000000000000000000000000c0"
            + "0000000000000000000000000000000000000000000000000000000000000005"
            + "00000000000000000000000000000000000000000000000000000000ee6b2a58"
            + "00000000000000000000000000000000000000000000000000000000000000e0"
            + "0000000000000000000000000000000000000000000000000000000000000000"
            + "0000000000000000000000000000000000000000000000000000000000000002"
            + "000000000000000000000000000000000000000000000000000000000000001b"
            + String(repeating: "33", count: 32) + String(repeating: "44", count: 32)
            + "000000000000000000000000000000000000000000000000000000000000001c"
            + String(repeating: "55", count: 32) + String(repeating: "66", count: 32)
        func b(_ byte: UInt8) -> Bytes32 { Bytes32(bytes: Array(repeating: byte, count: 32))! }
        let certificate = QuorumCertificate(
            domain: GuardianDomain(chainID: 31337, verifyingContract: Self.guardian),
            request: ActionRequest(
                action: .pause, target: try EthereumAddress(hex: "0x" + String(repeating: "11", count: 20)), nonce: 5,
                expiry: 4_000_000_600),
            signatures: [
                try RecoverableSignature(r: b(0x33), s: b(0x44), recoveryID: 0),
                try RecoverableSignature(r: b(0x55), s: b(0x66), recoveryID: 1),
            ])
        #expect(Hex.encode(GuardianExecutor.submission(certificate)) == expected)
    }

    @Test func parameterChangesKeepTheOtherLimiterParameters() throws {
        // eth_abi.encode(['address','(uint256,uint256,uint256,bool)'], ['0x77…', (3600, 9000, 600, False)])
        let asset = try EthereumAddress(hex: "0x" + String(repeating: "77", count: 20))
        let current = LimiterParameters(
            windowSeconds: 3600, minRetainedBps: 7000, cooldownSeconds: 600, holdOnTrip: false)
        let params = try GuardianExecutor.changed(current, .init(asset: asset, name: "minRetainedBps", value: 9000))
            .setParameterParams(asset: asset)
        var holding = current
        holding.minRetainedBps = 9000
        holding.holdOnTrip = true
        let noHold = try GuardianExecutor.changed(holding, .init(asset: asset, name: "holdOnTrip", value: 0))
            .setParameterParams(asset: asset)
        #expect(throws: ChainError.self) {
            try GuardianExecutor.changed(current, .init(asset: asset, name: "ltv", value: 1))
        }
        let expected =
            "0x" + String(repeating: "0", count: 24) + String(repeating: "77", count: 20)
            + "0000000000000000000000000000000000000000000000000000000000000e10"
            + "0000000000000000000000000000000000000000000000000000000000002328"
            + "0000000000000000000000000000000000000000000000000000000000000258"
            + "0000000000000000000000000000000000000000000000000000000000000000"
        #expect(Hex.encode(params) == expected)
        #expect(Hex.encode(noHold) == expected)
    }

    struct OfflineSigner: ActionSigner {
        let address: EthereumAddress
        func sign(_ request: ActionRequest, in domain: GuardianDomain) async throws -> RecoverableSignature {
            throw ChainError.transport("sentinel offline")
        }
    }

    struct SlowSigner: ActionSigner {
        let inner: LocalActionSigner
        var address: EthereumAddress { inner.address }
        func sign(_ request: ActionRequest, in domain: GuardianDomain) async throws -> RecoverableSignature {
            try await Task.sleep(for: .seconds(30))
            return try await inner.sign(request, in: domain)
        }
    }

    struct NoSender: GuardianTransactionSender {
        let from = try! EthereumAddress(hex: "0x" + String(repeating: "99", count: 20))
        func submit(to: EthereumAddress, data: [UInt8]) async throws(ChainError) -> TransactionReceipt {
            throw .transport("no chain in this test")
        }
    }

    static func executor(
        _ signers: [any ActionSigner], sentinels: [Secp256k1PrivateKey], wanted: Int?
    ) throws -> GuardianExecutor {
        GuardianExecutor(
            client: JSONRPCClient(
                configuration: .init(url: "http://127.0.0.1:9", timeout: .milliseconds(300), retry: .none)),
            domain: GuardianDomain(chainID: 31337, verifyingContract: Self.guardian),
            sentinels: try SentinelSet(members: sentinels.map(\.address)), signers: signers, sender: NoSender(),
            configuration: .init(signerTimeout: .milliseconds(500), signaturesWanted: wanted))
    }

    @Test func threeOfFourSentinelsSignWhenOneIsOffline() async throws {
        let keys = (1...4).map { try! Secp256k1PrivateKey(bytes: Array(repeating: 0, count: 31) + [UInt8($0)]) }
        let signers: [any ActionSigner] =
            keys.prefix(3).map { LocalActionSigner(key: $0) } + [OfflineSigner(address: keys[3].address)]
        let executor = try Self.executor(signers, sentinels: keys, wanted: 3)
        let request = ActionRequest(action: .pause, target: Self.vault, nonce: 1, expiry: 4_000_000_600)
        let certificate = try await executor.certify(request)
        #expect(certificate.signatures.count == 3)
        let verified = try QuorumVerifier(domain: executor.domain, sentinels: executor.sentinels)
            .verify(certificate, at: Self.t, replay: ReplayGuard())
        #expect(Set(verified.signers) == Set(keys.prefix(3).map(\.address)))
    }

    @Test func aQuorumNotReachedInTimeIsRefused() async throws {
        let keys = (1...4).map { try! Secp256k1PrivateKey(bytes: Array(repeating: 0, count: 31) + [UInt8($0)]) }
        let outsider = try Secp256k1PrivateKey(bytes: Array(repeating: 0, count: 31) + [9])
        let signers: [any ActionSigner] = [
            LocalActionSigner(key: keys[0]), SlowSigner(inner: LocalActionSigner(key: keys[1])),
            OfflineSigner(address: keys[2].address), LocalActionSigner(key: outsider),
        ]
        let executor = try Self.executor(signers, sentinels: keys, wanted: nil)
        let request = ActionRequest(action: .pause, target: Self.vault, nonce: 1, expiry: 4_000_000_600)
        do {
            _ = try await executor.certify(request)
            Issue.record("expected a refusal")
        } catch {
            #expect(error.isRefused)
            #expect(error.message.contains("2 signatures needed"))
        }
        // perform turns the same failure into a rejected report, without sending anything.
        let order = try GuardianPort.translate(
            Action(.pause, scope: .protocolWide, at: Self.t, reason: "r"), targets: Self.targets
        ).get()
        let report = await executor.perform(order)
        guard case .rejected(let reason) = report.outcome else {
            Issue.record("expected a rejection")
            return
        }
        #expect(reason.contains("quorum not reached"))
        #expect(report.transactionHash == nil)
    }

    @Test func anUnreachableChainIsARejectedReportNotAHang() async throws {
        let keys = (1...4).map { try! Secp256k1PrivateKey(bytes: Array(repeating: 0, count: 31) + [UInt8($0)]) }
        let executor = try Self.executor(keys.map { LocalActionSigner(key: $0) }, sentinels: keys, wanted: nil)
        let order = try GuardianPort.translate(
            Action(.pause, scope: .protocolWide, at: Self.t, reason: "r"), targets: Self.targets
        ).get()
        let report = await executor.perform(order)
        guard case .rejected = report.outcome else {
            Issue.record("expected a rejection, got \(report.outcome)")
            return
        }
        #expect(report.signers.count == 2)
        #expect(report.transactionHash == nil)
    }

    @Test func runDrainsThePortUntilItIsClosed() async throws {
        let keys = (1...4).map { try! Secp256k1PrivateKey(bytes: Array(repeating: 0, count: 31) + [UInt8($0)]) }
        let executor = try Self.executor(keys.map { OfflineSigner(address: $0.address) }, sentinels: keys, wanted: nil)
        var (port, orders) = GuardianPort.make(targets: Self.targets)
        #expect(port.execute(Action(.pause, scope: .protocolWide, at: Self.t, reason: "a")) == .queued)
        #expect(port.execute(Action(.pause, scope: .asset("TT"), at: Self.t, reason: "b")) == .queued)
        port.close()
        var reports: [GuardianReport] = []
        await executor.run(orders) { reports.append($0) }
        #expect(reports.map(\.order.guardianAction) == [.pause, .isolate])
        #expect(reports.allSatisfy { if case .rejected = $0.outcome { true } else { false } })
    }
}
