public import AntibodyCore

/// One reading of a Chainlink L2 sequencer uptime feed (`latestRoundData()`):
/// `answer` 0 means up, 1 means down; `startedAt` is when the status last changed.
public struct SequencerStatus: Hashable, Sendable, Codable {
    /// 0 = up, 1 = down; anything else is malformed.
    public var answer: Int128
    /// When the current status began (the sequencer went down, or came back up).
    public var startedAt: Timestamp

    /// A reading with `answer` and `startedAt`.
    @inlinable
    public init(answer: Int128, startedAt: Timestamp) {
        self.answer = answer
        self.startedAt = startedAt
    }

    /// The sequencer up since `since`.
    @inlinable
    public static func up(since: Timestamp) -> SequencerStatus { SequencerStatus(answer: 0, startedAt: since) }

    /// The sequencer down since `since`.
    @inlinable
    public static func down(since: Timestamp) -> SequencerStatus { SequencerStatus(answer: 1, startedAt: since) }
}
