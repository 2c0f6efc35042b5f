/// What one run of ``ChainDrill`` measured on chain.
public struct ChainDrillResult: Hashable, Sendable, Codable {
    /// Which defences were on.
    public var defence: ChainDrill.Defence
    /// The deployed token, Guardian and vault (checksummed hex).
    public var token: String
    /// The Guardian.
    public var guardian: String
    /// The vault.
    public var vault: String
    /// Tokens deposited in the vault before the attack (whole tokens).
    public var deposited: Double
    /// Tokens that left the vault during the attack: deposited − the vault's `totalAssets` at the end,
    /// read on chain (whole tokens).
    public var lost: Double
    /// Withdrawal transactions the attacker sent.
    public var attempts: Int
    /// Withdrawals mined with status 1.
    public var paid: Int
    /// Withdrawals mined with status 0, by revert reason.
    public var reverted: [String: Int]
    /// The block of the first malicious withdrawal.
    public var firstMaliciousBlock: UInt64?
    /// The block whose events made the engine alarm (ask for the pause).
    public var alarmBlock: UInt64?
    /// The block the pause was mined in.
    public var pauseBlock: UInt64?
    /// `pauseBlock − firstMaliciousBlock`.
    public var blocksToPause: UInt64?
    /// The sentinels whose signatures the pause certificate carried.
    public var signers: [String]
    /// Withdrawals attempted after the pause was mined, and how many of them reverted.
    public var attemptsAfterPause: Int
    /// Of those, reverted.
    public var revertedAfterPause: Int
    /// The engine's decisions (timestamps in block time) and the Guardian reports, in order.
    public var log: [String]
}
