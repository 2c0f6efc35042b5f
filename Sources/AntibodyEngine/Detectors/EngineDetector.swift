public import AntibodyCore

/// The detectors a policy can configure, as an enum so the engine dispatches statically (no
/// existentials on the hot path). A new algorithm is a new case.
public enum EngineDetector: Detector, Hashable {
    case ewmaZ(EwmaZDetector)
    case priceJump(PriceJumpDetector)

    /// The detector a policy entry describes.
    public init(_ spec: Policy.DetectorSpec) {
        switch spec.kind {
        case .ewmaZ: self = .ewmaZ(EwmaZDetector(span: spec.window))
        case .priceJump: self = .priceJump(PriceJumpDetector(lookback: spec.window, maxMove: spec.maxMove))
        }
    }

    @inlinable
    public mutating func update(_ value: Double, at timestamp: Timestamp) -> Double {
        switch self {
        case .ewmaZ(var d):
            let s = d.update(value, at: timestamp)
            self = .ewmaZ(d)
            return s
        case .priceJump(var d):
            let s = d.update(value, at: timestamp)
            self = .priceJump(d)
            return s
        }
    }
}
