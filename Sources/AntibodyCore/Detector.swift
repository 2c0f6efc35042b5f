/// A streaming anomaly detector: it sees one value at a time, in event-time order, and answers with
/// an anomaly score in `[0, 1]` (0 normal, 1 certainly anomalous).
///
/// Detectors are value types and are used through generics on hot paths (`some Detector`), never
/// as existentials. `update` must be O(1) or O(log w) in the window size and must not allocate in
/// steady state. It must be causal: the score for a value depends only on that value and the ones
/// before it.
public protocol Detector: Sendable {
    /// Feeds `value` observed at `timestamp` and returns its anomaly score in `[0, 1]`.
    mutating func update(_ value: Double, at timestamp: Timestamp) -> Double
}
