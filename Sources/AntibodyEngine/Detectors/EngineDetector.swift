public import AntibodyCore

/// The detectors a policy can configure, dispatched statically (no existentials on the hot path)
/// and mutated in place (no copy of a detector's window per update). A new algorithm is a new
/// stored property and a new branch.
public struct EngineDetector: Detector, Hashable {
    private var ewmaZ: EwmaZDetector?
    private var priceJump: PriceJumpDetector?

    /// The detector a policy entry describes.
    public init(_ spec: Policy.DetectorSpec) {
        switch spec.kind {
        case .ewmaZ: ewmaZ = EwmaZDetector(span: spec.window)
        case .priceJump: priceJump = PriceJumpDetector(lookback: spec.window, maxMove: spec.maxMove)
        }
    }

    public mutating func update(_ value: Double, at timestamp: Timestamp) -> Double {
        if ewmaZ != nil { return ewmaZ!.update(value, at: timestamp) }
        return priceJump!.update(value, at: timestamp)
    }
}
