public import AntibodyEngine
public import AntibodySim

/// The simulated world a scenario runs: one of the simulator's attackers, one of the scenario
/// library's own models, or a calm market for a control.
public enum ScenarioModel: Sendable {
    /// bZx-style flash-loan spot-oracle attack (``FlashLoanOracleAttack``).
    case flashLoanOracle(FlashLoanOracleAttack)
    /// Inverse-style TWAP manipulation (``TWAPManipulationAttack``).
    case twapManipulation(TWAPManipulationAttack)
    /// Mango-style self-pumped collateral (``SelfCollateralAttack``).
    case selfCollateral(SelfCollateralAttack)
    /// ERC-4626 share-price donation (``VaultInflationAttack``).
    case vaultInflation(VaultInflationAttack)
    /// Beanstalk-style flash-loaned governance (``GovernanceTakeoverAttack``).
    case governanceTakeover(GovernanceTakeoverAttack)
    /// Nomad-style forged bridge messages (``BridgeForgeryAttack``).
    case bridgeForgery(BridgeForgeryAttack)
    /// The adaptive attacker draining a bridge just under the outflow limit.
    case adaptiveBridge(limit: Double, window: Int64, horizon: Int64)
    /// The adaptive attacker creeping a spot oracle just under the deviation threshold.
    case adaptiveOracleCreep(threshold: Double, targetMultiple: Double)
    /// A multi-transaction exploit (Harvest, Euler, Curve).
    case repeatedExploit(RepeatedExploitModel)
    /// A price shock on a lending market (Black Thursday, UST, USDC).
    case priceShock(PriceShockLendingModel)
    /// A calm GBM market: `minutes` one-minute steps of `asset` published on `stream`.
    case calmGBM(stream: String, start: Double, volatility: Double, minutes: Int)
    /// A recorded price series published on `stream`, one observation per row.
    case recorded(stream: String, series: AntibodyEngine.PriceSeries)

    /// Model names as written in scenario files.
    public static let names = [
        "flash-loan-oracle", "twap-manipulation", "self-collateral", "vault-inflation", "governance-takeover",
        "bridge-forgery", "adaptive-bridge", "adaptive-oracle-creep", "repeated-exploit", "price-shock-lending",
        "calm-gbm", "recorded-prices",
    ]
}
