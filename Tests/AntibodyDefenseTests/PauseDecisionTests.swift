import AntibodyDefense
import Foundation
import Testing

@Suite struct PauseDecisionTests {
    // 2 h × (1,000 fees + 4,000 users) = 10,000 USD to pause; 1,000,000 USD at risk.
    static let rule = PauseDecision(
        .init(
            midpoint: 0.8, steepness: 12, floorProbability: 0.001, expectedPauseHours: 2,
            feesPerHourUSD: 1_000, userCostPerHourUSD: 4_000))

    /// Signal at which P(attack) × VaR equals the pause cost: p* = cost / VaR, s* = m + ln(p*/(1−p*)) / k.
    func breakEven(cost: Double, valueAtRisk: Double) -> Double {
        let p = cost / valueAtRisk
        return 0.8 + log(p / (1 - p)) / 12
    }

    @Test func bothSidesOfBreakEven() {
        let s = breakEven(cost: 10_000, valueAtRisk: 1_000_000)
        #expect(abs(s - 0.41707) < 1e-4)
        let below = Self.rule.assess(signal: s - 0.01, valueAtRiskUSD: 1_000_000)
        let above = Self.rule.assess(signal: s + 0.01, valueAtRiskUSD: 1_000_000)
        #expect(!below.shouldPause && below.expectedLossUSD < below.pauseCostUSD)
        #expect(above.shouldPause && above.expectedLossUSD > above.pauseCostUSD)
        #expect(below.pauseCostUSD == 10_000 && above.pauseOperatingCostUSD == 10_000)
    }

    @Test func blockedLiquidationsRaiseTheBar() {
        let s = breakEven(cost: 60_000, valueAtRisk: 1_000_000)
        #expect(abs(s - 0.57069) < 1e-4)
        let below = Self.rule.assess(signal: s - 0.01, valueAtRiskUSD: 1_000_000, blockedLiquidationBadDebtUSD: 50_000)
        let above = Self.rule.assess(signal: s + 0.01, valueAtRiskUSD: 1_000_000, blockedLiquidationBadDebtUSD: 50_000)
        #expect(!below.shouldPause && above.shouldPause)
        #expect(above.pauseCostUSD == 60_000)
        // The same signal pauses when liquidations would not be blocked.
        #expect(Self.rule.assess(signal: s - 0.01, valueAtRiskUSD: 1_000_000).shouldPause)
    }

    @Test func numbersAtTheMidpointAndBounds() {
        let a = Self.rule.assess(signal: 0.8, valueAtRiskUSD: 1_000_000)
        #expect(a.probability == 0.5 && a.expectedLossUSD == 500_000 && a.shouldPause)
        #expect(Self.rule.probability(signal: 0) == max(0.001, 1 / (1 + exp(9.6))))
        #expect(Self.rule.probability(signal: .nan) == 1)
        #expect(Self.rule.assess(signal: 1, valueAtRiskUSD: 0).shouldPause == false)
        #expect(a.evidence["pauseCostUSD"] == 10_000)
    }
}
