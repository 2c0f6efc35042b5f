public import AntibodyCore
import Foundation

/// A small built-in detector: the absolute log change of the value over the last `lookback`
/// samples, relative to a maximum move — score `min(1, |ln(xₜ / xₜ₋ₙ)| / ln(1 + maxMove))`, so a
/// score of 1 means the value moved by at least `maxMove` (e.g. 5 %) within the look-back.
/// O(1) per update with a preallocated ring; allocation-free in steady state.
///
/// Until the window has filled, the look-back is the samples seen so far (from the second sample
/// on): a move of `maxMove` within fewer than `lookback` samples is a move of `maxMove` within the
/// look-back, so a newly started sentinel is not blind to a jump in its first window.
public struct PriceJumpDetector: Detector, Hashable {
    /// Samples of look-back.
    public let lookback: Int
    /// Fractional move that scores 1.
    public let maxMove: Double
    private let scale: Double
    private var ring: [Double]
    private var head = 0
    private var count = 0

    /// A detector over `lookback` samples (≥ 1) scoring 1 at a move of `maxMove` (> 0).
    public init(lookback: Int, maxMove: Double) {
        self.lookback = max(1, lookback)
        self.maxMove = maxMove
        scale = log1p(max(1e-9, maxMove))
        ring = Array(repeating: 0, count: max(1, lookback))
    }

    public mutating func update(_ value: Double, at timestamp: Timestamp) -> Double {
        guard value.isFinite, value > 0 else { return 1 }
        var score = 0.0
        if count > 0 {
            // The oldest sample in the window: the slot about to be overwritten once full, else the first.
            let old = count == lookback ? ring[head] : ring[0]
            score = min(1, abs(log(value / old)) / scale)
        }
        ring[head] = value
        head = (head + 1) % lookback
        count = min(count + 1, lookback)
        return score
    }
}
