import Foundation

/// Whether pausing is worth it: the expected loss of going on against the cost of pausing.
///
/// * Expected loss of going on = P(attack | signal) × value at risk, where P(attack | signal) is a
///   logistic calibration of the signal strength s ∈ [0, 1]:
///   `1 / (1 + exp(−steepness × (s − midpoint)))`, clamped to [`floorProbability`, 1].
/// * Cost of pausing = hours × (fees lost per hour + cost per hour to users who cannot repay or
///   withdraw) + bad debt expected from liquidations that cannot happen during the pause.
///
/// Pause when the expected loss exceeds the cost. Every alert carries the numbers (``Assessment``).
public struct PauseDecision: Hashable, Sendable {
    /// Calibration and cost settings, from the policy.
    public struct Configuration: Hashable, Sendable {
        /// Signal strength at which P(attack) = ½.
        public var midpoint: Double
        /// Slope of the calibration.
        public var steepness: Double
        /// Lowest probability ever assumed (base rate), e.g. 0.001.
        public var floorProbability: Double
        /// Expected pause length, in hours.
        public var expectedPauseHours: Double
        /// Protocol fees lost per paused hour, USD.
        public var feesPerHourUSD: Double
        /// Cost per paused hour to users who cannot act, USD.
        public var userCostPerHourUSD: Double

        /// Settings with all fields; see the type's documentation.
        public init(
            midpoint: Double = 0.8, steepness: Double = 12, floorProbability: Double = 0.001,
            expectedPauseHours: Double, feesPerHourUSD: Double, userCostPerHourUSD: Double
        ) {
            self.midpoint = midpoint
            self.steepness = steepness
            self.floorProbability = floorProbability
            self.expectedPauseHours = expectedPauseHours
            self.feesPerHourUSD = feesPerHourUSD
            self.userCostPerHourUSD = userCostPerHourUSD
        }
    }

    /// The numbers behind one decision.
    public struct Assessment: Hashable, Sendable, Codable {
        /// Signal strength in [0, 1].
        public var signal: Double
        /// Calibrated probability of an attack.
        public var probability: Double
        /// Value at risk, USD.
        public var valueAtRiskUSD: Double
        /// probability × value at risk, USD.
        public var expectedLossUSD: Double
        /// Hours × hourly costs, USD.
        public var pauseOperatingCostUSD: Double
        /// Bad debt from liquidations blocked during the pause, USD.
        public var blockedLiquidationBadDebtUSD: Double
        /// Total cost of pausing, USD.
        public var pauseCostUSD: Double
        /// Whether to pause.
        public var shouldPause: Bool

        /// As evidence for a decision record.
        public var evidence: [String: Double] {
            [
                "signal": signal, "probability": probability, "valueAtRiskUSD": valueAtRiskUSD,
                "expectedLossUSD": expectedLossUSD, "pauseCostUSD": pauseCostUSD,
                "blockedLiquidationBadDebtUSD": blockedLiquidationBadDebtUSD,
            ]
        }
    }

    /// Settings.
    public let configuration: Configuration

    /// A decision rule with `configuration`.
    public init(_ configuration: Configuration) {
        self.configuration = configuration
    }

    /// Calibrated P(attack) for signal strength `signal` (NaN counts as 1).
    public func probability(signal: Double) -> Double {
        let c = configuration
        guard signal.isFinite else { return 1 }
        let s = Swift.min(1, Swift.max(0, signal))
        let p = 1 / (1 + exp(-c.steepness * (s - c.midpoint)))
        return Swift.min(1, Swift.max(c.floorProbability, p))
    }

    /// Cost of pausing for the configured hours, given the bad debt blocked liquidations would cause.
    public func pauseCost(blockedLiquidationBadDebtUSD: Double) -> Double {
        let c = configuration
        return c.expectedPauseHours * (c.feesPerHourUSD + c.userCostPerHourUSD)
            + Swift.max(0, blockedLiquidationBadDebtUSD)
    }

    /// Assesses pausing now.
    public func assess(signal: Double, valueAtRiskUSD: Double, blockedLiquidationBadDebtUSD: Double = 0) -> Assessment {
        let p = probability(signal: signal)
        let loss = p * Swift.max(0, valueAtRiskUSD)
        let operating =
            configuration.expectedPauseHours * (configuration.feesPerHourUSD + configuration.userCostPerHourUSD)
        let cost = pauseCost(blockedLiquidationBadDebtUSD: blockedLiquidationBadDebtUSD)
        return Assessment(
            signal: signal, probability: p, valueAtRiskUSD: valueAtRiskUSD, expectedLossUSD: loss,
            pauseOperatingCostUSD: operating,
            blockedLiquidationBadDebtUSD: Swift.max(0, blockedLiquidationBadDebtUSD), pauseCostUSD: cost,
            shouldPause: loss > cost)
    }
}
