public import AntibodyMath

/// The mutable state of one lending reserve (Aave v3's `ReserveData` plus the token totals the
/// logic reads), with variable-rate debt only.
public struct ReserveState: Hashable, Sendable {
    /// The reserve's parameters.
    public let configuration: ReserveConfiguration
    /// Cumulated supply interest since inception (RAY); a supplier's balance is `scaled · index`.
    public internal(set) var liquidityIndex: UInt256 = AaveMath.ray
    /// Cumulated borrow interest since inception (RAY); a debt is `scaledDebt · index`.
    public internal(set) var variableBorrowIndex: UInt256 = AaveMath.ray
    /// The current supply rate (RAY a year).
    public internal(set) var liquidityRate: UInt256 = .zero
    /// The current variable borrow rate (RAY a year).
    public internal(set) var variableBorrowRate: UInt256 = .zero
    /// The timestamp of the last state update (seconds).
    public internal(set) var lastUpdate: UInt64 = 0
    /// Scaled aTokens owed to the treasury (minted lazily in Aave).
    public internal(set) var accruedToTreasury: UInt256 = .zero
    /// The variable debt token's scaled total supply.
    public internal(set) var scaledVariableDebt: UInt256 = .zero
    /// The aToken's scaled total supply (users' deposits).
    public internal(set) var scaledSupply: UInt256 = .zero
    /// Underlying tokens held by the aToken contract: the available liquidity.
    public internal(set) var underlying: UInt256 = .zero

    /// A fresh reserve with `configuration`, last updated at `timestamp`.
    public init(configuration: ReserveConfiguration, timestamp: UInt64) {
        self.configuration = configuration
        self.lastUpdate = timestamp
    }

    /// `getNormalizedIncome` at `now`.
    @inlinable
    public func normalizedIncome(at now: UInt64) throws(SimError) -> UInt256 {
        if lastUpdate == now { return liquidityIndex }
        return try AaveMath.rayMul(
            try AaveMath.linearInterest(rate: liquidityRate, seconds: now - lastUpdate), liquidityIndex)
    }

    /// `getNormalizedVariableDebt` at `now`.
    @inlinable
    public func normalizedDebt(at now: UInt64) throws(SimError) -> UInt256 {
        if lastUpdate == now { return variableBorrowIndex }
        return try AaveMath.rayMul(
            try AaveMath.compoundedInterest(rate: variableBorrowRate, seconds: now - lastUpdate), variableBorrowIndex)
    }

    /// The total variable debt at the stored index.
    public var totalVariableDebt: UInt256 { (try? AaveMath.rayMul(scaledVariableDebt, variableBorrowIndex)) ?? .max }

    /// `ReserveLogic.updateState`: accrues indexes to `now` and mints the treasury's share.
    mutating func updateState(now: UInt64) throws(SimError) {
        if lastUpdate == now { return }
        let previousBorrowIndex = variableBorrowIndex
        let limit128 = UInt256(high: 1, low: 0)
        if !liquidityRate.isZero {
            liquidityIndex = try AaveMath.rayMul(
                try AaveMath.linearInterest(rate: liquidityRate, seconds: now - lastUpdate), liquidityIndex)
            if liquidityIndex >= limit128 { throw .revert("panic: SafeCast uint128") }
        }
        if !scaledVariableDebt.isZero {
            variableBorrowIndex = try AaveMath.rayMul(
                try AaveMath.compoundedInterest(rate: variableBorrowRate, seconds: now - lastUpdate),
                variableBorrowIndex)
            if variableBorrowIndex >= limit128 { throw .revert("panic: SafeCast uint128") }
        }
        if !configuration.reserveFactor.isZero {
            let previousTotal = try AaveMath.rayMul(scaledVariableDebt, previousBorrowIndex)
            let currentTotal = try AaveMath.rayMul(scaledVariableDebt, variableBorrowIndex)
            let accrued = try EVM.sub(currentTotal, previousTotal)
            let toMint = try AaveMath.percentMul(accrued, configuration.reserveFactor)
            if !toMint.isZero {
                accruedToTreasury = try EVM.add(accruedToTreasury, try AaveMath.rayDiv(toMint, liquidityIndex))
            }
        }
        lastUpdate = now
    }

    /// `ReserveLogic.updateInterestRates` with `DefaultReserveInterestRateStrategy` (no stable debt,
    /// no unbacked): utilisation `debt / (available + debt)` where `available` is the underlying
    /// held plus `added` minus `taken` (the transfers the caller is about to make).
    mutating func updateInterestRates(added: UInt256, taken: UInt256) throws(SimError) {
        let c = configuration
        let totalDebt = try AaveMath.rayMul(scaledVariableDebt, variableBorrowIndex)
        var variableRate = c.baseVariableBorrowRate
        var borrowUsage = UInt256.zero
        var supplyUsage = UInt256.zero
        if !totalDebt.isZero {
            let available = try EVM.sub(try EVM.add(underlying, added), taken)
            let availablePlusDebt = try EVM.add(available, totalDebt)
            borrowUsage = try AaveMath.rayDiv(totalDebt, availablePlusDebt)
            supplyUsage = borrowUsage
        }
        if borrowUsage > c.optimalUsageRatio {
            let excess = try AaveMath.rayDiv(borrowUsage - c.optimalUsageRatio, AaveMath.ray - c.optimalUsageRatio)
            variableRate = try EVM.add(
                try EVM.add(variableRate, c.variableRateSlope1), try AaveMath.rayMul(c.variableRateSlope2, excess))
        } else {
            variableRate = try EVM.add(
                variableRate,
                try AaveMath.rayDiv(try AaveMath.rayMul(c.variableRateSlope1, borrowUsage), c.optimalUsageRatio))
        }
        var overall = UInt256.zero
        if !totalDebt.isZero {
            let weighted = try AaveMath.rayMul(try AaveMath.wadToRay(totalDebt), variableRate)
            overall = try AaveMath.rayDiv(weighted, try AaveMath.wadToRay(totalDebt))
        }
        let newLiquidityRate = try AaveMath.percentMul(
            try AaveMath.rayMul(overall, supplyUsage), AaveMath.percentageFactor - c.reserveFactor)
        let limit128 = UInt256(high: 1, low: 0)
        if newLiquidityRate >= limit128 || variableRate >= limit128 { throw .revert("panic: SafeCast uint128") }
        liquidityRate = newLiquidityRate
        variableBorrowRate = variableRate
    }
}
