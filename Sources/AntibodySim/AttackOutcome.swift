/// Where a loss lands, as post-mortems describe it.
public enum LossBearer: String, Hashable, Sendable, Codable {
    /// Suppliers of a lending market (bad debt).
    case lendingSuppliers
    /// Liquidity providers of an AMM pool.
    case liquidityProviders
    /// Depositors of a vault.
    case vaultDepositors
    /// Holders of bridged (wrapped) tokens whose backing was drained.
    case bridgedTokenHolders
    /// The protocol's own treasury.
    case protocolTreasury
}

/// The accounting of one simulated attack (or stress run), in exact units and in USD at the true
/// price.
public struct AttackOutcome: Hashable, Sendable, Codable {
    /// The scenario's name, e.g. `"bzx-flash-loan-oracle"`.
    public var scenario: String
    /// Attacker profit in USD at the true price (negative: the attack lost money).
    public var attackerProfitUSD: Double
    /// Attacker profit per asset in the asset's smallest units (signed decimal strings).
    public var attackerProfitUnits: [String: String]
    /// Bad debt left in lending markets, USD.
    public var badDebtUSD: Double
    /// Losses of users (suppliers, depositors, bridged-token holders), USD.
    public var userLossUSD: Double
    /// Losses of liquidity providers versus holding, USD.
    public var lpLossUSD: Double
    /// Losses of the protocol treasury, USD.
    public var treasuryLossUSD: Double
    /// Where the main loss landed.
    public var lossBearer: LossBearer
    /// Liquidations executed.
    public var liquidationsExecuted: Int
    /// Liquidations refused by the defence.
    public var liquidationsBlocked: Int
    /// Attacker operations refused by the defence.
    public var operationsBlocked: Int

    /// An outcome; every loss defaults to zero.
    public init(
        scenario: String, attackerProfitUSD: Double, attackerProfitUnits: [String: String] = [:],
        badDebtUSD: Double = 0, userLossUSD: Double = 0, lpLossUSD: Double = 0, treasuryLossUSD: Double = 0,
        lossBearer: LossBearer, liquidationsExecuted: Int = 0, liquidationsBlocked: Int = 0, operationsBlocked: Int = 0
    ) {
        self.scenario = scenario
        self.attackerProfitUSD = attackerProfitUSD
        self.attackerProfitUnits = attackerProfitUnits
        self.badDebtUSD = badDebtUSD
        self.userLossUSD = userLossUSD
        self.lpLossUSD = lpLossUSD
        self.treasuryLossUSD = treasuryLossUSD
        self.lossBearer = lossBearer
        self.liquidationsExecuted = liquidationsExecuted
        self.liquidationsBlocked = liquidationsBlocked
        self.operationsBlocked = operationsBlocked
    }
}
