public import AntibodyCore

/// Aave v3 `PriceOracleSentinel` semantics for an L2 sequencer uptime feed, with a guard against
/// false "down" signals.
///
/// Aave's rule: operations are allowed iff `answer == 0 && now − startedAt > gracePeriod` (strictly
/// greater; 3,600 s by default here, as on Aave's Arbitrum and Optimism markets). The restart time is
/// `startedAt`, never `updatedAt` (see ``SequencerStatus/updatedAt``). A "down" signal that is
/// false blocks liquidations that are due and lets bad debt grow, so this sentinel also takes, when the
/// caller has it, the timestamp of the latest L2 block it observed: if blocks kept arriving within
/// `livenessWindow` while the feed said down, the down signal is `suspect` and does not block; and a
/// restart that follows such a contradicted outage does not impose the grace period either. A malformed
/// reading (an answer other than 0 or 1, a `startedAt` in the future) is treated as down unless the chain
/// contradicts it — failing safe — and is always flagged.
///
/// A value type: the only state is the current down episode. `assess` is O(1) and never allocates.
public struct SequencerSentinel: Sendable {
    /// The grace period after a restart during which borrowing and liquidations stay blocked.
    public let gracePeriod: Timestamp.Duration
    /// How recent an observed L2 block must be to prove the sequencer live.
    public let livenessWindow: Timestamp.Duration
    /// How far in the future `startedAt` may lie (clock skew) before it counts as malformed.
    public let futureTolerance: Timestamp.Duration

    /// When the current (or last) down episode began, as reported.
    public private(set) var downSince: Timestamp?
    /// Whether chain evidence contradicted the current (or last) down episode.
    public private(set) var downContradicted = false

    /// Aave's default grace period on its L2 markets: 3,600 s.
    public static let defaultGracePeriod = Timestamp.Duration.seconds(3_600)

    /// A sentinel; durations must be non-negative (grace at most a week, liveness window at least 1 s).
    public init(
        gracePeriod: Timestamp.Duration = SequencerSentinel.defaultGracePeriod,
        livenessWindow: Timestamp.Duration = .seconds(120), futureTolerance: Timestamp.Duration = .seconds(15)
    ) throws(SenseError) {
        guard gracePeriod.milliseconds >= 0, gracePeriod <= .hours(24 * 7) else {
            throw .invalidConfiguration("sequencer grace period is \(gracePeriod.seconds) s; use 0 s to a week")
        }
        guard livenessWindow >= .seconds(1), livenessWindow <= .hours(24) else {
            throw .invalidConfiguration("sequencer liveness window is \(livenessWindow.seconds) s; use 1 s to a day")
        }
        guard futureTolerance.milliseconds >= 0, futureTolerance <= .hours(1) else {
            throw .invalidConfiguration("future tolerance is \(futureTolerance.seconds) s; use 0 s to 1 h")
        }
        self.gracePeriod = gracePeriod
        self.livenessWindow = livenessWindow
        self.futureTolerance = futureTolerance
    }

    /// Assesses `status` read at `now`; `latestL2Block` is the timestamp of the newest L2 block the
    /// caller has seen, if it watches the chain (without it, the feed is believed as Aave believes it).
    public mutating func assess(
        _ status: SequencerStatus, now: Timestamp, latestL2Block: Timestamp? = nil
    ) -> SequencerAssessment {
        let chainLive: Bool
        if let latestL2Block, latestL2Block <= now.advanced(by: futureTolerance) {
            chainLive = latestL2Block.duration(to: now) <= livenessWindow
        } else {
            chainLive = false
        }
        let malformed = !(status.answer == 0 || status.answer == 1)
            || status.startedAt > now.advanced(by: futureTolerance)
            || status.updatedAt.map { $0 < status.startedAt || $0 > now.advanced(by: futureTolerance) } ?? false

        if malformed || status.answer == 1 {
            let since = malformed ? now : status.startedAt
            if downSince == nil || (!malformed && downSince != since) {
                downSince = since
                downContradicted = false
            }
            // Blocks produced after the reported outage began prove the sequencer was live.
            if chainLive, let latestL2Block, latestL2Block > since || malformed {
                downContradicted = true
            }
            if downContradicted {
                return SequencerAssessment(state: .suspect, reasons: ReasonSet(.sequencerSignalSuspect))
            }
            var reasons = ReasonSet(.sequencerDown)
            if malformed { reasons.insert(.sequencerSignalSuspect) }
            return SequencerAssessment(state: .down, reasons: reasons)
        }

        // Up. Aave: allowed iff now − startedAt > gracePeriod. A restart after a contradicted outage keeps
        // the waiver until the grace window ends.
        downSince = nil
        if status.startedAt.duration(to: now) > gracePeriod {
            downContradicted = false
            return SequencerAssessment(state: .up, reasons: ReasonSet())
        }
        if downContradicted {
            return SequencerAssessment(state: .suspect, reasons: ReasonSet(.sequencerSignalSuspect))
        }
        let graceEnds = status.startedAt.advanced(by: gracePeriod)
        return SequencerAssessment(state: .gracePeriod, reasons: ReasonSet(.sequencerGracePeriod), graceEndsAt: graceEnds)
    }
}
