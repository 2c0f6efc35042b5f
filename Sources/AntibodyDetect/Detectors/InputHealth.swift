public import AntibodyCore

/// Counts of input a detector set aside, so that bad data is reported instead of poisoning state.
///
/// Every detector in this module embeds one and applies the same rules:
/// - a value that is NaN or ±∞ is **skipped**: the state is untouched, the call returns 0 (no
///   evidence) and ``skippedNonFinite`` grows by one;
/// - a timestamp equal to or earlier than the previous one is **accepted** (detectors are row-based:
///   each call is the next observation) and counted in ``repeatedOrDecreasingTimestamps``, so a feed
///   with a broken clock is visible without losing data.
public struct InputHealth: Hashable, Sendable {
    /// Values skipped because they were NaN or infinite.
    public var skippedNonFinite: Int = 0
    /// Updates whose timestamp was not later than the previous update's.
    public var repeatedOrDecreasingTimestamps: Int = 0
    /// Milliseconds of the last accepted value's timestamp (`Int64.min` before any).
    @usableFromInline var lastMilliseconds = Int64.min

    /// The last timestamp seen (of an accepted value).
    public var lastTimestamp: Timestamp? {
        lastMilliseconds == .min ? nil : Timestamp(milliseconds: lastMilliseconds)
    }

    /// A fresh record with nothing counted.
    public init() {}

    /// Records one update; returns `false` when `value` must be skipped.
    @inlinable
    public mutating func admit(_ value: Double, at timestamp: Timestamp) -> Bool {
        guard value.isFinite else {
            skippedNonFinite &+= 1
            return false
        }
        if timestamp.milliseconds <= lastMilliseconds && lastMilliseconds != .min {
            repeatedOrDecreasingTimestamps &+= 1
        }
        lastMilliseconds = timestamp.milliseconds
        return true
    }
}
