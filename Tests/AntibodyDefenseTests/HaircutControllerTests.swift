import AntibodyCore
import AntibodyDefense
import Foundation
import Testing

/// SplitMix64 with Box–Muller normals; fixed seed, so the test is deterministic.
struct SeededNormals {
    var state: UInt64
    mutating func uniform() -> Double {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return (Double(z >> 11) + 0.5) / Double(1 << 53)
    }
    mutating func normal() -> Double {
        (-2 * log(uniform())).squareRoot() * cos(2 * Double.pi * uniform())
    }
}

@Suite struct HaircutControllerTests {
    @Test func risingCorrelationLowersLTVStepByStepWithinCaps() {
        let config = HaircutController.Configuration(
            assets: ["WETH", "WBTC"], baseLTV: [0.80, 0.80], lambda: 0.97, referenceVolatility: 0.6,
            volatilitySensitivity: 0.2, referenceCorrelation: 0.5, correlationSensitivity: 0.2, maxStep: 0.02,
            minInterval: .hours(6), floor: 0.70, ceiling: 0.85, thresholdSpread: 0.05, warmUp: 24, deadband: 0.01)
        var controller = HaircutController(config)
        var rng = SeededNormals(state: 42)
        var prices = [2_000.0, 30_000.0]
        let sigma = 0.004  // per hour: about 0.37 annualised, under the 0.6 reference
        var changes: [(Timestamp, String, Double)] = []
        for hour in 0..<600 {
            // Correlation 0 for 300 hours, then 0.95.
            let rho = hour < 300 ? 0.0 : 0.95
            let z1 = rng.normal()
            let z2 = rho * z1 + (1 - rho * rho).squareRoot() * rng.normal()
            prices[0] *= exp(sigma * z1)
            prices[1] *= exp(sigma * z2)
            let time = Timestamp(seconds: Int64(hour) * 3600)
            for action in controller.observe(prices: prices, at: time) {
                if case .setParameter("ltv", let value) = action.kind, case .market(let name) = action.scope {
                    changes.append((time, name, value))
                }
            }
            if hour == 299 {
                #expect(changes.isEmpty, "no haircut while uncorrelated and calm")
                #expect(abs(controller.correlation(0, 1)) < 0.4)
            }
        }
        #expect(controller.correlation(0, 1) > 0.85)
        for asset in ["WETH", "WBTC"] {
            let path = changes.filter { $0.1 == asset }
            #expect(path.count >= 4, "several steps for \(asset)")
            var previous = (Timestamp(seconds: -1_000_000), 0.80)
            for (time, _, value) in path {
                #expect(value < previous.1, "strictly lowering")
                #expect(previous.1 - value <= 0.02 + 1e-12, "max step")
                #expect(previous.0.duration(to: time) >= .hours(6), "min interval")
                #expect(value >= 0.70, "floor")
                previous = (time, value)
            }
            #expect(previous.1 < 0.74)
        }
    }

    @Test func capsClampTargetToFloorAndCeiling() {
        let config = HaircutController.Configuration(
            assets: ["A", "B"], baseLTV: [0.95, 0.5], maxStep: 0.5, minInterval: .hours(0), floor: 0.6, ceiling: 0.9,
            warmUp: 1)
        let controller = HaircutController(config)
        #expect(controller.ltv == [0.9, 0.6])
    }
}
