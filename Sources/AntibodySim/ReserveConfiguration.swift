public import AntibodyMath

/// The risk and rate parameters of one lending reserve, as Aave v3 configures them.
///
/// Percentages are basis points (10000 = 100 %); rates and the optimal usage ratio are RAY
/// (10²⁷ = 100 % a year). The interest model is `DefaultReserveInterestRateStrategy`'s two slopes.
public struct ReserveConfiguration: Hashable, Sendable, Codable {
    /// The asset's symbol.
    public var symbol: String
    /// The token's decimals.
    public var decimals: Int
    /// Loan-to-value: the share of this collateral's value that can be borrowed against (bps).
    public var ltv: UInt256
    /// The share of this collateral's value counted in the health factor (bps).
    public var liquidationThreshold: UInt256
    /// The collateral a liquidator receives per unit of debt repaid, e.g. 10500 = +5 % (bps).
    public var liquidationBonus: UInt256
    /// The share of interest that goes to the treasury (bps).
    public var reserveFactor: UInt256
    /// The utilisation at which the slope steepens (RAY).
    public var optimalUsageRatio: UInt256
    /// The variable borrow rate at zero utilisation (RAY).
    public var baseVariableBorrowRate: UInt256
    /// The rate added from zero to optimal utilisation (RAY).
    public var variableRateSlope1: UInt256
    /// The rate added from optimal to full utilisation (RAY).
    public var variableRateSlope2: UInt256

    /// A configuration; see ``validated()`` for the accepted ranges.
    public init(
        symbol: String, decimals: Int, ltv: UInt256, liquidationThreshold: UInt256, liquidationBonus: UInt256,
        reserveFactor: UInt256, optimalUsageRatio: UInt256, baseVariableBorrowRate: UInt256,
        variableRateSlope1: UInt256, variableRateSlope2: UInt256
    ) {
        self.symbol = symbol
        self.decimals = decimals
        self.ltv = ltv
        self.liquidationThreshold = liquidationThreshold
        self.liquidationBonus = liquidationBonus
        self.reserveFactor = reserveFactor
        self.optimalUsageRatio = optimalUsageRatio
        self.baseVariableBorrowRate = baseVariableBorrowRate
        self.variableRateSlope1 = variableRateSlope1
        self.variableRateSlope2 = variableRateSlope2
    }

    /// `10^decimals`.
    public var unit: UInt256 {
        var u: UInt256 = 1
        for _ in 0..<decimals { u *= 10 }
        return u
    }

    /// Checks the ranges `PoolConfigurator` enforces: decimals 0…36, `ltv ≤ threshold ≤ 10000`,
    /// `threshold · bonus ≤ 100 %` (a liquidation must not pay out more collateral than exists),
    /// bonus > 100 % when the threshold is set, reserve factor ≤ 100 %, 0 < optimal < RAY.
    public func validated() throws(SimError) -> ReserveConfiguration {
        let ray = AaveMath.ray
        guard (0...36).contains(decimals), ltv <= liquidationThreshold, liquidationThreshold <= 10_000,
            liquidationThreshold.isZero || liquidationBonus > 10_000,
            liquidationThreshold.isZero
                || (try? AaveMath.percentMul(liquidationThreshold, liquidationBonus)).map({ $0 <= 10_000 }) == true,
            reserveFactor <= 10_000, !optimalUsageRatio.isZero, optimalUsageRatio < ray
        else {
            throw .invalidInput(
                "reserve \(symbol): needs decimals 0…36, ltv ≤ liquidation threshold ≤ 10000 bps, a bonus > 10000 bps "
                    + "with threshold × bonus ≤ 100 %, reserve factor ≤ 10000 bps and 0 < optimal usage < 1 RAY")
        }
        return self
    }
}
