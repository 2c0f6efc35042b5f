import AntibodyCore
import AntibodyMath
import AntibodySim
import Foundation
import Testing

@Suite struct TrafficRecorderTests {
    static let small = TrafficRecorder.Configuration(paths: 2, steps: 96, attackRunsPerKind: 1)

    @Test func sameSeedSameRowsAndAnotherSeedDiffers() throws {
        let recorder = try TrafficRecorder(configuration: Self.small)
        let a = try recorder.record(seed: 7), b = try recorder.record(seed: 7), c = try recorder.record(seed: 8)
        #expect(!a.isEmpty)
        #expect(a == b)
        #expect(a != c)
    }

    @Test func everyFeatureIsWithinItsSpecificationBounds() throws {
        let rows = try TrafficRecorder(configuration: Self.small).record(seed: 3)
        for row in rows {
            for (value, bound) in zip(row.features.vector, TransactionFeatures.bounds) {
                #expect(bound.contains(value), "\(row.kind) \(row.operation): \(value) outside \(bound)")
            }
            #expect(row.features.callDepth == row.features.callDepth.rounded())
            #expect(row.features.flashLoan == 0 || row.features.flashLoan == 1)
        }
        // Every attacker kind and every market agent that trades appears.
        let kinds = Set(rows.map(\.kind))
        for kind in AgentKind.attackers { #expect(kinds.contains(kind), "\(kind) missing") }
        for kind in [AgentKind.noiseTrader, .arbitrageur, .borrower] { #expect(kinds.contains(kind)) }
    }

    @Test func benignRunsCarryNoAttackLabel() throws {
        let rows = try TrafficRecorder(configuration: .init(paths: 2, steps: 96, attackRunsPerKind: 0)).record(seed: 5)
        #expect(rows.count > 100)
        #expect(rows.allSatisfy { !$0.isAttack })
        #expect(Set(rows.map(\.kind)).isSubset(of: [.noiseTrader, .arbitrageur, .borrower, .liquidator]))
        // The market's pair is not what its lending pool reads (a Chainlink-style feed does), and no
        // market agent borrows a flash loan.
        #expect(rows.allSatisfy { $0.features.borrowAfterPriceMove == 0 && $0.features.flashLoan == 0 })
        // Noise traders' swaps move the pair: a positive impact, and the same sender's window includes it.
        let swaps = rows.filter { $0.kind == .noiseTrader }
        #expect(!swaps.isEmpty && swaps.allSatisfy { $0.operation == .swap && $0.features.log1pPriceImpact > 0 })
        #expect(swaps.allSatisfy { $0.features.log1pSenderWindowImpact >= $0.features.log1pPriceImpact - 1e-12 })
        // In a mixed recording the honest participants of the attack worlds stay benign.
        let mixed = try TrafficRecorder(configuration: Self.small).record(seed: 5)
        for row in mixed where [.vaultDepositor, .bridgeUser, .governanceHolder, .liquidator].contains(row.kind) {
            #expect(!row.isAttack)
        }
    }

    @Test func flashLoanOracleSwapIsFlaggedAndItsImpactIsThePairMaths() throws {
        let attack = FlashLoanOracleAttack()
        let rows = try TrafficRecorder.record(.flashLoanOracle(attack), seed: 1)
        let mine = rows.filter { $0.kind == .flashLoanOracle }
        #expect(mine.map(\.operation) == [.flashLoan, .swap, .supply, .borrow])
        #expect(mine.allSatisfy { $0.features.flashLoan == 1 })
        let swap = try #require(mine.first { $0.operation == .swap })
        // Uniswap V2: out = 997·in·R_out / (1000·R_in + 997·in); spot = USDC reserve / TOKEN reserve.
        let rIn = Double(attack.pairUSDC), rOut = Double(attack.pairToken), amountIn = Double(attack.flash)
        let out = 997 * amountIn * rOut / (1000 * rIn + 997 * amountIn)
        let impact = ((rIn + amountIn) / (rOut - out)) / (rIn / rOut) - 1
        #expect(abs(swap.features.log1pPriceImpact - Foundation.log(1 + impact)) < 1e-6)
        #expect(abs(swap.features.outflowShare - out / rOut) < 1e-9)
        // The swap's size against the pair's value at the true price ($1 per TOKEN): 3M / 2M.
        #expect(abs(swap.features.log10SizeToTVL - Foundation.log10(amountIn / (rIn + rOut / 1e12))) < 1e-9)
        // The spot oracle reads the pumped pair: the deviation after the swap is the impact itself.
        #expect(abs(swap.features.log1pOracleDeviation - Foundation.log(1 + impact)) < 1e-6)
        let borrow = try #require(mine.last)
        #expect(borrow.features.borrowAfterPriceMove == 1)
        // Calls: wallet → attack contract → pool.flashLoan → callback → pair.swap → token (+ top frame).
        #expect(swap.features.callDepth == 6)
        // The keeper trading the pair back afterwards is a benign arbitrageur.
        #expect(rows.contains { $0.kind == .arbitrageur && !$0.isAttack && $0.features.flashLoan == 0 })
    }

    @Test func vaultDonationSizesMatchTheVaultState() throws {
        let attack = VaultInflationAttack()
        let rows = try TrafficRecorder.record(.vaultDonation(attack), seed: 2)
        #expect(rows.map(\.operation) == [.vaultDeposit, .vaultDonate, .vaultDeposit, .vaultRedeem])
        let donation = Double(attack.victimDeposit / 2 + 1)
        // The donation lands on a vault holding 1 raw unit: log10(donation / 1), capped at the bound 2.
        #expect(rows[1].kind == .vaultDonation && rows[1].features.log10SizeToTVL == 2)
        // Share price 1 → donation + 1 assets per share.
        #expect(rows[1].features.log1pPriceImpact == 5)
        // The victim's deposit against the vault's assets then (donation + 1 raw units).
        #expect(rows[2].kind == .vaultDepositor && !rows[2].isAttack)
        #expect(
            abs(rows[2].features.log10SizeToTVL - Foundation.log10(Double(attack.victimDeposit) / (donation + 1)))
                < 1e-9)
        // The attacker's one share of two redeems half the vault.
        let assets = 1 + donation + Double(attack.victimDeposit)
        #expect(
            rows[3].kind == .vaultDonation
                && abs(rows[3].features.outflowShare - Double(UInt64(assets / 2)) / assets) < 1e-9)
    }

    @Test func bridgeForgeryDrainsWithNoDeposit() throws {
        let attack = BridgeForgeryAttack()
        let rows = try TrafficRecorder.record(.bridgeForgery(attack), seed: 4)
        let forged = rows.filter { $0.kind == .bridgeForgery }
        #expect(forged.count == Int(attack.locked / attack.chunk))
        #expect(forged.allSatisfy { $0.features.log10WithdrawToDeposit == 6 && $0.features.flashLoan == 0 })
        // The k-th forged message takes chunk / (locked − k·chunk) of the escrow.
        for (k, row) in forged.enumerated() {
            let left = Double(attack.locked) - Double(k) * Double(attack.chunk)
            #expect(abs(row.features.outflowShare - Double(attack.chunk) / left) < 1e-9)
        }
    }

    @Test func drawnAttacksAlwaysExecuteAndAreLabelled() throws {
        var rng = Xoshiro256StarStar(seed: 11)
        for round in 0..<12 {
            for kind in AgentKind.attackers {
                let attack = try ReplayAttack.drawn(kind, using: &rng)
                let rows = try TrafficRecorder.record(attack, seed: UInt64(round))
                #expect(rows.contains { $0.kind == kind && $0.isAttack }, "\(kind) round \(round) recorded no attack")
                #expect(rows.allSatisfy { $0.isAttack == ($0.kind == kind) })
            }
        }
    }

    @Test func badConfigurationsAreRefused() {
        #expect(throws: SimError.self) { try TrafficRecorder(configuration: .init(paths: 0)) }
        #expect(throws: SimError.self) { try TrafficRecorder(configuration: .init(steps: 1)) }
        #expect(throws: SimError.self) { try TrafficRecorder(configuration: .init(attackRunsPerKind: -1)) }
        #expect(throws: SimError.self) { try ReplayAttack.standard(.noiseTrader) }
    }
}
