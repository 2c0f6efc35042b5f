public import AntibodyCore

/// A level shift (a jump that stays): the mean of the last `w` values against the mean of the `w`
/// values before them, as a two-sample t statistic.
///
/// **Maths.** Two adjacent windows kept as running sums of `x − c` and `(x − c)²` (`c` the first
/// value, for numerical stability), updated as values enter and leave — O(1). With means `a`, `b`
/// and variances `s_a²`, `s_b²`: `t² = (b − a)² / ((s_a² + s_b²)/w)`. Score `max(0, 1 − 1/t²)`
/// (``TailTransform/chebyshev(squaredDeviation:variance:)``); 0 until both windows are full. When
/// both windows are constant, a different mean scores 1.
///
/// **Parameters.** `window` `w`: the shift is seen fully after `w` values; shorter windows react
/// sooner, longer ones detect smaller shifts.
///
/// **Complexity.** O(1), no allocation after `init` (a ring of `2w` values).
///
/// **Use it** for a peg that steps to a new level, a pool whose reserves were drained, an oracle
/// that switched source.
public struct LevelShift: Detector {
    /// Each window's size `w`.
    public let window: Int
    @usableFromInline var ring: [Double]
    @usableFromInline var head = 0
    @usableFromInline var count = 0
    @usableFromInline var center = 0.0
    @usableFromInline var oldSum = 0.0
    @usableFromInline var oldSquares = 0.0
    @usableFromInline var newSum = 0.0
    @usableFromInline var newSquares = 0.0
    @usableFromInline var _health = InputHealth()

    /// Skipped and out-of-order input.
    public var health: InputHealth { _health }

    /// A detector comparing two adjacent windows of `window` values. - Precondition: `window ≥ 2`.
    public init(window: Int = 30) {
        precondition(window >= 2, "LevelShift: window must be at least 2")
        self.window = window
        ring = [Double](repeating: 0, count: 2 * window)
    }

    @inlinable
    public mutating func update(_ value: Double, at timestamp: Timestamp) -> Double {
        guard _health.admit(value, at: timestamp) else { return 0 }
        let capacity = 2 * window
        if count == 0 { center = value }
        let v = value - center
        if count == capacity {
            let leaving = ring[head]
            oldSum -= leaving
            oldSquares -= leaving * leaving
            head = head + 1 == capacity ? 0 : head + 1
            count -= 1
        }
        var slot = head + count
        if slot >= capacity { slot -= capacity }
        ring[slot] = v
        count += 1
        newSum += v
        newSquares += v * v
        if count > window {
            var moving = head + count - window - 1
            if moving >= capacity { moving -= capacity }
            let m = ring[moving]
            newSum -= m
            newSquares -= m * m
            oldSum += m
            oldSquares += m * m
        }
        guard count == capacity else { return 0 }
        let w = Double(window)
        let a = oldSum / w
        let b = newSum / w
        let va = max(0, (oldSquares - w * a * a) / (w - 1))
        let vb = max(0, (newSquares - w * b * b) / (w - 1))
        let d = b - a
        let pooled = (va + vb) / w
        if pooled <= 1e-12 * max(1, a * a + b * b) { return abs(d) > 1e-9 * max(1, abs(a)) ? 1 : 0 }
        return TailTransform.chebyshev(squaredDeviation: d * d, variance: pooled)
    }
}
