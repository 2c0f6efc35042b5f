import AntibodyCore
import AntibodyDefense
import Foundation
import Testing

@Suite struct HaircutForecastInputTests {
    static func config(_ source: HaircutController.VolatilitySource) -> HaircutController.Configuration {
        HaircutController.Configuration(
            assets: ["WBTC"], baseLTV: [0.73], lambda: 0.97, referenceVolatility: 0.6, volatilitySensitivity: 0.2,
            maxStep: 0.02, minInterval: .hours(6), floor: 0.5, ceiling: 0.85, volatilitySource: source)
    }

    /// Hourly prices, calm (40 % a year) then a burst (200 %) from hour 200; `forecast(hour)` is what
    /// arrives with each sample. Returns the LTV changes.
    static func run(
        _ source: HaircutController.VolatilitySource, forecast: (Int) -> Double?
    ) -> [(hour: Int, ltv: Double)] {
        var controller = HaircutController(config(source))
        var rng = SeededNormals(state: 7)
        var price = 30_000.0
        var changes: [(Int, Double)] = []
        for hour in 0..<400 {
            price *= exp((hour < 200 ? 0.4 : 2.0) / 8_760.0.squareRoot() * rng.normal())
            let forecasts = forecast(hour).map { [$0] } ?? []
            let time = Timestamp(seconds: Int64(hour) * 3600)
            for action in controller.observe(prices: [price], forecasts: forecasts, at: time) {
                if case .setParameter("ltv", let value) = action.kind { changes.append((hour, value)) }
            }
        }
        return changes
    }

    /// An oracle forecast: the true volatility of the regime the next returns come from.
    static func oracle(_ hour: Int) -> Double? { hour < 200 ? 0.4 : 2.0 }

    @Test func ewmaIgnoresForecastsAndMatchesTheOldInterface() {
        let plain = Self.run(.ewma) { _ in nil }
        let given = Self.run(.ewma, forecast: Self.oracle)
        #expect(plain.map(\.hour) == given.map(\.hour) && plain.map(\.ltv) == given.map(\.ltv))
        #expect(!plain.isEmpty)
    }

    @Test func maxWithAnEarlierForecastTightensEarlier() throws {
        let ewma = Self.run(.ewma) { _ in nil }
        let max = Self.run(.max, forecast: Self.oracle)
        let first = try #require(max.first)
        #expect(first.hour == 200)
        #expect(first.hour < (ewma.first?.hour ?? .max))
        #expect(max.allSatisfy { $0.hour >= 200 })
    }

    @Test func maxNeverLoosensBelowTheEWMA() {
        let ewma = Self.run(.ewma) { _ in nil }
        let low = Self.run(.max) { _ in 0.0 }
        #expect(ewma.map(\.hour) == low.map(\.hour) && ewma.map(\.ltv) == low.map(\.ltv))
    }

    @Test func forecastAloneFollowsTheForecastAndFallsBackOnGarbage() {
        // A calm forecast holds the LTV through the burst; NaN / negative forecasts fall back to the EWMA.
        #expect(Self.run(.forecast) { _ in 0.3 }.isEmpty)
        let ewma = Self.run(.ewma) { _ in nil }
        for garbage in [Double.nan, -1, .infinity] {
            let fallback = Self.run(.forecast) { _ in garbage }
            #expect(fallback.map(\.hour) == ewma.map(\.hour) && fallback.map(\.ltv) == ewma.map(\.ltv))
        }
    }

    @Test func reasonNamesTheForecast() {
        var controller = HaircutController(Self.config(.max))
        var actions: [Action] = []
        for hour in 0..<20 {
            let price = hour % 2 == 0 ? 100.0 : 100.1
            actions += controller.observe(prices: [price], forecasts: [1.5], at: .init(seconds: Int64(hour) * 3600))
        }
        #expect(controller.drivingVolatility(0) == 1.5)
        #expect(actions.first?.reason.contains("max of EWMA") == true)
        #expect(actions.first?.reason.contains("forecast 1.5") == true)
    }
}
