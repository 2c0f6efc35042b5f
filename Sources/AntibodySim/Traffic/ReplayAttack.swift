public import AntibodyMath

/// One attack run the recorder executes: an attack struct of `Attacks/` with its parameters.
public enum ReplayAttack: Sendable {
    case flashLoanOracle(FlashLoanOracleAttack)
    case twapManipulation(TWAPManipulationAttack)
    case vaultDonation(VaultInflationAttack)
    case selfCollateral(SelfCollateralAttack)
    case governanceTakeover(GovernanceTakeoverAttack)
    case bridgeForgery(BridgeForgeryAttack)
    /// ``AdaptiveAttacker/creepOracle(threshold:targetMultiple:naive:defence:)``.
    case adaptiveOracleCreep(threshold: Double, targetMultiple: Double)
    /// ``AdaptiveAttacker/drainBridge(limit:window:horizon:locked:defence:)``.
    case adaptiveBridgeDrain(limit: Double, window: Int64, horizon: Int64, locked: UInt256)

    /// The attacker's kind.
    public var kind: AgentKind {
        switch self {
        case .flashLoanOracle: .flashLoanOracle
        case .twapManipulation: .twapManipulation
        case .vaultDonation: .vaultDonation
        case .selfCollateral: .selfCollateral
        case .governanceTakeover: .governanceTakeover
        case .bridgeForgery: .bridgeForgery
        case .adaptiveOracleCreep: .adaptiveOracleCreep
        case .adaptiveBridgeDrain: .adaptiveBridgeDrain
        }
    }

    /// The attack of `kind` with its struct's defaults (the scenarios `antibody attacks` runs).
    public static func standard(_ kind: AgentKind) throws(SimError) -> ReplayAttack {
        switch kind {
        case .flashLoanOracle: return .flashLoanOracle(FlashLoanOracleAttack())
        case .twapManipulation: return .twapManipulation(TWAPManipulationAttack())
        case .vaultDonation: return .vaultDonation(VaultInflationAttack())
        case .selfCollateral: return .selfCollateral(SelfCollateralAttack())
        case .governanceTakeover: return .governanceTakeover(GovernanceTakeoverAttack())
        case .bridgeForgery: return .bridgeForgery(BridgeForgeryAttack())
        case .adaptiveOracleCreep: return .adaptiveOracleCreep(threshold: 0.05, targetMultiple: 4)
        case .adaptiveBridgeDrain:
            return .adaptiveBridgeDrain(limit: 5_000_000, window: 3_600, horizon: 86_400, locked: 190_000_000_000_000)
        default: throw .invalidInput("\(kind.rawValue) is not an attacker")
        }
    }

    /// The attack of `kind` with parameters drawn around its struct's defaults: pool depths, capital,
    /// deposits and limits scaled log-normally (σ 0.4–0.8), within ranges where the mechanism still
    /// executes (e.g. the flash loan stays 1.5–4× the pair's USDC and under 40 % of the pool it
    /// comes from, the flash-borrowed votes stay a two-thirds supermajority).
    ///
    /// - Throws: ``SimError`` when `kind` is not an attacker.
    public static func drawn(_ kind: AgentKind, using rng: inout Xoshiro256StarStar) throws(SimError) -> ReplayAttack {
        func scale(_ sigma: Double) -> Double { _exp(sigma * rng.nextGaussian() - sigma * sigma / 2) }
        func uniform(_ low: Double, _ high: Double) -> Double { low + (high - low) * rng.nextUnit() }
        func raw(_ x: Double) -> UInt256 { UInt256(Swift.max(1, x.rounded())) }
        switch kind {
        case .flashLoanOracle:
            var a = FlashLoanOracleAttack()
            let depth = scale(0.5)
            a.pairUSDC = raw(Double(a.pairUSDC) * depth)
            a.pairToken = raw(Double(a.pairToken) * depth)
            a.flash = raw(Double(a.pairUSDC) * uniform(1.5, 4))
            // The flash loan comes out of the pool the attacker then borrows from: it must hold at
            // least twice the loan for the borrow to repay it (an attacker would not send a
            // transaction that reverts).
            a.supplied = raw(Swift.max(Double(a.supplied) * scale(0.4), 2.5 * Double(a.flash)))
            return .flashLoanOracle(a)
        case .twapManipulation:
            var a = TWAPManipulationAttack()
            let depth = scale(0.5)
            a.pairUSDC = raw(Double(a.pairUSDC) * depth)
            a.pairToken = raw(Double(a.pairToken) * depth)
            a.supplied = raw(Double(a.supplied) * scale(0.4))
            a.capital = raw(Double(a.pairUSDC) * uniform(1, 4))
            a.holdBlocks = Int(uniform(30, 80))
            return .twapManipulation(a)
        case .vaultDonation:
            var a = VaultInflationAttack()
            a.victimDeposit = raw(Double(a.victimDeposit) * scale(0.8))
            return .vaultDonation(a)
        case .selfCollateral:
            var a = SelfCollateralAttack()
            let depth = scale(0.5)
            a.pairUSDC = raw(Double(a.pairUSDC) * depth)
            a.pairToken = raw(Double(a.pairToken) * depth)
            a.pumpCapital = raw(Double(a.pairUSDC) * uniform(2, 6))
            a.position = raw(Double(a.position) * scale(0.4))
            a.suppliedUSDC = raw(Double(a.suppliedUSDC) * scale(0.4))
            return .selfCollateral(a)
        case .governanceTakeover:
            var a = GovernanceTakeoverAttack()
            a.treasury = raw(Double(a.treasury) * scale(0.6))
            a.lendableGOV = raw(Double(a.honestPower) * uniform(2.5, 8))
            return .governanceTakeover(a)
        case .bridgeForgery:
            var a = BridgeForgeryAttack()
            a.locked = raw(Double(a.locked) * scale(0.6))
            a.chunk = raw(Double(a.locked) / uniform(5, 40))
            return .bridgeForgery(a)
        case .adaptiveOracleCreep:
            return .adaptiveOracleCreep(threshold: uniform(0.03, 0.1), targetMultiple: uniform(2, 4))
        case .adaptiveBridgeDrain:
            let locked = Double(BridgeForgeryAttack().locked) * scale(0.5)
            return .adaptiveBridgeDrain(
                limit: locked / 1e6 * uniform(0.01, 0.05), window: Int64(uniform(1, 6)) * 3_600, horizon: 86_400,
                locked: raw(locked))
        default: throw .invalidInput("\(kind.rawValue) is not an attacker")
        }
    }

    /// Runs the attack with no defence, recording into `tap`.
    func run(tap: inout TransactionTap?) throws(SimError) -> AttackOutcome {
        let none = NoDefence()
        switch self {
        case .flashLoanOracle(let a): return try a.run(defence: none, tap: &tap)
        case .twapManipulation(let a): return try a.run(defence: none, tap: &tap)
        case .vaultDonation(let a): return try a.run(defence: none, tap: &tap)
        case .selfCollateral(let a): return try a.run(defence: none, tap: &tap)
        case .governanceTakeover(let a): return try a.run(defence: none, tap: &tap)
        case .bridgeForgery(let a): return try a.run(defence: none, tap: &tap)
        case .adaptiveOracleCreep(let threshold, let multiple):
            return try AdaptiveAttacker.creepOracle(
                threshold: threshold, targetMultiple: multiple, naive: false, defence: none, tap: &tap)
        case .adaptiveBridgeDrain(let limit, let window, let horizon, let locked):
            return try AdaptiveAttacker.drainBridge(
                limit: limit, window: window, horizon: horizon, locked: locked, defence: none, tap: &tap)
        }
    }
}
