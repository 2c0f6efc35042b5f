import AntibodyCore
import AntibodyMath

/// Nomad, August 2022: a routine upgrade initialised the replica's trusted root to `0x00`, which
/// is also what an unproven message's root reads as, so every message passed verification. The
/// first attacker copied a legitimate withdrawal, changed the recipient and the amount, and was
/// paid from the bridge's escrow; hundreds of copycats followed. Holders of the bridged tokens on
/// the other chain were left unbacked.
///
/// Here honest users have bridged `locked` tokens; the attacker sends forged unlock messages of
/// `chunk` each until the escrow is empty (or the defence stops it). Observations:
/// `"bridge:nomad outflow"` per processed message; state events `bridge.locked` and
/// `bridge.minted` (USD) at the start and after each message, for the engine's invariants.
public struct BridgeForgeryAttack: Sendable {
    /// Tokens locked by honest users (USDC raw units).
    public var locked: UInt256 = 190_000_000_000_000  // $190M
    /// Each forged message's amount.
    public var chunk: UInt256 = 10_000_000_000_000  // $10M
    /// Whether the replica trusts the zero root (Nomad's bug).
    public var trustZeroRoot = true
    /// The guardrails in force when the attack starts (e.g. an outflow limit).
    public var guardrails = Guardrails()

    /// The default (vulnerable) scenario.
    public init(trustZeroRoot: Bool = true) { self.trustZeroRoot = trustZeroRoot }

    /// Runs the attack against `defence`.
    public func run(defence: some DefenceHook) throws(SimError) -> AttackOutcome {
        var tap: TransactionTap? = nil
        return try run(defence: defence, tap: &tap)
    }

    /// Runs the attack, recording every executed transaction into `tap` when it is not `nil`.
    func run(defence: some DefenceHook, tap: inout TransactionTap?) throws(SimError) -> AttackOutcome {
        var defence = defence
        var guardrails = self.guardrails
        var clock = SimClock()
        var bridge = LockMintBridge(trustZeroRoot: trustZeroRoot)
        let user = 1, attacker = 2
        tap?.kinds = [user: .bridgeUser, attacker: .bridgeForgery]
        try bridge.deposit(locked, recipient: user)
        tap?.recordBridgeDeposit(account: user, amount: locked, escrowBefore: .zero, block: Int64(clock.block))
        func reportState() {
            // The bridge's books as the engine's invariants read them (`bridge.locked`, `bridge.minted`).
            defence.handle(
                .state(path: "bridge.locked", value: Double(bridge.escrow) / 1e6, timestamp: clock.timestamp),
                guardrails: &guardrails)
            defence.handle(
                .state(path: "bridge.minted", value: Double(bridge.wrappedSupply) / 1e6, timestamp: clock.timestamp),
                guardrails: &guardrails)
        }
        reportState()
        var nonce: UInt64 = 1_000_000
        var blocked = 0
        while bridge.escrow >= chunk {
            clock.advanceBlock()
            let forged = LockMintBridge.Message(nonce: nonce, recipient: attacker, amount: chunk)
            nonce += 1
            guard guardrails.permit("bridge:nomad", outflow: Double(chunk) / 1e6, at: clock.seconds) else {
                blocked += 1
                if blocked > 100 { break }
                continue
            }
            do {
                let escrow = bridge.escrow
                try bridge.process(forged)
                tap?.recordBridgeRelease(
                    account: attacker, amount: chunk, escrowBefore: escrow, block: Int64(clock.block))
            } catch {
                if error.revertReason == "!proven" { break }
                throw error
            }
            defence.observe(
                Observation(stream: "bridge:nomad outflow", timestamp: clock.timestamp, value: Double(chunk) / 1e6),
                guardrails: &guardrails)
            reportState()
        }
        let stolen = bridge.released[attacker] ?? .zero
        return AttackOutcome(
            scenario: "nomad-forged-message-bridge-drain", attackerProfitUSD: Double(stolen) / 1e6,
            attackerProfitUnits: ["USDC": stolen.description], userLossUSD: Double(bridge.deficit) / 1e6,
            lossBearer: .bridgedTokenHolders, operationsBlocked: guardrails.totalBlocked)
    }
}
