public import AntibodyCore

/// The robust z-score of each value against the median and the median absolute deviation (MAD) of
/// the previous `w` values, exactly (no approximation of the order statistics).
///
/// **Maths.** `m = median(window)`, `s = 1.4826 · MAD(window)` (consistent with σ for normal data),
/// `z = (x − m)/s`, computed before `x` enters the window. Score: `max(0, 1 − 1/z²)`
/// (``TailTransform/chebyshev(squaredDeviation:variance:)``). When the MAD is 0 (more than half the
/// window equal), any other value scores 1 and the median itself 0.
///
/// **Parameters.** `window` `w` (the values scored 0 until the window is full).
///
/// **Complexity.** O(log w) comparisons plus a contiguous shift of at most `w` values per update
/// (``SortedWindow``); no allocation after `init`.
///
/// **Use it** where outliers or heavy tails would inflate a mean and variance (oracle prices with
/// wicks, pool reserves around large trades): half the window can be outliers before it breaks.
public struct RobustZScore: Detector {
    /// The window size `w`.
    public let window: Int
    @usableFromInline var values: SortedWindow
    @usableFromInline var _health = InputHealth()

    /// Skipped and out-of-order input.
    public var health: InputHealth { _health }

    /// A detector over the last `window` values. - Precondition: `window ≥ 3`.
    public init(window: Int = 256) {
        precondition(window >= 3, "RobustZScore: window must be at least 3")
        self.window = window
        values = SortedWindow(capacity: window)
    }

    @inlinable
    public mutating func update(_ value: Double, at timestamp: Timestamp) -> Double {
        guard _health.admit(value, at: timestamp) else { return 0 }
        var score = 0.0
        if values.isFull {
            let m = values.median
            let mad = values.medianAbsoluteDeviation(around: m)
            let d = value - m
            if mad > 0 {
                let s = 1.4826 * mad
                score = TailTransform.chebyshev(squaredDeviation: d * d, variance: s * s)
            } else {
                score = d == 0 ? 0 : 1
            }
        }
        values.push(value)
        return score
    }
}
