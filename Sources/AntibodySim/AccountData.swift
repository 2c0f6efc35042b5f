public import AntibodyMath

/// `GenericLogic.calculateUserAccountData`'s result: values in the oracle's base currency
/// (8 decimals, like Aave's USD base), percentages in bps and the health factor in WAD.
public struct AccountData: Hashable, Sendable {
    /// Total collateral value counted (reserves enabled as collateral with a threshold).
    public var collateral: UInt256
    /// Total debt value.
    public var debt: UInt256
    /// Collateral-weighted average loan-to-value (bps).
    public var ltv: UInt256
    /// Collateral-weighted average liquidation threshold (bps).
    public var liquidationThreshold: UInt256
    /// `collateral · threshold / debt` in WAD; `UInt256.max` with no debt. Below 1e18 the account can
    /// be liquidated.
    public var healthFactor: UInt256

    /// An account summary.
    public init(collateral: UInt256, debt: UInt256, ltv: UInt256, liquidationThreshold: UInt256, healthFactor: UInt256)
    {
        self.collateral = collateral
        self.debt = debt
        self.ltv = ltv
        self.liquidationThreshold = liquidationThreshold
        self.healthFactor = healthFactor
    }

    /// Whether the account can be liquidated (HF < 1).
    public var isLiquidatable: Bool { healthFactor < AaveMath.wad }
}
