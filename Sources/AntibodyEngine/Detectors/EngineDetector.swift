public import AntibodyCore
import AntibodyDetect
import Foundation

/// The detectors a policy can configure, dispatched statically (no existentials on the hot path)
/// and mutated in place (no copy of a detector's window per update): one stored optional per
/// algorithm, exactly one of which is set. Detectors from `AntibodyDetect` see either the raw
/// value or its log return, as the policy's `input` says.
public struct EngineDetector: Detector {
    private var returnZ: EwmaZDetector?
    private var priceJump: PriceJumpDetector?
    private var ewmaZ: EWMAZScore?
    private var robustZ: RobustZScore?
    private var cusum: CUSUM?
    private var pageHinkley: PageHinkley?
    private var ks: WindowedKS?
    private var volatility: VolatilityRegime?
    private var levelShift: LevelShift?
    private var flatLine: FlatLine?
    private var ensemble: LikelihoodEnsemble?
    private let logReturns: Bool
    private var previous: Double = .nan

    /// The detector a policy entry describes.
    public init(_ spec: Policy.DetectorSpec) {
        logReturns = spec.kind.isFromDetect && spec.input == .logReturn
        let w = max(2, spec.window)
        switch spec.kind {
        case .returnZ: returnZ = EwmaZDetector(span: w)
        case .priceJump: priceJump = PriceJumpDetector(lookback: w, maxMove: spec.maxMove)
        case .ewmaZ: ewmaZ = EWMAZScore(alpha: 2 / (Double(w) + 1))
        case .robustZ: robustZ = RobustZScore(window: w)
        case .cusum: cusum = CUSUM()
        case .pageHinkley: pageHinkley = PageHinkley()
        case .ks: ks = WindowedKS(window: w)
        case .volatility: volatility = VolatilityRegime()
        case .levelShift: levelShift = LevelShift(window: w)
        case .flatLine: flatLine = FlatLine()
        case .ensemble: ensemble = LikelihoodEnsemble()
        }
    }

    public mutating func update(_ value: Double, at timestamp: Timestamp) -> Double {
        if returnZ != nil { return returnZ!.update(value, at: timestamp) }
        if priceJump != nil { return priceJump!.update(value, at: timestamp) }
        var x = value
        if logReturns {
            defer { previous = value }
            guard previous.isFinite, previous > 0, value > 0 else { return 0 }
            x = log(value / previous)
        }
        if ewmaZ != nil { return ewmaZ!.update(x, at: timestamp) }
        if robustZ != nil { return robustZ!.update(x, at: timestamp) }
        if cusum != nil { return cusum!.update(x, at: timestamp) }
        if pageHinkley != nil { return pageHinkley!.update(x, at: timestamp) }
        if ks != nil { return ks!.update(x, at: timestamp) }
        if volatility != nil { return volatility!.update(x, at: timestamp) }
        if levelShift != nil { return levelShift!.update(x, at: timestamp) }
        if flatLine != nil { return flatLine!.update(x, at: timestamp) }
        return ensemble!.update(x, at: timestamp)
    }
}
