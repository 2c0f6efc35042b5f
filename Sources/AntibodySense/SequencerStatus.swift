public import AntibodyCore

/// One reading of a Chainlink L2 sequencer uptime feed (`latestRoundData()`):
/// `answer` 0 means up, 1 means down; `startedAt` is when the status last changed.
public struct SequencerStatus: Hashable, Sendable, Codable {
    /// 0 = up, 1 = down; anything else is malformed.
    public var answer: Int128
    /// When the current status began (the sequencer went down, or came back up).
    public var startedAt: Timestamp
    /// The round's `updatedAt`, if read. Never used as the restart time: Chainlink refreshes it about
    /// once a day without a status change, and reading it as the restart made Aave v3's sentinel block
    /// borrows and liquidations for an hour a day on a healthy sequencer (aave/aave-v3-core issue #926).
    /// Only checked for consistency (`updatedAt ≥ startedAt`).
    public var updatedAt: Timestamp?

    /// A reading with `answer`, `startedAt` and optionally `updatedAt`.
    @inlinable
    public init(answer: Int128, startedAt: Timestamp, updatedAt: Timestamp? = nil) {
        self.answer = answer
        self.startedAt = startedAt
        self.updatedAt = updatedAt
    }

    /// The sequencer up since `since`.
    @inlinable
    public static func up(since: Timestamp) -> SequencerStatus { SequencerStatus(answer: 0, startedAt: since) }

    /// The sequencer down since `since`.
    @inlinable
    public static func down(since: Timestamp) -> SequencerStatus { SequencerStatus(answer: 1, startedAt: since) }
}
