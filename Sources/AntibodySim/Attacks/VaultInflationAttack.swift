import AntibodyMath

/// ERC-4626 donation / share-inflation: the attacker front-runs the first real deposit into an
/// empty vault by minting 1 wei of shares and *donating* assets straight to the vault, so the
/// share price jumps and the victim's deposit rounds down to a single share; the attacker then
/// redeems its share for half the pooled assets. The victim (a vault depositor) bears the loss.
/// With OpenZeppelin's virtual shares (`decimalsOffset > 0`) the same moves lose money.
public struct VaultInflationAttack: Sendable {
    /// The victim's deposit (raw units of a 6-decimal stablecoin).
    public var victimDeposit: UInt256 = 1_000_000_000_000  // $1,000,000
    /// The vault's virtual-share offset (0 = vulnerable).
    public var decimalsOffset = 0

    /// The default (vulnerable) scenario.
    public init(decimalsOffset: Int = 0) { self.decimalsOffset = decimalsOffset }

    /// Runs the attack against `defence`; the vault emits its share price as `"vault:v share price"`.
    public func run(defence: some DefenceHook) throws(SimError) -> AttackOutcome {
        var tap: TransactionTap? = nil
        return try run(defence: defence, tap: &tap)
    }

    /// Runs the attack, recording every executed transaction into `tap` when it is not `nil`.
    func run(defence: some DefenceHook, tap: inout TransactionTap?) throws(SimError) -> AttackOutcome {
        var defence = defence
        var guardrails = Guardrails()
        var vault = try ERC4626Vault(decimalsOffset: decimalsOffset)
        var clock = SimClock()
        let attacker = 1, victim = 2
        tap?.kinds = [attacker: .vaultDonation, victim: .vaultDepositor]
        func record(_ account: Int, _ operation: TransactionOperation, _ amount: UInt256, _ before: ERC4626Vault) {
            tap?.recordVault(
                account: account, operation: operation, amount: amount, before: before, after: vault,
                block: Int64(clock.block))
        }
        // The attacker sees the victim's pending deposit and sizes the donation so it rounds to one
        // share: donate just over half of it.
        let donation = victimDeposit / 2 + 1
        var spent = UInt256.zero, received = UInt256.zero
        var victimShares = UInt256.zero
        var blocked = 0
        func observe(_ vault: ERC4626Vault) {
            let price = vault.totalSupply.isZero ? 1 : Double(vault.totalAssets) / Double(vault.totalSupply)
            defence.observe(
                .init(stream: "vault:v share price", timestamp: clock.timestamp, value: price), guardrails: &guardrails)
        }
        observe(vault)
        if guardrails.permit("vault:v", at: clock.seconds) {
            var before = vault
            try vault.deposit(1, receiver: attacker)
            record(attacker, .vaultDeposit, 1, before)
            spent += 1
            before = vault
            try vault.donate(donation)
            record(attacker, .vaultDonate, donation, before)
            spent += donation
            observe(vault)
        }
        clock.advanceBlock()
        // The victim deposits; in the vulnerable vault it gets ⌊D·1/(donation+1)⌋ = 1 share.
        if guardrails.permit("vault:v", at: clock.seconds) {
            let before = vault
            victimShares = (try? vault.deposit(victimDeposit, receiver: victim)) ?? .zero
            if !victimShares.isZero { record(victim, .vaultDeposit, victimDeposit, before) }
        } else {
            blocked += 1
        }
        clock.advanceBlock()
        let attackerShares = vault.shares(of: attacker)
        if !attackerShares.isZero, guardrails.permit("vault:v", outflow: 0, at: clock.seconds) {
            let before = vault
            received = try vault.redeem(attackerShares, owner: attacker)
            record(attacker, .vaultRedeem, received, before)
        }
        let victimValue = victimShares.isZero ? victimDeposit : (try? vault.previewRedeem(victimShares)) ?? .zero
        let victimLoss = victimDeposit > victimValue ? Double(victimDeposit - victimValue) / 1e6 : 0
        let profit = Double(received) / 1e6 - Double(spent) / 1e6
        return AttackOutcome(
            scenario: "erc4626-donation-inflation", attackerProfitUSD: profit,
            attackerProfitUnits: ["USDC": received >= spent ? (received - spent).description : "-\(spent - received)"],
            userLossUSD: victimLoss, lossBearer: .vaultDepositors, operationsBlocked: guardrails.totalBlocked + blocked)
    }
}
