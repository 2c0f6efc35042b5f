extension HaircutController {
    /// Which annualised volatility drives the target LTV.
    public enum VolatilitySource: String, Hashable, Sendable, CaseIterable {
        /// The controller's own EWMA of squared log returns (λ = ``Configuration/lambda``).
        case ewma
        /// The forecast that arrives with each sample (the EWMA until one arrives).
        case forecast
        /// The larger of the EWMA and the forecast: the forecast can only tighten, never loosen.
        case max
    }
}
