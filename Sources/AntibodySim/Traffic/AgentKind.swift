/// Who sent a transaction recorded by ``TrafficRecorder``: a benign agent of the simulator's worlds
/// or one of its attackers, with the per-kind rules for what the agent models do not represent.
///
/// The agent models move tokens through the protocol models but have no contracts of their own, so
/// two features come from a documented rule per kind (docs/model-security.md, "Replayed traffic"):
///
/// * ``actsThroughContract`` — whether the sender calls through its own contract (a bot or an
///   attack contract) or from a wallet straight into the protocol (the router for swaps);
/// * ``contractAgeAtFirstAction`` — for a sender with its own contract, the range of log10 of the
///   contract's age in blocks at its first recorded action (drawn once per sender; the age then grows
///   with the world's block clock). A wallet calls the protocol's contracts, whose age is the
///   world's protocol age (drawn once per world) plus the blocks elapsed.
public enum AgentKind: String, CaseIterable, Hashable, Sendable, Codable {
    // Benign agents of ``LendingAMMMarket`` and the honest participants of the attack worlds.
    case noiseTrader, arbitrageur, borrower, liquidator, lendingSupplier, vaultDepositor, bridgeUser
    case governanceHolder
    // Attackers (the `Attacks/` scenarios).
    case flashLoanOracle, twapManipulation, vaultDonation, selfCollateral, governanceTakeover, bridgeForgery
    case adaptiveOracleCreep, adaptiveBridgeDrain

    /// Whether this kind is an attacker (the label).
    public var isAttack: Bool {
        switch self {
        case .noiseTrader, .arbitrageur, .borrower, .liquidator, .lendingSupplier, .vaultDepositor, .bridgeUser,
            .governanceHolder:
            false
        default: true
        }
    }

    /// The attacker kinds, in declaration order.
    public static let attackers: [AgentKind] = allCases.filter(\.isAttack)

    /// Whether the sender calls through its own contract. Bots (arbitrageur, liquidator) and the
    /// attackers whose incidents used an attack contract do; wallets, the Mango attacker (its own
    /// accounts) and the Nomad copycats (plain transactions to the replica) do not.
    public var actsThroughContract: Bool {
        switch self {
        case .arbitrageur, .liquidator, .flashLoanOracle, .twapManipulation, .vaultDonation, .governanceTakeover,
            .adaptiveOracleCreep:
            true
        default: false
        }
    }

    /// For a sender with its own contract: the range of log10(age in blocks) of that contract at the
    /// sender's first action. Bots run for hours to months (10³–10⁶ blocks); the bZx contract was
    /// fresh (≤ 10^1.5 blocks), the donation front-runner too (≤ 10 blocks), the Inverse attacker
    /// deployed shortly before its pump (≤ 10^2.5), the Beanstalk contract just before its proposal
    /// (≤ 10², then the one-day wait elapses in the simulation), and the adaptive attacker uses an
    /// aged contract (10^3.5–10^6.5) to look like a bot. `nil` for wallets.
    public var contractAgeAtFirstAction: ClosedRange<Double>? {
        switch self {
        case .arbitrageur, .liquidator: 3...6
        case .flashLoanOracle: 0...1.5
        case .vaultDonation: 0...1
        case .twapManipulation: 0...2.5
        case .governanceTakeover: 0...2
        case .adaptiveOracleCreep: 3.5...6.5
        default: nil
        }
    }
}
