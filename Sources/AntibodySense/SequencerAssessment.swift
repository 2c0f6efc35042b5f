public import AntibodyCore

/// What ``SequencerSentinel`` concluded about the L2 sequencer at one moment.
public struct SequencerAssessment: Hashable, Sendable {
    /// The sentinel's conclusion.
    public enum State: String, Hashable, Sendable, Codable {
        /// Up and past the grace period: prices may be acted on.
        case up
        /// Down: prices are frozen; no borrow, no liquidation.
        case down
        /// Up again but inside the grace period: users may repair positions; no borrow, no liquidation.
        case gracePeriod
        /// The feed says down (or is malformed) but the chain shows the sequencer producing blocks:
        /// the signal is not believed, so it does not block liquidations that are due.
        case suspect
    }

    /// The conclusion.
    public var state: State
    /// The reasons to attach to a verdict (empty when `up`).
    public var reasons: ReasonSet
    /// When the grace period ends, while in it.
    public var graceEndsAt: Timestamp?

    /// An assessment with every field given.
    @inlinable
    public init(state: State, reasons: ReasonSet, graceEndsAt: Timestamp? = nil) {
        self.state = state
        self.reasons = reasons
        self.graceEndsAt = graceEndsAt
    }

    /// Aave v3 `PriceOracleSentinel.isBorrowAllowed()` and `isLiquidationAllowed()` (which agree):
    /// up and the grace period passed, or a `suspect` down signal overridden by chain evidence.
    @inlinable
    public var isLiquidationAllowed: Bool { state == .up || state == .suspect }

    /// Same as ``isLiquidationAllowed``, as in Aave v3.
    @inlinable
    public var isBorrowAllowed: Bool { isLiquidationAllowed }
}
