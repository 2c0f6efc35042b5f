import AntibodyMath

/// Recording helpers for the worlds whose scenarios drive a bridge, a vault or governance
/// directly (amounts are raw units of a 6-decimal stablecoin unless stated). None of these
/// contracts has a lending market or a price oracle: utilisation is the ambient market's and the
/// oracle deviation is 0.
extension TransactionTap {
    /// An honest lock into a bridge whose escrow held `escrowBefore`.
    mutating func recordBridgeDeposit(account: Int, amount: UInt256, escrowBefore: UInt256, block: Int64) {
        let value = Double(amount) / 1e6
        record(
            account: account, operation: .bridgeDeposit, block: block, notionalUSD: value,
            tvlUSD: Double(escrowBefore) / 1e6, depositedUSD: value)
    }

    /// A release of `amount` from an escrow that held `escrowBefore` (a processed message).
    mutating func recordBridgeRelease(account: Int, amount: UInt256, escrowBefore: UInt256, block: Int64) {
        let value = Double(amount) / 1e6
        record(
            account: account, operation: .bridgeRelease, block: block, notionalUSD: value,
            tvlUSD: Double(escrowBefore) / 1e6, outflowShare: Self.share(amount, of: escrowBefore),
            withdrawnUSD: value)
    }

    /// A vault interaction moving `amount` assets, from state `before` to state `after`; the price
    /// impact is the move of the share price (assets per share, 1 for an empty vault).
    mutating func recordVault(
        account: Int, operation: TransactionOperation, amount: UInt256, before: ERC4626Vault, after: ERC4626Vault,
        block: Int64
    ) {
        func sharePrice(_ v: ERC4626Vault) -> Double {
            v.totalSupply.isZero ? 1 : Double(v.totalAssets) / Double(v.totalSupply)
        }
        let value = Double(amount) / 1e6
        let leaving = operation == .vaultRedeem
        record(
            account: account, operation: operation, block: block, notionalUSD: value,
            tvlUSD: Double(before.totalAssets) / 1e6,
            outflowShare: leaving ? Self.share(amount, of: before.totalAssets) : 0,
            priceImpact: Self.relativeMove(sharePrice(before), sharePrice(after)),
            depositedUSD: leaving ? 0 : value, withdrawnUSD: leaving ? value : 0)
    }

    /// A governance interaction moving `value` USD, with `governance` as it stood before it
    /// (`tokenPrice` values voting power; the treasury is in 6-decimal units).
    mutating func recordGovernance(
        account: Int, operation: TransactionOperation, value: Double, governance: Governance, tokenPrice: Double,
        block: Int64, outflowShare: Double = 0, deposited: Double = 0, withdrawn: Double = 0
    ) {
        let tvl = Double(governance.totalPower) / 1e18 * tokenPrice + Double(governance.treasury) / 1e6
        record(
            account: account, operation: operation, block: block, notionalUSD: value, tvlUSD: tvl,
            outflowShare: outflowShare, depositedUSD: deposited, withdrawnUSD: withdrawn)
    }
}
