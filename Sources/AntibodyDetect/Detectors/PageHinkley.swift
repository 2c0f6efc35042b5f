public import AntibodyCore

/// The Page–Hinkley test for a change in the mean, in both directions, with a fading factor, modelled
/// on River's `drift.PageHinkley` (same parameters and defaults) so the two can be compared.
///
/// **Maths.** `x̄` is the running mean of all values so far; `m⁺ ← f·m⁺ + (x − x̄ − δ)` and
/// `m⁻ ← f·m⁻ + (x̄ − x − δ)`, with their running minima `M⁺`, `M⁻`; `PH = max(m⁺ − M⁺, m⁻ − M⁻)`.
/// As in River, `M⁺` starts at +∞ and `M⁻` at 1 (River keeps the maximum of `−m⁻` from −1), so that
/// both implementations alarm on the same values.
/// The score is `min(1, PH/λ)` (``TailTransform/clampedRatio(_:)``): 1 exactly when the test
/// alarms, after which the test restarts from scratch (mean, sums and minima).
///
/// **Parameters.** `delta` `δ` (tolerated change, in the data's units), `threshold` `λ` (alarm level,
/// in the data's units times values), `fading` `f` (1 for the classic test), `minInstances`
/// (values scored 0 after each restart).
///
/// **Complexity.** O(1), no allocation: one division and a few multiply-adds per value.
///
/// **Use it** for abrupt, sustained changes of level when the data's scale is known (basis points of
/// a peg, seconds of latency): δ and λ are in those units.
public struct PageHinkley: Detector {
    /// Tolerated change `δ`.
    public let delta: Double
    /// Alarm level `λ`.
    public let threshold: Double
    /// Fading factor `f` of the cumulative sums.
    public let fading: Double
    /// Values scored 0 after each (re)start.
    public let minInstances: Int
    @usableFromInline var mean = 0.0
    @usableFromInline var count = 0
    @usableFromInline var sumUp = 0.0
    @usableFromInline var sumDown = 0.0
    @usableFromInline var minUp = Double.infinity
    @usableFromInline var minDown = 1.0
    @usableFromInline var _alarms = 0
    @usableFromInline var _health = InputHealth()

    /// Alarms raised so far (each restarts the test).
    public var alarms: Int { _alarms }
    /// Skipped and out-of-order input.
    public var health: InputHealth { _health }

    /// A test with River's defaults: `δ = 0.005`, `λ = 50`, `f = 0.9999`, 30 values of warm-up.
    /// - Precondition: `delta ≥ 0`, `threshold > 0`, `0 < fading ≤ 1`, `minInstances ≥ 0`.
    public init(delta: Double = 0.005, threshold: Double = 50, fading: Double = 0.9999, minInstances: Int = 30) {
        precondition(
            delta >= 0 && threshold > 0 && fading > 0 && fading <= 1 && minInstances >= 0,
            "PageHinkley: need delta ≥ 0, threshold > 0, 0 < fading ≤ 1, minInstances ≥ 0")
        self.delta = delta
        self.threshold = threshold
        self.fading = fading
        self.minInstances = minInstances
    }

    @inlinable
    public mutating func update(_ value: Double, at timestamp: Timestamp) -> Double {
        guard _health.admit(value, at: timestamp) else { return 0 }
        count &+= 1
        mean += (value - mean) / Double(count)
        let d = value - mean
        sumUp = fading * sumUp + (d - delta)
        sumDown = fading * sumDown + (-d - delta)
        minUp = min(minUp, sumUp)
        minDown = min(minDown, sumDown)
        guard count >= minInstances else { return 0 }
        let ph = max(sumUp - minUp, sumDown - minDown)
        if ph > threshold {
            _alarms &+= 1
            mean = 0
            count = 0
            sumUp = 0
            sumDown = 0
            minUp = .infinity
            minDown = 1
            return 1
        }
        return TailTransform.clampedRatio(ph / threshold)
    }
}
