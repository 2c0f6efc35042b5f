import AntibodyCore
import AntibodySense
import Foundation
import Testing

/// The aggregator over the real June 2022 crash (Binance BTC/USDT, 1-minute closes, BTC −20 % in a
/// day): three honest sources (the series and two copies with seeded ±2 bp noise) and one attacker that
/// quotes 15–40 % off at random minutes.
@Suite struct RealMarketTests {
    @Test(.enabled(if: MarketData.available, "needs shared/data/markets"))
    func crashWithAnAttackerNeverLeavesTheHonestBandOrRaisesFalseAlarms() throws {
        let path = try #require(MarketData.directory) + "/june-2022-crash/BTC_USDT_1m.csv"
        let series = try QuoteCSV.parse(String(contentsOfFile: path, encoding: .utf8), name: path)
        #expect(series.count == 12_960)
        var rng = SplitMix64(seed: 2022_06_13)
        var aggregator = try SourceAggregator()
        var quotes: [SourceQuote] = []
        var attacked = 0
        var untrusted = 0
        var okOrDegraded = 0
        for row in series {
            let now = row.timestamp
            quotes.removeAll(keepingCapacity: true)
            var honest: [Double] = [row.price]
            quotes.append(SourceQuote(source: 0, price: row.price, timestamp: now))
            for source in 1...2 {
                let price = row.price * (1 + Double.random(in: -0.0002...0.0002, using: &rng))
                honest.append(price)
                quotes.append(SourceQuote(source: source, price: price, timestamp: now))
            }
            var attacker = row.price * (1 + Double.random(in: -0.0002...0.0002, using: &rng))
            if Double.random(in: 0...1, using: &rng) < 0.05 {
                attacker = row.price * (Bool.random(using: &rng) ? 1.15 : 0.85) * Double.random(in: 1...1.2, using: &rng)
                attacked += 1
            }
            quotes.append(SourceQuote(source: 3, price: attacker, timestamp: now))
            let verdict = aggregator.aggregate(quotes, now: now)
            if let price = verdict.price {
                okOrDegraded += 1
                #expect(price >= honest.min()! && price <= honest.max()!, "\(RecordedTime.iso8601(now)): \(price)")
            } else {
                untrusted += 1
            }
        }
        #expect(attacked > 500)
        // Honest sources agree every minute, so the crash itself never makes the price untrusted.
        #expect(untrusted == 0)
        #expect(okOrDegraded == series.count)
    }
}
