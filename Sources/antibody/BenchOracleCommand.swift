import AntibodyCore
import AntibodySense
import ArgumentParser

/// `antibody bench oracle`: the oracle guard's hot path — one `PriceVerdict` over N sources.
struct BenchOracleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "oracle",
        abstract: "Measure oracle-guard verdicts per second (median, over batches).",
        discussion: """
            Aggregates --sources quotes (median, MAD outlier rejection, quorum, confidence weights, \
            reputation) --verdicts times in batches of 10,000 on one core, with one outlier in every \
            other set, and prints the median and 90th percentile time per verdict over the batches.
            """
    )

    @Option(help: "Sources per verdict (3…64).") var sources: Int = 7
    @Option(help: "Verdicts to run (multiple of 10,000).") var verdicts: Int = 2_000_000
    @Flag(help: "Print JSON.") var json = false

    func validate() throws {
        guard (3...64).contains(sources) else { throw ValidationError("--sources must be 3…64") }
        guard (10_000...1_000_000_000).contains(verdicts) else {
            throw ValidationError("--verdicts must be 10,000…1,000,000,000")
        }
    }

    func run() async throws {
        let t0 = Timestamp(seconds: 1_700_000_000)
        let sets: [[SourceQuote]] = (0..<8).map { k in
            (0..<sources).map { s in
                let outlier = s == sources - 1 && k % 2 == 0 ? 500.0 : 0
                let price = 2_000.0 + Double((s * 7 + k * 3) % 11) * 0.1 + outlier
                return SourceQuote(source: s, price: price, confidence: 0.5, timestamp: t0)
            }
        }
        var aggregator = try SourceAggregator(config: AggregatorConfig(capacity: max(16, sources)))
        var sink = 0.0
        for i in 0..<10_000 { sink += aggregator.aggregate(sets[i & 7], now: t0).price ?? 0 }
        let batch = 10_000
        var perVerdict: [Double] = []
        let clock = ContinuousClock()
        for _ in 0..<(verdicts / batch) {
            let start = clock.now
            for i in 0..<batch { sink += aggregator.aggregate(sets[i & 7], now: t0).price ?? 0 }
            let elapsed = start.duration(to: clock.now)
            let ns = Double(elapsed.components.seconds) * 1e9 + Double(elapsed.components.attoseconds) * 1e-9
            perVerdict.append(ns / Double(batch))
        }
        perVerdict.sort()
        let median = perVerdict[perVerdict.count / 2]
        let p90 = perVerdict[min(perVerdict.count - 1, perVerdict.count * 9 / 10)]
        if json {
            print(
                #"{"sources": \#(sources), "verdicts": \#(verdicts), "medianNanoseconds": \#(median), "#
                    + #""p90Nanoseconds": \#(p90), "checksum": \#(sink)}"#)
        } else {
            print(
                "oracle verdict over \(sources) sources: median \(Int(median.rounded())) ns, "
                    + "p90 \(Int(p90.rounded())) ns per verdict (\(verdicts) verdicts)")
        }
    }
}
