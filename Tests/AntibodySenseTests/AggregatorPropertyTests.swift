import AntibodyCore
import AntibodySense
import Testing

/// Randomised (seeded) adversarial sets: whatever a minority of sources reports, the verdict is either
/// untrusted or inside the range of the honest sources; and a colluding majority short of the
/// supermajority `⌈2n/3⌉` never gets its price. (A colluding supermajority can: that is the limit of
/// any vote, stated in docs/oracle-guard.md.)
@Suite struct AggregatorPropertyTests {
    let t0 = Timestamp(seconds: 1_700_000_000)

    @Test(arguments: [UInt64(1), 2, 3, 4, 5, 6, 7, 8])
    func minorityCannotMoveThePriceOutsideTheHonestRange(seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        for trial in 0..<200 {
            let n = Int.random(in: 3...9, using: &rng)
            let f = Int.random(in: 0...((n - 1) / 2), using: &rng)
            let truth = Double.random(in: 0.01...100_000, using: &rng)
            var aggregator = try SourceAggregator()
            let warm = (0..<n).map { SourceQuote(source: $0, price: truth, timestamp: t0) }
            #expect(aggregator.aggregate(warm, now: t0).price == truth)
            let now = t0.advanced(by: .seconds(10))
            let attackers = Set((0..<n).shuffled(using: &rng).prefix(f))
            let colluding = Bool.random(using: &rng)
            let attackPrice = truth * Double.random(in: 0.001...1_000, using: &rng)
            var honest: [Double] = []
            var quotes: [SourceQuote] = []
            for source in 0..<n {
                let price: Double
                if attackers.contains(source) {
                    price = colluding ? attackPrice : truth * Double.random(in: 0.001...1_000, using: &rng)
                } else {
                    price = truth * (1 + Double.random(in: -0.001...0.001, using: &rng))
                    honest.append(price)
                }
                quotes.append(SourceQuote(source: source, price: price, timestamp: now))
            }
            let verdict = aggregator.aggregate(quotes, now: now)
            if let price = verdict.price {
                #expect(
                    price >= honest.min()! && price <= honest.max()!,
                    "seed \(seed) trial \(trial): n \(n) f \(f) price \(price) honest \(honest)")
            }
        }
    }

    @Test(arguments: [UInt64(11), 12, 13, 14])
    func colludingMajorityNeverGetsItsPrice(seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        for _ in 0..<200 {
            let n = [5, 7, 8, 9, 10, 11].randomElement(using: &rng)!
            let supermajority = (2 * n + 2) / 3
            let f = Int.random(in: (n / 2 + 1)...(supermajority - 1), using: &rng)
            let truth = Double.random(in: 0.01...100_000, using: &rng)
            var factor = Double.random(in: 0.01...100, using: &rng)
            if abs(factor - 1) < 0.2 { factor = 2 }
            var aggregator = try SourceAggregator()
            _ = aggregator.aggregate((0..<n).map { SourceQuote(source: $0, price: truth, timestamp: t0) }, now: t0)
            let now = t0.advanced(by: .seconds(10))
            let quotes = (0..<n).map { SourceQuote(source: $0, price: $0 < f ? truth * factor : truth, timestamp: now) }
            let verdict = aggregator.aggregate(quotes, now: now)
            #expect(verdict.price == nil || verdict.price == truth)
            #expect(verdict.price != truth * factor)
        }
    }
}
