public import AntibodyCore
import AntibodyMath

/// Who produced a simulated transaction: the simulator's benign agents (``LendingAMMMarket``'s
/// noise traders, arbitrageur, borrowers, liquidators and liquidity providers, plus whales and vault
/// bootstrappers) and its attackers (the `Attacks/` scenarios), each with the features its
/// transactions show.
///
/// Sizes are centred on the agents' and attacks' own default parameters (``MarketParameters``,
/// ``FlashLoanOracleAttack``, ``TWAPManipulationAttack``, ``VaultInflationAttack``,
/// ``SelfCollateralAttack``, ``GovernanceTakeoverAttack``, ``BridgeForgeryAttack``,
/// ``AdaptiveAttacker``) and spread log-normally; price impacts follow the constant-product
/// formula with the 0.3 % fee. Benign and attack traffic overlap on purpose: whales move prices as
/// much as a naive pump, arbitrageurs and liquidators use flash loans through young contracts with
/// deep call stacks, leverage loopers borrow right after a swap, vault bootstrappers deposit many
/// times a vault's value, big LPs withdraw a large share of a pool, Nomad copycats call from old
/// wallets with small amounts, and the adaptive attacker imitates whales from an aged contract.
public enum TrafficArchetype: String, CaseIterable, Hashable, Sendable, Codable {
    case noiseTrader, arbitrageur, borrower, leverageLooper, liquidator, liquidityProvider, whale, vaultBootstrap
    case flashLoanOracle, twapManipulation, vaultDonation, selfCollateral, governanceTakeover, bridgeForgery
    case adaptiveOracleCreep, adaptiveBridgeDrain

    /// Whether this archetype is an attacker.
    public var isAttack: Bool {
        switch self {
        case .noiseTrader, .arbitrageur, .borrower, .leverageLooper, .liquidator, .liquidityProvider, .whale,
            .vaultBootstrap:
            false
        default: true
        }
    }

    /// Relative frequency within benign traffic, or within attack traffic.
    public var weight: Double {
        switch self {
        case .noiseTrader: 0.40
        case .arbitrageur: 0.15
        case .borrower: 0.14
        case .leverageLooper: 0.04
        case .liquidator: 0.08
        case .liquidityProvider: 0.10
        case .whale: 0.07
        case .vaultBootstrap: 0.02
        case .flashLoanOracle: 0.16
        case .twapManipulation: 0.13
        case .vaultDonation: 0.11
        case .selfCollateral: 0.12
        case .governanceTakeover: 0.09
        case .bridgeForgery: 0.15
        case .adaptiveOracleCreep: 0.12
        case .adaptiveBridgeDrain: 0.12
        }
    }

    /// Draws one transaction of this archetype.
    public func sample(_ rng: inout Xoshiro256StarStar) -> TransactionFeatures {
        var r = Draw(rng: rng)
        defer { rng = r.rng }
        let market = MarketParameters()
        let utilisation = r.uniform(0.3, 0.92)
        var volatility = market.volatility * r.logNormal(0.35)
        switch self {
        case .noiseTrader:
            let tvl = 2 * market.pairWETH * market.initialPrice * r.logNormal(0.8)
            let size = market.noiseMeanUSD * r.logNormal(1)
            let impact = Self.impact(size, reserve: tvl / 2)
            return .init(
                log10SizeToTVL: Self.log10(size / tvl), flashLoan: r.chance(0.01), log1pPriceImpact: Self.log1p(impact),
                log10ContractAge: r.normal(5.8, 0.8), callDepth: 1 + r.poisson(1.5), outflowShare: size / (tvl / 2),
                log1pOracleDeviation: Self.log1p(abs(r.normal(0, 0.002)) + 0.05 * impact), borrowAfterPriceMove: false,
                log10WithdrawToDeposit: r.normal(0, 0.01),
                log1pSenderWindowImpact: Self.log1p(impact * r.uniform(1, 2)),
                utilisation: utilisation, marketVolatility: volatility)
        case .arbitrageur:
            let tvl = 2 * market.pairWETH * market.initialPrice * r.logNormal(0.8)
            let gap = abs(r.normal(0, 0.006))
            let size = gap * tvl / 4 * r.logNormal(0.3)
            let impact = Self.impact(size, reserve: tvl / 2)
            return .init(
                log10SizeToTVL: Self.log10(size / tvl), flashLoan: r.chance(0.35), log1pPriceImpact: Self.log1p(impact),
                log10ContractAge: r.normal(3.5, 1.2), callDepth: 2 + r.poisson(2), outflowShare: size / (tvl / 2),
                log1pOracleDeviation: Self.log1p(abs(r.normal(0, 0.004))), borrowAfterPriceMove: false,
                log10WithdrawToDeposit: r.normal(0.002, 0.01),
                log1pSenderWindowImpact: Self.log1p(impact * (1 + r.poisson(3))), utilisation: utilisation,
                marketVolatility: volatility)
        case .borrower, .leverageLooper:
            let looping = self == .leverageLooper
            let tvl = 20e6 * r.logNormal(0.6)
            let size = 50_000 * r.logNormal(1.2)
            let impact =
                looping ? Self.impact(size, reserve: market.pairWETH * market.initialPrice * r.logNormal(0.8)) : 0
            return .init(
                log10SizeToTVL: Self.log10(size / tvl), flashLoan: r.chance(looping ? 0.3 : 0.02),
                log1pPriceImpact: Self.log1p(impact), log10ContractAge: r.normal(6, 0.7),
                callDepth: 1 + r.poisson(looping ? 3 : 1.2), outflowShare: size * r.uniform(0.3, 0.8) / tvl,
                log1pOracleDeviation: Self.log1p(abs(r.normal(0, 0.003))), borrowAfterPriceMove: looping,
                log10WithdrawToDeposit: Self.log10(r.uniform(0.3, looping ? 0.9 : 0.8)),
                log1pSenderWindowImpact: Self.log1p(impact * r.uniform(1, 3)), utilisation: utilisation,
                marketVolatility: volatility)
        case .liquidator:
            volatility *= 1.8
            let tvl = 2 * market.pairWETH * market.initialPrice * r.logNormal(0.8)
            let size = 200_000 * r.logNormal(1)
            let impact = Self.impact(size, reserve: tvl / 2)
            return .init(
                log10SizeToTVL: Self.log10(size / tvl), flashLoan: r.chance(0.6), log1pPriceImpact: Self.log1p(impact),
                log10ContractAge: r.normal(3.8, 1.2), callDepth: 3 + r.poisson(1.5), outflowShare: size / (tvl / 2),
                log1pOracleDeviation: Self.log1p(abs(r.normal(0, 0.02))), borrowAfterPriceMove: false,
                log10WithdrawToDeposit: Self.log10(1.05 * r.logNormal(0.02)),
                log1pSenderWindowImpact: Self.log1p(impact * (1 + r.poisson(2))), utilisation: utilisation,
                marketVolatility: volatility)
        case .liquidityProvider:
            let share = r.chance(0.15) ? r.uniform(0.02, 0.2) : 0.002 * r.logNormal(1)
            return .init(
                log10SizeToTVL: Self.log10(share), flashLoan: false, log1pPriceImpact: 0,
                log10ContractAge: r.normal(5.9, 0.8), callDepth: 1 + r.poisson(0.8), outflowShare: share,
                log1pOracleDeviation: Self.log1p(abs(r.normal(0, 0.002))), borrowAfterPriceMove: false,
                log10WithdrawToDeposit: r.normal(0, 0.04), log1pSenderWindowImpact: 0, utilisation: utilisation,
                marketVolatility: volatility)
        case .whale:
            let tvl = 2 * market.pairWETH * market.initialPrice * r.logNormal(0.8)
            let size = tvl * r.uniform(0.005, 0.08)
            let impact = Self.impact(size, reserve: tvl / 2)
            let spotOracle = r.chance(0.2)
            return .init(
                log10SizeToTVL: Self.log10(size / tvl), flashLoan: r.chance(0.05), log1pPriceImpact: Self.log1p(impact),
                log10ContractAge: r.normal(5.5, 1), callDepth: 1 + r.poisson(1),
                outflowShare: size / (tvl / 2),
                log1pOracleDeviation: Self.log1p(spotOracle ? impact : abs(r.normal(0, 0.004))),
                borrowAfterPriceMove: r.chance(0.03), log10WithdrawToDeposit: r.normal(0, 0.02),
                log1pSenderWindowImpact: Self.log1p(impact * r.uniform(1, 1.6)), utilisation: utilisation,
                marketVolatility: volatility)
        case .vaultBootstrap:
            return .init(
                log10SizeToTVL: r.uniform(0.5, 2), flashLoan: false,
                log1pPriceImpact: Self.log1p(abs(r.normal(0, 0.001))),
                log10ContractAge: r.normal(5, 1.2), callDepth: 1 + r.poisson(1.5), outflowShare: 0,
                log1pOracleDeviation: Self.log1p(abs(r.normal(0, 0.002))), borrowAfterPriceMove: false,
                log10WithdrawToDeposit: r.normal(-1.5, 0.8), log1pSenderWindowImpact: 0, utilisation: utilisation,
                marketVolatility: volatility)
        case .flashLoanOracle:
            let attack = FlashLoanOracleAttack()
            let reserve = Double(attack.pairUSDC) / 1e6 * r.logNormal(0.7)
            let flash = Double(attack.flash) / 1e6 * r.logNormal(0.6)
            let impact = Self.impact(flash, reserve: reserve)
            return .init(
                log10SizeToTVL: Self.log10(flash / (2 * reserve)), flashLoan: true,
                log1pPriceImpact: Self.log1p(impact),
                log10ContractAge: r.uniform(0, 2.5), callDepth: 3 + r.poisson(3), outflowShare: r.uniform(0.03, 0.6),
                log1pOracleDeviation: Self.log1p(impact * r.uniform(0.7, 1)), borrowAfterPriceMove: true,
                log10WithdrawToDeposit: Self.log10((1 + impact) * r.uniform(0.5, 0.8)),
                log1pSenderWindowImpact: Self.log1p(impact), utilisation: utilisation, marketVolatility: volatility)
        case .twapManipulation:
            let attack = TWAPManipulationAttack()
            let reserve = Double(attack.pairUSDC) / 1e6 * r.logNormal(0.7)
            let capital = Double(attack.capital) / 1e6 * r.logNormal(0.7)
            let impact = Self.impact(capital, reserve: reserve)
            let twapMove = impact * r.uniform(0.1, 0.6)
            return .init(
                log10SizeToTVL: Self.log10(capital / (2 * reserve)) - r.uniform(0, 1.5), flashLoan: r.chance(0.1),
                log1pPriceImpact: Self.log1p(impact * r.uniform(0, 0.3)), log10ContractAge: r.uniform(1, 3.8),
                callDepth: 2 + r.poisson(2), outflowShare: r.uniform(0.03, 0.5),
                log1pOracleDeviation: Self.log1p(twapMove), borrowAfterPriceMove: true,
                log10WithdrawToDeposit: Self.log10((1 + twapMove) * r.uniform(0.5, 0.8)),
                log1pSenderWindowImpact: Self.log1p(impact), utilisation: utilisation, marketVolatility: volatility)
        case .vaultDonation:
            let attack = VaultInflationAttack()
            let victim = Double(attack.victimDeposit) / 1e6 * r.logNormal(1)
            let jump = victim / r.uniform(1, 1_000)
            return .init(
                log10SizeToTVL: r.uniform(0.5, 2), flashLoan: r.chance(0.5), log1pPriceImpact: Self.log1p(jump),
                log10ContractAge: r.uniform(0, 3), callDepth: 2 + r.poisson(2), outflowShare: r.uniform(0.5, 1),
                log1pOracleDeviation: Self.log1p(jump), borrowAfterPriceMove: false,
                log10WithdrawToDeposit: Self.log10(r.uniform(1.3, 2)), log1pSenderWindowImpact: Self.log1p(jump),
                utilisation: utilisation, marketVolatility: volatility)
        case .selfCollateral:
            let attack = SelfCollateralAttack()
            let reserve = Double(attack.pairUSDC) / 1e6 * r.logNormal(0.7)
            let capital = Double(attack.pumpCapital) / 1e6 * r.logNormal(0.6)
            let impact = Self.impact(capital, reserve: reserve)
            return .init(
                log10SizeToTVL: Self.log10(capital / (2 * reserve)), flashLoan: false,
                log1pPriceImpact: Self.log1p(impact * r.uniform(0, 1)), log10ContractAge: r.uniform(1.5, 4.5),
                callDepth: 1 + r.poisson(0.7), outflowShare: r.uniform(0.2, 0.8),
                log1pOracleDeviation: Self.log1p(impact * r.uniform(0.5, 1)), borrowAfterPriceMove: true,
                log10WithdrawToDeposit: r.uniform(0.8, 2), log1pSenderWindowImpact: Self.log1p(impact),
                utilisation: utilisation, marketVolatility: volatility)
        case .governanceTakeover:
            let attack = GovernanceTakeoverAttack()
            let lent = Double(attack.lendableGOV) / 1e18 * attack.govPrice * r.logNormal(0.8)
            let treasury = Double(attack.treasury) / 1e6 * r.logNormal(0.8)
            return .init(
                log10SizeToTVL: Self.log10(lent / treasury), flashLoan: true,
                log1pPriceImpact: Self.log1p(abs(r.normal(0, 0.01))), log10ContractAge: r.uniform(2.5, 4.2),
                callDepth: 5 + r.poisson(3), outflowShare: r.uniform(0.6, 1),
                log1pOracleDeviation: Self.log1p(abs(r.normal(0, 0.003))), borrowAfterPriceMove: false,
                log10WithdrawToDeposit: r.uniform(1.5, 4), log1pSenderWindowImpact: 0, utilisation: utilisation,
                marketVolatility: volatility)
        case .bridgeForgery:
            let attack = BridgeForgeryAttack()
            let locked = Double(attack.locked) / 1e6
            let amount = Double(attack.chunk) / 1e6 * r.logNormal(2)
            return .init(
                log10SizeToTVL: Self.log10(amount / locked), flashLoan: false, log1pPriceImpact: 0,
                log10ContractAge: r.uniform(0, 7), callDepth: 1 + r.poisson(0.6), outflowShare: amount / locked,
                log1pOracleDeviation: Self.log1p(abs(r.normal(0, 0.002))), borrowAfterPriceMove: false,
                log10WithdrawToDeposit: r.chance(0.7) ? 6 : r.uniform(1, 4), log1pSenderWindowImpact: 0,
                utilisation: utilisation, marketVolatility: volatility)
        case .adaptiveOracleCreep:
            let threshold = r.uniform(0.03, 0.1)
            let step = 0.9 * threshold
            let steps = 1 + r.poisson(8)
            return .init(
                log10SizeToTVL: Self.log10(step / 4 * r.logNormal(0.2)), flashLoan: false,
                log1pPriceImpact: Self.log1p(step), log10ContractAge: r.uniform(3.5, 6.5), callDepth: 1 + r.poisson(1),
                outflowShare: step / 2 * r.logNormal(0.2), log1pOracleDeviation: Self.log1p(step),
                borrowAfterPriceMove: r.chance(1 / (1 + steps)),
                log10WithdrawToDeposit: r.chance(0.5) ? r.normal(0, 0.02) : r.uniform(0.2, 0.8),
                log1pSenderWindowImpact: Self.log1p(Self.power(1 + step, steps) - 1), utilisation: utilisation,
                marketVolatility: volatility)
        case .adaptiveBridgeDrain:
            let locked = Double(BridgeForgeryAttack().locked) / 1e6 * r.logNormal(0.5)
            let limit = 5_000_000 * r.logNormal(0.5)
            let amount = limit * 0.99
            return .init(
                log10SizeToTVL: Self.log10(amount / locked), flashLoan: false, log1pPriceImpact: 0,
                log10ContractAge: r.uniform(3, 6.5), callDepth: 1 + r.poisson(1), outflowShare: amount / locked,
                log1pOracleDeviation: Self.log1p(abs(r.normal(0, 0.002))), borrowAfterPriceMove: false,
                log10WithdrawToDeposit: r.chance(0.8) ? 6 : r.uniform(0.5, 3), log1pSenderWindowImpact: 0,
                utilisation: utilisation, marketVolatility: volatility)
        }
    }

    /// Relative spot-price move from swapping `amountIn` into a constant-product pool whose input
    /// reserve is `reserve` (0.3 % fee): `((reserve + 0.997·amountIn) / reserve)² − 1`.
    static func impact(_ amountIn: Double, reserve: Double) -> Double {
        let ratio = (reserve + 0.997 * amountIn) / reserve
        return ratio * ratio - 1
    }

    static func log10(_ x: Double) -> Double { _log(Swift.max(x, 1e-12)) / 2.302_585_092_994_046 }
    static func log1p(_ x: Double) -> Double { _log(1 + Swift.max(x, 0)) }
    static func power(_ x: Double, _ n: Double) -> Double { _pow(x, n) }
}
