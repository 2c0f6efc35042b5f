import AntibodySim
import ArgumentParser
import Foundation

/// `antibody bench market`: the lending + AMM + 100-agent Monte Carlo with the engine off.
struct BenchMarket: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "market",
        abstract: "Run the lending + AMM + 100-agent Monte Carlo (engine off) and time it.",
        discussion: """
            Each path simulates --steps steps of --step-seconds (default: 8,760 hourly steps) of a \
            WETH/USDC pair and an Aave-like pool with an arbitrageur, 20 noise traders, 60 borrowers, \
            14 liquidators and 5 LPs under a GBM true price, with exact integer protocol maths. \
            Paths run across --workers cores; prints the wall time and, per metric, the mean, 95 % \
            confidence interval and quantiles.
            """
    )

    @Option(help: "Monte Carlo paths.") var paths: Int = 1_000
    @Option(help: "Steps per path.") var steps: Int = 8_760
    @Option(help: "Seconds per step.") var stepSeconds: Int64 = 3_600
    @Option(help: "Concurrent workers.") var workers: Int = 2
    @Option(help: "Base seed.") var seed: UInt64 = 42
    @Option(help: "Annual volatility of the true WETH price.") var volatility: Double = 0.8
    @Flag(help: "Print JSON.") var json = false

    func validate() throws {
        guard (1...1_000_000).contains(paths) else { throw ValidationError("--paths must be 1…1,000,000") }
        guard (1...1_000_000).contains(steps) else { throw ValidationError("--steps must be 1…1,000,000") }
        guard (1...86_400).contains(stepSeconds) else { throw ValidationError("--step-seconds must be 1…86,400") }
        guard (1...64).contains(workers) else { throw ValidationError("--workers must be 1…64") }
        guard volatility.isFinite, (0...10).contains(volatility) else {
            throw ValidationError("--volatility must be 0…10")
        }
    }

    func run() async throws {
        var parameters = MarketParameters()
        parameters.steps = steps
        parameters.stepSeconds = stepSeconds
        parameters.volatility = volatility
        let checked = try parameters.validated()
        let mc = try MonteCarlo(paths: paths, seed: seed, workers: workers, metricNames: MarketOutcome.metricNames)
        let bar = ProgressBar(total: paths, label: "market paths")
        let clock = ContinuousClock()
        let start = clock.now
        let (_, summaries) = try await mc.run(progress: { bar.update($0) }) { _, rng in
            var market = try LendingAMMMarket(parameters: checked, rng: rng)
            var defence = NoDefence()
            return try market.run(defence: &defence).values
        }
        bar.finish()
        let elapsed = start.duration(to: clock.now)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            let metrics = String(decoding: try encoder.encode(summaries), as: UTF8.self)
            print(
                #"{"paths": \#(paths), "steps": \#(steps), "agents": \#(checked.agentCount), "seconds": \#(seconds), "metrics": \#(metrics)}"#
            )
        } else {
            print(
                "\(paths) paths × \(steps) steps × \(checked.agentCount) agents in \(String(format: "%.2f", seconds)) s"
            )
            for s in summaries {
                print(
                    "  \(s.name): mean \(fmt(s.mean)) [95% CI \(fmt(s.confidenceInterval95[0])), "
                        + "\(fmt(s.confidenceInterval95[1]))] p5 \(fmt(s.quantiles["p5"]!)) p50 \(fmt(s.quantiles["p50"]!)) "
                        + "p95 \(fmt(s.quantiles["p95"]!))")
            }
        }
    }

    private func fmt(_ x: Double) -> String { String(format: "%.4g", x) }
}
