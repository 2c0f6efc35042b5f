public import AntibodyChain
import AntibodyCore
import AntibodyEngine
import AntibodyMath
import AntibodyTrust

/// The end-to-end drill on a local chain (docs/chain.md): deploy a token, a Guardian and a
/// `ProtectedVault`; five depositors fund the vault; an attacker holding their keys drains it with a
/// series of withdrawals (the Nomad pattern: one withdrawal after another, block after block,
/// each taking what the vault lets out); the ``ChainWatcher`` sees the outflows, the real ``Engine``
/// running a policy alarms, three of four sentinels sign, the ``GuardianExecutor`` submits the pause,
/// and every further withdrawal reverts. Run with the limiter alone, the Guardian alone and both.
///
/// **Scheduling.** The drill is deterministic: it interleaves attacker and defender itself instead of
/// racing two tasks. Each step: time moves ``Configuration/blockSeconds`` (the devchain's
/// `evm_increaseTime` mines an empty block, so every step is two blocks); the attacker sends one
/// withdrawal (mined in its own block: the chain automines); orders the engine queued at least
/// ``Configuration/reactionBlocks`` attacker blocks ago are performed (signed, submitted, mined);
/// the watcher polls and the engine handles the new events. With `reactionBlocks = 1` the attacker
/// gets one more block after the alarm — the pause lands in the block after that. A production node
/// runs ``GuardianExecutor/run(_:report:)`` as its own task instead.
///
/// **Premise.** The vault has no bug to exploit, so the attacker is modelled as holding the
/// depositors' keys (a key compromise with the Nomad drain's shape). What is measured is how much
/// leaves the vault before each defence stops it.
public enum ChainDrill {
    /// Which defences are on.
    public enum Defence: String, Hashable, Sendable, Codable, CaseIterable {
        /// The vault's on-chain limiter only; no Antibody node.
        case limiter
        /// The Antibody node and the Guardian; the vault's limiter off (min retained 0 %).
        case guardian
        /// Both.
        case both
    }

    /// The drill's parameters.
    public struct Configuration: Sendable {
        /// The policy the engine runs (its vault is `vault`, its asset `TT`).
        public var policy: Policy
        /// Depositors (1...5; their keys are the devchain's test keys 4...8).
        public var depositors: Int
        /// Whole tokens each depositor deposits.
        public var deposit: UInt64
        /// Whole tokens the attacker tries to take per withdrawal (at most what the limiter allows).
        public var chunk: UInt64
        /// Withdrawals the attacker sends.
        public var attempts: Int
        /// Seconds between blocks (`evm_increaseTime` before each withdrawal).
        public var blockSeconds: UInt64
        /// The vault limiter's window, seconds.
        public var windowSeconds: UInt64
        /// The vault limiter's retained share (when the limiter is on), basis points.
        public var minRetainedBps: UInt64
        /// Attacker blocks between the alarm and the pause transaction.
        public var reactionBlocks: Int

        /// Defaults: 5 × 200,000 TT, chunks of 50,000 TT, 40 withdrawals one minute apart, a
        /// 10-minute window retaining 70 %, the pause one block after the alarm.
        public init(
            policy: Policy, depositors: Int = 5, deposit: UInt64 = 200_000, chunk: UInt64 = 50_000, attempts: Int = 40,
            blockSeconds: UInt64 = 60, windowSeconds: UInt64 = 600, minRetainedBps: UInt64 = 7_000,
            reactionBlocks: Int = 1
        ) {
            self.policy = policy
            self.depositors = min(max(depositors, 1), 5)
            self.deposit = min(max(deposit, 1), 1_000_000_000)
            self.chunk = min(max(chunk, 1), 1_000_000_000)
            self.attempts = min(max(attempts, 1), 1_000)
            self.blockSeconds = min(max(blockSeconds, 1), 86_400)
            self.windowSeconds = min(max(windowSeconds, 1), 30 * 86_400)
            self.minRetainedBps = min(minRetainedBps, 10_000)
            self.reactionBlocks = min(max(reactionBlocks, 0), 100)
        }
    }

    static let unit = UInt256(1_000_000_000_000_000_000 as UInt64)

    /// The devchain's well-known test key `i` (public: never use on a real network).
    public static func testKey(_ i: UInt8) -> Secp256k1PrivateKey {
        try! Secp256k1PrivateKey(bytes: Array(repeating: 0, count: 31) + [i])
    }

    /// The four sentinel keys (not funded: they only sign). Derived from public strings: drill keys,
    /// never to be used on a real network.
    public static let sentinelKeys: [Secp256k1PrivateKey] = (1...4).map {
        try! Secp256k1PrivateKey(bytes: Keccak256.hash("antibody chain drill sentinel \($0)"))
    }

    /// `evm_increaseTime(seconds)`; the devchain mines an empty block at the new time.
    static func increaseTime(_ seconds: UInt64, _ client: JSONRPCClient) async throws(ChainError) {
        _ = try await client.call("evm_increaseTime", [.string("0x" + String(seconds, radix: 16))])
    }

    /// Runs `defence` on the chain at `client` (a devchain: it needs `evm_increaseTime` and the
    /// well-known test key 1 funded; it gives keys 2...8 gas money when they have less than 1 ETH).
    public static func run(
        _ defence: Defence, configuration: Configuration, client: JSONRPCClient
    ) async throws(ChainError) -> ChainDrillResult {
        let chainID = try await client.chainID()
        let account = { (i: UInt8) in ChainAccount(key: testKey(i), client: client, chainID: chainID) }
        let deployer = account(1)
        let governor = account(2)
        let node = account(3)
        let depositors = (0..<configuration.depositors).map { account(UInt8(4 + $0)) }

        // Only account 1 needs to be funded: it pays the others' gas.
        for other in [governor, node] + depositors where try await client.balance(of: other.address) < unit {
            try await deployer.sendAndWait(to: other.address, value: unit * 10)
        }
        let token = try await TestTokenContract.deploy(name: "Test Token", symbol: "TT", decimals: 18, from: deployer)
        let guardian = try await GuardianContract.deploy(
            sentinels: sentinelKeys.map(\.address), f: 1, governors: [governor.address], timelockDelay: 3_600,
            from: deployer)
        let limiter = LimiterParameters(
            windowSeconds: configuration.windowSeconds,
            minRetainedBps: defence == .guardian ? 0 : configuration.minRetainedBps, cooldownSeconds: 3_600,
            holdOnTrip: false)
        let vault = try await ProtectedVaultContract.deploy(
            guardian: guardian.address, assets: [token.address], parameters: [limiter], from: deployer)
        let amount = UInt256(low64: configuration.deposit) * unit
        for depositor in depositors {
            try await deployer.sendAndWait(
                to: token.address, data: TestTokenContract.mintCall(to: depositor.address, amount: amount))
            try await depositor.sendAndWait(
                to: token.address, data: TestTokenContract.approveCall(spender: vault.address, amount: amount))
            try await depositor.sendAndWait(
                to: vault.address, data: ProtectedVaultContract.depositCall(asset: token.address, amount: amount))
        }
        let deposited = Double(configuration.deposit) * Double(configuration.depositors)
        // The deposits are old news when the attack starts: the limiter's window that counted them as
        // inflow has ended (evm_increaseTime mines an empty block at the new time).
        try await increaseTime(configuration.windowSeconds, client)

        // The Antibody node: watcher → engine → Guardian port → executor.
        let defended = defence != .limiter
        let targets = GuardianTargets(
            protocolTarget: vault.address, scopes: ["vault:vault": vault.address], assets: ["TT": token.address])
        let (port, orders) = GuardianPort.make(targets: targets)
        var engine = Engine(
            policy: configuration.policy, port: CountingPort(port: port), recorder: CollectingRecorder())
        var pending = orders.makeAsyncIterator()
        let domain = GuardianDomain(chainID: chainID, verifyingContract: guardian.address)
        let executor = GuardianExecutor(
            client: client, domain: domain, sentinels: try! SentinelSet(members: sentinelKeys.map(\.address)),
            signers: sentinelKeys.prefix(3).map { LocalActionSigner(key: $0) } + [
                OfflineSentinel(address: sentinelKeys[3].address)
            ],
            sender: node, configuration: .init(signaturesWanted: 3))
        var loop = ChainWatcherLoop(
            client: client,
            watcher: ChainWatcher(
                configuration: .init(
                    vault: vault.address,
                    assets: [
                        WatchedAsset(token: token.address, symbol: "TT", decimals: 18, statePath: "vault.totalAssets")
                    ],
                    startBlock: try await client.blockNumber())))
        var log: [String] = []
        var decisionsSeen = 0
        func observe(
            _ engine: inout Engine<CountingPort<GuardianPort>, CollectingRecorder>, loop: inout ChainWatcherLoop
        ) async throws(ChainError) -> Int {
            guard defended else { return 0 }
            let before = engine.port.queued
            for event in try await loop.poll() { engine.handle(event) }
            for decision in engine.recorder.decisions.dropFirst(decisionsSeen) {
                log.append(
                    "engine t=\(decision.timestamp.seconds): \(decision.message) → \(decision.actions.map(\.description))"
                )
            }
            decisionsSeen = engine.recorder.decisions.count
            return engine.port.queued - before
        }
        _ = try await observe(&engine, loop: &loop)

        var queue: [(order: GuardianOrder, attackerBlocksLeft: Int)] = []
        var result = ChainDrillResult(
            defence: defence, token: token.address.description, guardian: guardian.address.description,
            vault: vault.address.description, deposited: deposited, lost: 0, attempts: 0, paid: 0, reverted: [:],
            firstMaliciousBlock: nil,
            alarmBlock: nil, pauseBlock: nil, blocksToPause: nil, signers: [], attemptsAfterPause: 0,
            revertedAfterPause: 0,
            log: [])
        // The defender: orders whose reaction delay has run out are performed.
        func perform(_ queue: inout [(order: GuardianOrder, attackerBlocksLeft: Int)]) async {
            while let first = queue.first, first.attackerBlocksLeft <= 0 {
                queue.removeFirst()
                let report = await executor.perform(first.order)
                log.append(
                    "guardian: \(first.order.guardianAction) → \(report.outcome) block "
                        + "\(report.blockNumber.map(String.init) ?? "-")")
                if report.outcome == .applied, first.order.guardianAction == .pause, result.pauseBlock == nil {
                    result.pauseBlock = report.blockNumber
                    result.signers = report.signers.map(\.description)
                }
            }
        }
        let chunk = UInt256(low64: configuration.chunk) * unit
        var balances = Array(repeating: amount, count: depositors.count)
        for step in 0..<configuration.attempts {
            try await increaseTime(configuration.blockSeconds, client)
            // The attacker: the next compromised depositor with funds left, as much as the vault lets out.
            guard
                let i = (0..<depositors.count).map({ ($0 + step) % depositors.count }).first(where: {
                    !balances[$0].isZero
                })
            else { break }
            let available = try await vault.availableOutflow(token.address)
            var take = min(chunk, balances[i])
            if !available.isZero { take = min(take, available) }
            result.attempts += 1
            if result.pauseBlock != nil { result.attemptsAfterPause += 1 }
            do {
                let receipt = try await depositors[i].sendAndWait(
                    to: vault.address, data: ProtectedVaultContract.withdrawCall(asset: token.address, amount: take),
                    gasLimit: 300_000)
                result.paid += 1
                balances[i] -= take
                if result.firstMaliciousBlock == nil { result.firstMaliciousBlock = receipt.blockNumber }
            } catch  where error.isRevert {
                let reason = error.revertReason ?? error.message
                result.reverted[reason, default: 0] += 1
                if result.pauseBlock != nil { result.revertedAfterPause += 1 }
            }
            // The defender: orders whose reaction delay has run out are performed now.
            for k in queue.indices { queue[k].attackerBlocksLeft -= 1 }
            await perform(&queue)
            let queued = try await observe(&engine, loop: &loop)
            if queued > 0, result.alarmBlock == nil { result.alarmBlock = loop.lastHead }
            for _ in 0..<queued {
                guard let order = await pending.next() else { break }
                queue.append((order, configuration.reactionBlocks))
            }
            await perform(&queue)
        }
        port.close()
        let left = try await vault.totalAssets(token.address)
        let total = amount * UInt256(low64: UInt64(depositors.count))
        let lost = left < total ? total - left : 0
        result.lost = Double(lost / unit) + Double(lost % unit) / 1e18
        if let first = result.firstMaliciousBlock, let pause = result.pauseBlock {
            result.blocksToPause = pause - first
        }
        result.log = log
        return result
    }
}
