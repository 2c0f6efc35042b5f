import AntibodyMath
import AntibodySim
import ArgumentParser
import Foundation

/// `antibody bench amm`: the AMM + arbitrageur workload (one step = one block: the reference
/// price moves by GBM and the arbitrageur trades the pool back toward it with exact integers).
struct BenchAMM: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "amm",
        abstract: "Measure AMM + arbitrageur steps per second, or run a Monte Carlo of the model.",
        discussion: """
            Without --paths: runs --steps blocks on one core and prints steps per second \
            ({"stepsPerSecond": …} with --json). With --paths N: runs N independent paths of \
            --steps blocks across --workers cores (structured concurrency, a progress bar on \
            stderr) and prints mean, standard deviation, 95 % confidence interval and quantiles \
            of the arbitrageur's profit, the LPs' loss versus holding, the number of trades and \
            the final price gap.
            """
    )

    @Option(help: "Blocks to simulate (per path with --paths).") var steps: Int = 10_000_000
    @Option(help: "Monte Carlo paths (0 = single-core speed measurement).") var paths: Int = 0
    @Option(help: "Concurrent workers for --paths.") var workers: Int = 2
    @Option(help: "Base seed.") var seed: UInt64 = 42
    @Option(help: "Annual volatility of the reference price.") var volatility: Double = 0.8
    @Option(help: "Arbitrage gas cost in USD.") var gas: Double = 5
    @Flag(help: "Print JSON.") var json = false

    func validate() throws {
        guard (1...10_000_000_000).contains(steps) else { throw ValidationError("--steps must be 1…10,000,000,000") }
        guard (0...1_000_000).contains(paths) else { throw ValidationError("--paths must be 0…1,000,000") }
        guard (1...64).contains(workers) else { throw ValidationError("--workers must be 1…64") }
        guard volatility.isFinite, (0...10).contains(volatility) else {
            throw ValidationError("--volatility must be 0…10")
        }
        guard gas.isFinite, gas >= 0 else { throw ValidationError("--gas must be ≥ 0") }
    }

    // 10,000 ETH (18 decimals) against 20,000,000 USDC (6 decimals): $2,000 per ETH.
    static let reserve0: UInt256 = 10_000_000_000_000_000_000_000
    static let reserve1: UInt256 = 20_000_000_000_000

    func makeModel(seed: UInt64) throws -> AMMArbitrageModel {
        try AMMArbitrageModel(
            reserve0: Self.reserve0, reserve1: Self.reserve1, volatility: volatility, gasCost: gas * 1e6, seed: seed)
    }

    func run() async throws {
        if paths == 0 {
            var model = try makeModel(seed: seed)
            let clock = ContinuousClock()
            let start = clock.now
            model.run(blocks: steps)
            let elapsed = start.duration(to: clock.now)
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            let rate = Double(steps) / seconds
            if json {
                print(
                    #"{"stepsPerSecond": \#(rate.rounded()), "steps": \#(steps), "seconds": \#(seconds), "#
                        + #""trades": \#(model.trades), "finalGap": \#(model.priceGap)}"#)
            } else {
                print(
                    "AMM + arbitrageur: \(steps) blocks in \(String(format: "%.3f", seconds)) s = "
                        + "\(String(format: "%.2f", rate / 1e6)) M steps/s (\(model.trades) trades)")
            }
            return
        }
        let mc = try MonteCarlo(
            paths: paths, seed: seed, workers: workers,
            metricNames: ["arbitrageProfitUSD", "lpLossVersusHoldUSD", "trades", "finalPriceGap"])
        let bar = ProgressBar(total: paths, label: "amm paths")
        let vol = volatility, gasUSD = gas, blocks = steps
        let (_, summaries) = try await mc.run(progress: { bar.update($0) }) { _, rng in
            var model = try AMMArbitrageModel(
                reserve0: Self.reserve0, reserve1: Self.reserve1, volatility: vol, gasCost: gasUSD * 1e6,
                seed: rng.next())
            model.run(blocks: blocks)
            return [
                model.arbitrageProfit / 1e6,
                model.lossVersusHolding(initialReserve0: Self.reserve0, initialReserve1: Self.reserve1) / 1e6,
                Double(model.trades), model.priceGap,
            ]
        }
        bar.finish()
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            print(String(decoding: try encoder.encode(summaries), as: UTF8.self))
        } else {
            for s in summaries {
                print(
                    "\(s.name): mean \(fmt(s.mean)) [95% CI \(fmt(s.confidenceInterval95[0])), "
                        + "\(fmt(s.confidenceInterval95[1]))], p5 \(fmt(s.quantiles["p5"]!)), "
                        + "p50 \(fmt(s.quantiles["p50"]!)), p95 \(fmt(s.quantiles["p95"]!))")
            }
        }
    }

    private func fmt(_ x: Double) -> String { String(format: "%.4g", x) }
}
