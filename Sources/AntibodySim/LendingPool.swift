public import AntibodyMath

/// An Aave-v3-like lending pool with the contracts' integer maths: several reserves, scaled
/// balances with RAY indexes, the two-slope interest model, LTV-checked borrows, health factor in
/// WAD, liquidations with Aave v3's close factor (50 % of the debt while HF > 0.95, 100 % at or
/// below) and liquidation bonus, and bad-debt accounting.
///
/// Modelled on `aave-v3-core` v3.0.x (`SupplyLogic`, `BorrowLogic`, `LiquidationLogic`,
/// `GenericLogic`, `ValidationLogic`, `ReserveLogic`), with variable-rate debt only and without
/// eMode, isolation mode, caps, unbacked supply or the liquidation protocol fee; a liquidator
/// receives the underlying collateral. Each operation's checks and state changes happen in the
/// contract's order, and a failing operation throws the contract's revert reason and leaves the
/// pool unchanged. Token balances of participants (the ERC-20 ledgers of the underlying assets)
/// are part of the state, so an unfunded repayment fails as the token transfer would.
///
/// Differential tests replay 1,600 random operations computed independently in Python from the
/// Solidity and require every integer to match.
public struct LendingPool: Hashable, Sendable {
    /// A participant's position.
    public struct Account: Hashable, Sendable {
        /// Scaled aToken balances per reserve.
        public internal(set) var scaledSupply: [UInt256]
        /// Scaled variable debt per reserve.
        public internal(set) var scaledDebt: [UInt256]
        /// Reserves used as collateral.
        public internal(set) var usingAsCollateral: [Bool]
        /// Reserves borrowed.
        public internal(set) var borrowing: [Bool]
        /// Underlying tokens held in the participant's wallet.
        public internal(set) var wallet: [UInt256]
    }

    /// The reserves, by index.
    public internal(set) var reserves: [ReserveState]
    /// Oracle prices per reserve in the base currency (8 decimals).
    public internal(set) var prices: [UInt256]
    /// The participants, by index.
    public internal(set) var accounts: [Account]
    /// The current block timestamp (seconds).
    public internal(set) var now: UInt64
    /// Flash-loan premium in bps (Aave v3 default: 9 = 0.09 %).
    public var flashLoanPremium: UInt256 = 9

    /// `HEALTH_FACTOR_LIQUIDATION_THRESHOLD` = 1e18.
    public static let healthFactorLiquidationThreshold = AaveMath.wad
    /// `CLOSE_FACTOR_HF_THRESHOLD` = 0.95e18.
    public static let closeFactorHealthFactorThreshold: UInt256 = 950_000_000_000_000_000
    /// `DEFAULT_LIQUIDATION_CLOSE_FACTOR` = 50 %.
    public static let defaultCloseFactor: UInt256 = 5_000
    /// `MAX_LIQUIDATION_CLOSE_FACTOR` = 100 %.
    public static let maxCloseFactor: UInt256 = 10_000

    /// A pool with `configurations` (validated) and initial oracle `prices`, at timestamp `now`.
    public init(configurations: [ReserveConfiguration], prices: [UInt256], now: UInt64) throws(SimError) {
        guard !configurations.isEmpty, configurations.count == prices.count, configurations.count <= 128,
            prices.allSatisfy({ !$0.isZero })
        else { throw .invalidInput("a pool needs 1…128 reserves, each with a positive price") }
        var reserves: [ReserveState] = []
        for c in configurations { reserves.append(ReserveState(configuration: try c.validated(), timestamp: now)) }
        self.reserves = reserves
        self.prices = prices
        self.accounts = []
        self.now = now
    }

    /// Adds a participant holding `wallet` underlying tokens per reserve and returns its index.
    @discardableResult
    public mutating func addAccount(wallet: [UInt256]) throws(SimError) -> Int {
        guard wallet.count == reserves.count else {
            throw .invalidInput("a wallet needs one balance per reserve (\(reserves.count))")
        }
        let n = reserves.count
        accounts.append(
            Account(
                scaledSupply: Array(repeating: .zero, count: n), scaledDebt: Array(repeating: .zero, count: n),
                usingAsCollateral: Array(repeating: false, count: n), borrowing: Array(repeating: false, count: n),
                wallet: wallet))
        return accounts.count - 1
    }

    /// Moves time forward by `seconds` (a new block timestamp).
    public mutating func advance(seconds: UInt64) { now += seconds }

    /// Sets the oracle price of reserve `asset` (8 decimals).
    public mutating func setPrice(_ price: UInt256, of asset: Int) throws(SimError) {
        guard reserves.indices.contains(asset), !price.isZero else {
            throw .invalidInput("price of reserve \(asset) must be positive and the reserve must exist")
        }
        prices[asset] = price
    }

    /// Mints `amount` underlying tokens of `asset` to `user`'s wallet (a faucet for scenarios).
    public mutating func credit(_ user: Int, asset: Int, amount: UInt256) throws(SimError) {
        try check(user, asset)
        accounts[user].wallet[asset] = try EVM.add(accounts[user].wallet[asset], amount)
    }

    /// Removes `amount` of `asset` from `user`'s wallet (tokens leaving the model, e.g. sold elsewhere).
    public mutating func debit(_ user: Int, asset: Int, amount: UInt256) throws(SimError) {
        try check(user, asset)
        guard accounts[user].wallet[asset] >= amount else { throw .revert("ERC20: transfer amount exceeds balance") }
        accounts[user].wallet[asset] -= amount
    }

    // MARK: Views

    /// `user`'s aToken balance of `asset` now (scaled balance times the normalised income).
    public func supplied(_ user: Int, asset: Int) throws(SimError) -> UInt256 {
        try AaveMath.rayMul(accounts[user].scaledSupply[asset], try reserves[asset].normalizedIncome(at: now))
    }

    /// `user`'s variable debt of `asset` now.
    public func debt(_ user: Int, asset: Int) throws(SimError) -> UInt256 {
        try AaveMath.rayMul(accounts[user].scaledDebt[asset], try reserves[asset].normalizedDebt(at: now))
    }

    /// `GenericLogic.calculateUserAccountData` for `user` at the current time and prices.
    public func accountData(_ user: Int) throws(SimError) -> AccountData {
        let a = accounts[user]
        guard a.usingAsCollateral.contains(true) || a.borrowing.contains(true) else {
            return AccountData(
                collateral: .zero, debt: .zero, ltv: .zero, liquidationThreshold: .zero, healthFactor: .max)
        }
        var collateral = UInt256.zero, debt = UInt256.zero, ltvSum = UInt256.zero, thresholdSum = UInt256.zero
        for i in reserves.indices where a.usingAsCollateral[i] || a.borrowing[i] {
            let r = reserves[i]
            let unit = r.configuration.unit
            if !r.configuration.liquidationThreshold.isZero, a.usingAsCollateral[i] {
                let balance = try AaveMath.rayMul(a.scaledSupply[i], try r.normalizedIncome(at: now))
                let value = try EVM.mul(balance, prices[i]) / unit
                collateral = try EVM.add(collateral, value)
                ltvSum = try EVM.add(ltvSum, try EVM.mul(value, r.configuration.ltv))
                thresholdSum = try EVM.add(thresholdSum, try EVM.mul(value, r.configuration.liquidationThreshold))
            }
            if a.borrowing[i] {
                var owed = a.scaledDebt[i]
                if !owed.isZero { owed = try AaveMath.rayMul(owed, try r.normalizedDebt(at: now)) }
                debt = try EVM.add(debt, try EVM.mul(owed, prices[i]) / unit)
            }
        }
        let ltv = collateral.isZero ? UInt256.zero : ltvSum / collateral
        let threshold = collateral.isZero ? UInt256.zero : thresholdSum / collateral
        let hf = debt.isZero ? UInt256.max : try AaveMath.wadDiv(try AaveMath.percentMul(collateral, threshold), debt)
        return AccountData(
            collateral: collateral, debt: debt, ltv: ltv, liquidationThreshold: threshold, healthFactor: hf)
    }

    /// Bad debt in the base currency: for every account whose debt exceeds its (unweighted)
    /// collateral, the excess — debt no liquidation can recover.
    public func badDebt() throws(SimError) -> UInt256 {
        var total = UInt256.zero
        for user in accounts.indices {
            let d = try accountData(user)
            if d.debt > d.collateral { total = try EVM.add(total, d.debt - d.collateral) }
        }
        return total
    }

    // MARK: Operations

    /// `Pool.supply`: deposits `amount` of `asset` from `user`'s wallet.
    public mutating func supply(_ user: Int, asset: Int, amount: UInt256) throws(SimError) {
        try check(user, asset)
        var next = self
        try next.performSupply(user, asset, amount)
        self = next
    }

    /// `Pool.withdraw`: withdraws `amount` (or everything for `UInt256.max`) and returns the amount.
    @discardableResult
    public mutating func withdraw(_ user: Int, asset: Int, amount: UInt256) throws(SimError) -> UInt256 {
        try check(user, asset)
        var next = self
        let out = try next.performWithdraw(user, asset, amount)
        self = next
        return out
    }

    /// `Pool.borrow` at the variable rate.
    public mutating func borrow(_ user: Int, asset: Int, amount: UInt256) throws(SimError) {
        try check(user, asset)
        var next = self
        try next.performBorrow(user, asset, amount)
        self = next
    }

    /// `Pool.repay` of variable debt (`UInt256.max` repays all); returns the amount repaid.
    @discardableResult
    public mutating func repay(_ user: Int, asset: Int, amount: UInt256) throws(SimError) -> UInt256 {
        try check(user, asset)
        var next = self
        let paid = try next.performRepay(user, asset, amount)
        self = next
        return paid
    }

    /// The result of a liquidation.
    public struct Liquidation: Hashable, Sendable {
        /// Debt repaid by the liquidator (debt asset units).
        public var debtRepaid: UInt256
        /// Collateral transferred to the liquidator (collateral asset units).
        public var collateralSeized: UInt256
        /// The borrower's health factor before the liquidation (WAD).
        public var healthFactorBefore: UInt256
    }

    /// `Pool.liquidationCall` with `receiveAToken = false`.
    @discardableResult
    public mutating func liquidate(
        liquidator: Int, user: Int, collateral: Int, debt: Int, debtToCover: UInt256
    ) throws(SimError) -> Liquidation {
        try check(liquidator, collateral)
        try check(user, debt)
        var next = self
        let result = try next.performLiquidation(liquidator, user, collateral, debt, debtToCover)
        self = next
        return result
    }

    /// An Aave-style simple flash loan of `amount` of `asset` to `receiver`: the amount is
    /// credited to the receiver's wallet, `body` runs (it may use the pool), then `amount + premium`
    /// is pulled back from the receiver's wallet; the premium accrues to suppliers through the
    /// liquidity index (`cumulateToLiquidityIndex`). If `body` throws or the receiver cannot repay,
    /// everything reverts. Returns the premium.
    @discardableResult
    public mutating func flashLoan(
        receiver: Int, asset: Int, amount: UInt256, body: (inout LendingPool) throws(SimError) -> Void
    ) throws(SimError) -> UInt256 {
        var next = self
        let premium = try next.beginFlashLoan(receiver: receiver, asset: asset, amount: amount)
        try body(&next)
        try next.endFlashLoan(receiver: receiver, asset: asset, amount: amount, premium: premium)
        self = next
        return premium
    }

    /// The first half of a flash loan, for composing one with other protocol state in a single
    /// transaction: transfers `amount` to `receiver` and returns the premium owed. The caller must
    /// call ``endFlashLoan(receiver:asset:amount:premium:)`` on the same state, or discard it (a
    /// revert).
    public mutating func beginFlashLoan(receiver: Int, asset: Int, amount: UInt256) throws(SimError) -> UInt256 {
        try check(receiver, asset)
        guard !amount.isZero else { throw .revert("INVALID_AMOUNT") }
        let premium = try AaveMath.percentMul(amount, flashLoanPremium)
        guard reserves[asset].underlying >= amount else { throw .revert("ERC20: transfer amount exceeds balance") }
        reserves[asset].underlying -= amount
        accounts[receiver].wallet[asset] = try EVM.add(accounts[receiver].wallet[asset], amount)
        return premium
    }

    /// The second half of a flash loan: pulls `amount + premium` back from `receiver` and credits
    /// the premium to suppliers; reverts if the receiver cannot pay.
    public mutating func endFlashLoan(receiver: Int, asset: Int, amount: UInt256, premium: UInt256) throws(SimError) {
        let owed = try EVM.add(amount, premium)
        guard accounts[receiver].wallet[asset] >= owed else { throw .revert("ERC20: transfer amount exceeds balance") }
        try reserves[asset].updateState(now: now)
        let r = reserves[asset]
        let totalLiquidity = try AaveMath.rayMul(r.scaledSupply, r.liquidityIndex)
        if !premium.isZero, !totalLiquidity.isZero {
            let ratio = try AaveMath.rayDiv(try AaveMath.wadToRay(premium), try AaveMath.wadToRay(totalLiquidity))
            reserves[asset].liquidityIndex = try AaveMath.rayMul(try EVM.add(ratio, AaveMath.ray), r.liquidityIndex)
        }
        try reserves[asset].updateInterestRates(added: owed, taken: .zero)
        accounts[receiver].wallet[asset] -= owed
        reserves[asset].underlying = try EVM.add(reserves[asset].underlying, owed)
    }

    // MARK: Implementation (contract order; callers restore on throw)

    func check(_ user: Int, _ asset: Int) throws(SimError) {
        guard accounts.indices.contains(user), reserves.indices.contains(asset) else {
            throw .invalidInput("unknown account \(user) or reserve \(asset)")
        }
    }

    mutating func performSupply(_ user: Int, _ i: Int, _ amount: UInt256) throws(SimError) {
        try reserves[i].updateState(now: now)
        guard !amount.isZero else { throw .revert("INVALID_AMOUNT") }
        guard accounts[user].wallet[i] >= amount else { throw .revert("ERC20: transfer amount exceeds balance") }
        try reserves[i].updateInterestRates(added: amount, taken: .zero)
        accounts[user].wallet[i] -= amount
        reserves[i].underlying = try EVM.add(reserves[i].underlying, amount)
        let scaled = try AaveMath.rayDiv(amount, reserves[i].liquidityIndex)
        guard !scaled.isZero else { throw .revert("INVALID_MINT_AMOUNT") }
        let first = accounts[user].scaledSupply[i].isZero
        accounts[user].scaledSupply[i] = try EVM.add(accounts[user].scaledSupply[i], scaled)
        reserves[i].scaledSupply = try EVM.add(reserves[i].scaledSupply, scaled)
        if first, !reserves[i].configuration.ltv.isZero { accounts[user].usingAsCollateral[i] = true }
    }

    mutating func performWithdraw(_ user: Int, _ i: Int, _ amount: UInt256) throws(SimError) -> UInt256 {
        try reserves[i].updateState(now: now)
        let balance = try AaveMath.rayMul(accounts[user].scaledSupply[i], reserves[i].liquidityIndex)
        let toWithdraw = amount == .max ? balance : amount
        guard !toWithdraw.isZero else { throw .revert("INVALID_AMOUNT") }
        guard toWithdraw <= balance else { throw .revert("NOT_ENOUGH_AVAILABLE_USER_BALANCE") }
        try reserves[i].updateInterestRates(added: .zero, taken: toWithdraw)
        let wasCollateral = accounts[user].usingAsCollateral[i]
        if wasCollateral, toWithdraw == balance { accounts[user].usingAsCollateral[i] = false }
        let scaled = try AaveMath.rayDiv(toWithdraw, reserves[i].liquidityIndex)
        guard !scaled.isZero else { throw .revert("INVALID_BURN_AMOUNT") }
        accounts[user].scaledSupply[i] = try EVM.sub(accounts[user].scaledSupply[i], scaled)
        reserves[i].scaledSupply = try EVM.sub(reserves[i].scaledSupply, scaled)
        guard reserves[i].underlying >= toWithdraw else { throw .revert("ERC20: transfer amount exceeds balance") }
        reserves[i].underlying -= toWithdraw
        accounts[user].wallet[i] = try EVM.add(accounts[user].wallet[i], toWithdraw)
        if wasCollateral, accounts[user].borrowing.contains(true) {
            guard try accountData(user).healthFactor >= Self.healthFactorLiquidationThreshold else {
                throw .revert("HEALTH_FACTOR_LOWER_THAN_LIQUIDATION_THRESHOLD")
            }
        }
        return toWithdraw
    }

    mutating func performBorrow(_ user: Int, _ i: Int, _ amount: UInt256) throws(SimError) {
        try reserves[i].updateState(now: now)
        guard !amount.isZero else { throw .revert("INVALID_AMOUNT") }
        let data = try accountData(user)
        guard !data.collateral.isZero else { throw .revert("COLLATERAL_BALANCE_IS_ZERO") }
        guard !data.ltv.isZero else { throw .revert("LTV_VALIDATION_FAILED") }
        guard data.healthFactor > Self.healthFactorLiquidationThreshold else {
            throw .revert("HEALTH_FACTOR_LOWER_THAN_LIQUIDATION_THRESHOLD")
        }
        let amountInBase = try EVM.mul(prices[i], amount) / reserves[i].configuration.unit
        let needed = try AaveMath.percentDiv(try EVM.add(data.debt, amountInBase), data.ltv)
        guard needed <= data.collateral else { throw .revert("COLLATERAL_CANNOT_COVER_NEW_BORROW") }
        let scaled = try AaveMath.rayDiv(amount, reserves[i].variableBorrowIndex)
        guard !scaled.isZero else { throw .revert("INVALID_MINT_AMOUNT") }
        accounts[user].scaledDebt[i] = try EVM.add(accounts[user].scaledDebt[i], scaled)
        reserves[i].scaledVariableDebt = try EVM.add(reserves[i].scaledVariableDebt, scaled)
        accounts[user].borrowing[i] = true
        try reserves[i].updateInterestRates(added: .zero, taken: amount)
        guard reserves[i].underlying >= amount else { throw .revert("ERC20: transfer amount exceeds balance") }
        reserves[i].underlying -= amount
        accounts[user].wallet[i] = try EVM.add(accounts[user].wallet[i], amount)
    }

    mutating func performRepay(_ user: Int, _ i: Int, _ amount: UInt256) throws(SimError) -> UInt256 {
        try reserves[i].updateState(now: now)
        let variableDebt = try AaveMath.rayMul(accounts[user].scaledDebt[i], reserves[i].variableBorrowIndex)
        guard !amount.isZero else { throw .revert("INVALID_AMOUNT") }
        guard !variableDebt.isZero else { throw .revert("NO_DEBT_OF_SELECTED_TYPE") }
        let payback = amount >= variableDebt ? variableDebt : amount
        let scaled = try AaveMath.rayDiv(payback, reserves[i].variableBorrowIndex)
        guard !scaled.isZero else { throw .revert("INVALID_BURN_AMOUNT") }
        accounts[user].scaledDebt[i] = try EVM.sub(accounts[user].scaledDebt[i], scaled)
        reserves[i].scaledVariableDebt = try EVM.sub(reserves[i].scaledVariableDebt, scaled)
        try reserves[i].updateInterestRates(added: payback, taken: .zero)
        if variableDebt == payback { accounts[user].borrowing[i] = false }
        guard accounts[user].wallet[i] >= payback else { throw .revert("ERC20: transfer amount exceeds balance") }
        accounts[user].wallet[i] -= payback
        reserves[i].underlying = try EVM.add(reserves[i].underlying, payback)
        return payback
    }

    mutating func performLiquidation(
        _ liquidator: Int, _ user: Int, _ c: Int, _ d: Int, _ debtToCover: UInt256
    ) throws(SimError) -> Liquidation {
        try reserves[d].updateState(now: now)
        let hf = try accountData(user).healthFactor
        let totalDebt = try AaveMath.rayMul(accounts[user].scaledDebt[d], reserves[d].variableBorrowIndex)
        let closeFactor = hf > Self.closeFactorHealthFactorThreshold ? Self.defaultCloseFactor : Self.maxCloseFactor
        let maxLiquidatable = try AaveMath.percentMul(totalDebt, closeFactor)
        var actualDebt = debtToCover > maxLiquidatable ? maxLiquidatable : debtToCover
        guard hf < Self.healthFactorLiquidationThreshold else { throw .revert("HEALTH_FACTOR_NOT_BELOW_THRESHOLD") }
        guard !reserves[c].configuration.liquidationThreshold.isZero, accounts[user].usingAsCollateral[c] else {
            throw .revert("COLLATERAL_CANNOT_BE_LIQUIDATED")
        }
        guard !totalDebt.isZero else { throw .revert("SPECIFIED_CURRENCY_NOT_BORROWED_BY_USER") }
        let userCollateral = try AaveMath.rayMul(
            accounts[user].scaledSupply[c], try reserves[c].normalizedIncome(at: now))
        // _calculateAvailableCollateralToLiquidate (no protocol fee)
        let cPrice = prices[c], dPrice = prices[d]
        let cUnit = reserves[c].configuration.unit, dUnit = reserves[d].configuration.unit
        let bonus = reserves[c].configuration.liquidationBonus
        let baseCollateral = try EVM.div(
            try EVM.mul(try EVM.mul(dPrice, actualDebt), cUnit), try EVM.mul(cPrice, dUnit))
        let maxCollateral = try AaveMath.percentMul(baseCollateral, bonus)
        let collateralAmount: UInt256
        if maxCollateral > userCollateral {
            collateralAmount = userCollateral
            actualDebt = try AaveMath.percentDiv(
                try EVM.div(try EVM.mul(try EVM.mul(cPrice, collateralAmount), dUnit), try EVM.mul(dPrice, cUnit)),
                bonus)
        } else {
            collateralAmount = maxCollateral
        }
        if totalDebt == actualDebt { accounts[user].borrowing[d] = false }
        if collateralAmount == userCollateral { accounts[user].usingAsCollateral[c] = false }
        // _burnDebtTokens
        let scaledDebt = try AaveMath.rayDiv(actualDebt, reserves[d].variableBorrowIndex)
        guard !scaledDebt.isZero else { throw .revert("INVALID_BURN_AMOUNT") }
        accounts[user].scaledDebt[d] = try EVM.sub(accounts[user].scaledDebt[d], scaledDebt)
        reserves[d].scaledVariableDebt = try EVM.sub(reserves[d].scaledVariableDebt, scaledDebt)
        try reserves[d].updateInterestRates(added: actualDebt, taken: .zero)
        // _burnCollateralATokens
        try reserves[c].updateState(now: now)
        try reserves[c].updateInterestRates(added: .zero, taken: collateralAmount)
        let scaledCollateral = try AaveMath.rayDiv(collateralAmount, reserves[c].liquidityIndex)
        guard !scaledCollateral.isZero else { throw .revert("INVALID_BURN_AMOUNT") }
        accounts[user].scaledSupply[c] = try EVM.sub(accounts[user].scaledSupply[c], scaledCollateral)
        reserves[c].scaledSupply = try EVM.sub(reserves[c].scaledSupply, scaledCollateral)
        guard reserves[c].underlying >= collateralAmount else {
            throw .revert("ERC20: transfer amount exceeds balance")
        }
        reserves[c].underlying -= collateralAmount
        accounts[liquidator].wallet[c] = try EVM.add(accounts[liquidator].wallet[c], collateralAmount)
        guard accounts[liquidator].wallet[d] >= actualDebt else {
            throw .revert("ERC20: transfer amount exceeds balance")
        }
        accounts[liquidator].wallet[d] -= actualDebt
        reserves[d].underlying = try EVM.add(reserves[d].underlying, actualDebt)
        return Liquidation(debtRepaid: actualDebt, collateralSeized: collateralAmount, healthFactorBefore: hf)
    }
}
