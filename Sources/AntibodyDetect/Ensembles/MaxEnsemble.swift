public import AntibodyCore

/// Two detectors on the same stream, combined by the larger score (nest it for more): an alarm
/// from either is an alarm. Both always see every value, so neither's state depends on the other.
///
/// **Complexity.** The sum of the two detectors' costs; no allocation of its own.
public struct MaxEnsemble<First: Detector, Second: Detector>: Detector {
    /// The first detector.
    public var first: First
    /// The second detector.
    public var second: Second

    /// Combines `first` and `second`.
    public init(_ first: First, _ second: Second) {
        self.first = first
        self.second = second
    }

    @inlinable
    public mutating func update(_ value: Double, at timestamp: Timestamp) -> Double {
        let a = first.update(value, at: timestamp)
        let b = second.update(value, at: timestamp)
        return max(a, b)
    }
}
