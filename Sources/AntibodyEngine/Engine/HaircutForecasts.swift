import AntibodyModels
import Foundation

/// The learned volatility forecasts the engine passes to its haircut controller: one
/// ``AntibodyModels/VolatilityForecaster`` per haircut asset, from the policy's signed
/// `responses.haircuts.forecaster`, fed each asset's log return between consecutive haircut samples.
///
/// A forecast is the model's per-step σ over its horizon annualised with the *nominal* sampling
/// interval: σ · √(365 · 86,400 / `sample_interval` seconds), the 365-day year of the controller's
/// own EWMA. (The engine samples at the first price at least `sample_interval` after the previous
/// sample, so with prices denser than the interval the spacing is the interval.) An asset's forecast
/// is `nan` — and the controller falls back to its EWMA — until its forecaster has seen the
/// controller's warm-up of returns. A price that is not finite and positive leaves its forecaster
/// untouched. Allocation-free after construction.
struct HaircutForecasts {
    private var forecasters: [VolatilityForecaster]
    private var lastPrices: [Double]
    /// The latest annualised forecast of each haircut asset, in the controller's asset order.
    private(set) var annualised: [Double]
    private let stepSeconds: Double
    private let warmUp: Int

    /// Forecasts for `spec`, or `nil` when it names no forecaster.
    init?(_ spec: Policy.HaircutSpec) {
        guard let artifact = spec.forecaster else { return nil }
        let n = spec.configuration.assets.count
        forecasters = Array(repeating: artifact.forecaster, count: n)
        lastPrices = Array(repeating: .nan, count: n)
        annualised = Array(repeating: .nan, count: n)
        stepSeconds = Double(artifact.sampleIntervalSeconds)
        warmUp = max(1, spec.configuration.warmUp)
    }

    /// Feeds one synchronous haircut sample (`prices` in the controller's asset order).
    mutating func sample(_ prices: [Double]) {
        for i in forecasters.indices where i < prices.count {
            let price = prices[i]
            guard price.isFinite, price > 0 else { continue }
            let last = lastPrices[i]
            lastPrices[i] = price
            guard last.isFinite, last > 0 else { continue }
            forecasters[i].update(log(price / last))
            annualised[i] =
                forecasters[i].returnsSeen >= warmUp
                ? forecasters[i].annualisedVolatility(stepSeconds: stepSeconds) : .nan
        }
    }
}
