import AntibodyCore
import AntibodyDefense
import Testing

/// An ERC-4626 vault where a direct donation inflates the share price (the first-depositor /
/// donation attack): guarded execution must revert it and isolate the donor.
@Suite struct GuardedExecutorTests {
    static let layout = StateLayout(schema: .standard(vaults: ["yvUSDC"]))
    let assets = layout.handle(path: "vault.totalAssets")!
    let shares = layout.handle(path: "vault.totalShares")!
    let price = layout.handle(path: "vault.sharePrice")!

    func makeExecutor() throws -> GuardedExecutor {
        var compiler = InvariantCompiler(layout: Self.layout)
        let solvency = try compiler.compile("vault.totalAssets >= vault.totalShares * vault.sharePrice@prev * 0.999")
        let noInflation = try compiler.compile("vault.totalAssets <= vault.totalShares * vault.sharePrice@prev * 1.001")
        var executor = GuardedExecutor(
            store: compiler.makeStore(),
            invariants: [
                NamedInvariant(name: "vault-solvency", invariant: solvency, severity: .critical, response: .isolate),
                NamedInvariant(
                    name: "share-price-jump", invariant: noInflation, severity: .critical, response: .isolate),
            ])
        let (a, s, p) = (assets, shares, price)
        executor.load(at: Timestamp(seconds: 0)) { store in
            store.set(a, 1_000_000)
            store.set(s, 1_000_000)
            store.set(p, 1)
        }
        return executor
    }

    /// ERC-4626 deposit: shares = amount × totalShares / totalAssets (rounded down).
    func deposit(_ account: String, _ amount: Double) -> GuardedExecutor.Transition {
        let (a, s, p) = (assets, shares, price)
        return .init(account: account, touches: [.vault("yvUSDC")], label: "\(account) deposits \(amount)") { store in
            let minted = (amount * store.value(s) / store.value(a)).rounded(.down)
            store.set(a, store.value(a) + amount)
            store.set(s, store.value(s) + minted)
            store.set(p, store.value(a) / store.value(s))
        }
    }

    func donate(_ account: String, _ amount: Double) -> GuardedExecutor.Transition {
        let (a, s, p) = (assets, shares, price)
        return .init(account: account, touches: [.vault("yvUSDC")], label: "\(account) donates \(amount)") { store in
            store.set(a, store.value(a) + amount)
            store.set(p, store.value(a) / store.value(s))
        }
    }

    @Test func donationIsRevertedAndDonorIsolated() throws {
        var executor = try makeExecutor()
        guard case .committed = executor.execute(deposit("alice", 5_000), at: Timestamp(seconds: 12)) else {
            Issue.record("honest deposit must commit")
            return
        }
        #expect(executor.store.value(assets) == 1_005_000)
        let before = executor.store.exact
        let result = executor.execute(donate("mallory", 50_000), at: Timestamp(seconds: 24))
        guard case .reverted(let violations, let actions) = result else {
            Issue.record("donation must be reverted, got \(result)")
            return
        }
        #expect(violations.map(\.invariant) == ["share-price-jump"])
        #expect(violations[0].outcome == .violated(element: "vault:yvUSDC"))
        #expect(actions.count == 1 && actions[0].kind == .isolate && actions[0].scope == .account("mallory"))
        #expect(executor.store.exact == before, "state reverted")
        #expect(executor.isolated == [.account("mallory")])
        // Mallory's further transitions are refused, even harmless ones; others go on.
        guard case .refused(.account("mallory")) = executor.execute(deposit("mallory", 1), at: Timestamp(seconds: 36))
        else {
            Issue.record("isolated account must be refused")
            return
        }
        guard case .committed = executor.execute(deposit("bob", 100), at: Timestamp(seconds: 36)) else {
            Issue.record("other accounts continue")
            return
        }
        // Governance clears the isolation.
        #expect(
            executor.clearIsolation(.account("mallory"), at: Timestamp(seconds: 48), reason: "reviewed")?.kind
                == .clearIsolation)
        guard case .committed = executor.execute(deposit("mallory", 1), at: Timestamp(seconds: 60)) else {
            Issue.record("cleared account may transact again")
            return
        }
    }

    @Test func runtimeErrorRevertsAndIsolatesElement() throws {
        var compiler = InvariantCompiler(layout: Self.layout)
        let ratio = try compiler.compile("vault.totalAssets / vault.totalShares >= 0.5")
        var executor = GuardedExecutor(
            store: compiler.makeStore(),
            invariants: [
                NamedInvariant(name: "ratio", invariant: ratio, severity: .high, response: .isolate)
            ])
        let (a, s) = (assets, shares)
        executor.load(at: Timestamp(seconds: 0)) { store in
            store.set(a, 10)
            store.set(s, 10)
        }
        let burnAll = GuardedExecutor.Transition(account: nil, touches: [.vault("yvUSDC")], label: "burn all shares") {
            $0.set(s, 0)
        }
        guard case .reverted(let violations, let actions) = executor.execute(burnAll, at: Timestamp(seconds: 1)) else {
            Issue.record("a failing invariant is never a pass")
            return
        }
        guard case .failed(let error, "vault:yvUSDC") = violations[0].outcome else {
            Issue.record("expected a runtime failure")
            return
        }
        #expect(error.kind == .divisionByZero)
        #expect(actions.map(\.scope) == [.vault("yvUSDC")])
        guard case .refused(.vault("yvUSDC")) = executor.execute(burnAll, at: Timestamp(seconds: 2)) else {
            Issue.record("isolated vault refuses transitions")
            return
        }
    }
}
