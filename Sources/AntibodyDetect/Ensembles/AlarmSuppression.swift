public import AntibodyCore

/// Alarm suppression: once the wrapped detector's score reaches `level`, the next `rows` scores are
/// reported as 0 (no re-alarm within k rows), while the detector keeps seeing every value.
///
/// One incident then costs one alarm, not a burst of them; the price is that a second, distinct
/// incident within `rows` values is not reported.
///
/// **Complexity.** The wrapped detector's, plus O(1).
public struct AlarmSuppression<Base: Detector>: Detector {
    /// The wrapped detector.
    public var base: Base
    /// The score that counts as an alarm.
    public let level: Double
    /// Rows silenced after an alarm.
    public let rows: Int
    @usableFromInline var silent = 0

    /// Wraps `base`; after a score of at least `level`, reports 0 for `rows` values.
    /// - Precondition: `rows ≥ 0`.
    public init(_ base: Base, level: Double, rows: Int) {
        precondition(rows >= 0, "AlarmSuppression: rows must be non-negative")
        self.base = base
        self.level = level
        self.rows = rows
    }

    @inlinable
    public mutating func update(_ value: Double, at timestamp: Timestamp) -> Double {
        let score = base.update(value, at: timestamp)
        if silent > 0 {
            silent -= 1
            return 0
        }
        if score >= level { silent = rows }
        return score
    }
}
