public import AntibodyCore
import Foundation

/// A small built-in detector: the z-score of each log return against an exponentially weighted
/// mean and variance of the previous returns, mapped to a score `erf(|z| / √2)` = P(|Z| < |z|) under
/// a normal model (0.999999 ≈ |z| 4.9). Causal, O(1), allocation-free. Used until the streaming
/// detectors of `AntibodyDetect` are wired in; any ``Detector`` plugs in the same way.
///
/// The standard deviation is floored at `minimumDeviation` (default 10⁻⁴, a 0.01 % move), so that
/// a series quantised to ticks (a stablecoin at 1.0000 for an hour) does not score its next tick
/// as infinitely surprising.
public struct EwmaZDetector: Detector, Hashable {
    /// Weight of each new return, `2 / (span + 1)`.
    public let alpha: Double
    /// Returns seen before scoring starts.
    public let warmUp: Int
    /// Smallest standard deviation of log returns assumed.
    public let minimumDeviation: Double
    private var previous: Double?
    private var mean = 0.0
    private var variance = 0.0
    private var count = 0

    /// A detector with an EWMA span of `span` samples (≥ 2).
    public init(span: Int, minimumDeviation: Double = 1e-4) {
        alpha = 2 / (Double(max(2, span)) + 1)
        warmUp = min(max(2, span), 30)
        self.minimumDeviation = max(0, minimumDeviation)
    }

    public mutating func update(_ value: Double, at timestamp: Timestamp) -> Double {
        guard value.isFinite, value > 0 else { return 1 }
        defer { previous = value }
        guard let previous else { return 0 }
        let r = log(value / previous)
        var score = 0.0
        if count >= warmUp {
            let sd = max(variance.squareRoot(), minimumDeviation)
            if sd > 0 {
                score = erf(abs(r - mean) / sd / 2.0.squareRoot())
            } else if r != mean {
                score = 1
            }
        }
        let delta = r - mean
        mean += alpha * delta
        variance = (1 - alpha) * (variance + alpha * delta * delta)
        count += 1
        return score
    }
}
