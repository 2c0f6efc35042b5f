/// The protocol interaction a recorded transaction performs, with the call frames it implies.
public enum TransactionOperation: String, CaseIterable, Hashable, Sendable, Codable {
    case swap, supply, borrow, repay, liquidate, flashLoan
    case vaultDeposit, vaultDonate, vaultRedeem
    case bridgeDeposit, bridgeRelease
    case governanceDeposit, governancePropose, governanceVote, governanceCommit, governanceWithdraw

    /// Internal call frames below the protocol entry point, following the contracts the models copy:
    /// a Uniswap V2 `swap` calls the token out and (flash-swap hook aside) nothing else (2); an Aave
    /// V3 `supply` / `repay` moves the token and mints or burns the a/debt token (2); `borrow` also
    /// reads the oracle (3); `liquidationCall` reads the oracle, burns the collateral aToken, moves
    /// both tokens (4); `flashLoan` transfers out and calls back the receiver (2); ERC-4626 `deposit`
    /// / `redeem` move the asset and the share (2), a donation is one transfer (1); a Nomad replica
    /// `process` calls the handler, which releases the token (3), a bridge deposit locks it (2);
    /// governance deposit / withdraw move the token (2), propose and vote write storage (1), commit
    /// executes the payout (2).
    public var frames: Int {
        switch self {
        case .swap, .supply, .repay, .flashLoan, .vaultDeposit, .vaultRedeem, .bridgeDeposit, .governanceDeposit,
            .governanceWithdraw, .governanceCommit:
            2
        case .borrow, .bridgeRelease: 3
        case .liquidate: 4
        case .vaultDonate, .governancePropose, .governanceVote: 1
        }
    }
}
