import AntibodyModels
import AntibodySim
import ArgumentParser
import Foundation

/// `antibody models eval`: the model-security evaluation (clean, poisoning, evasion, extraction,
/// input validation, volatility forecaster) on simulated traffic.
struct ModelsEvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Evaluate the detectors: clean accuracy, poisoning, evasion, extraction, input shift.",
        discussion: """
            Trains the MLP (12→24→1) and logistic classifiers on simulated traffic and attacks them. \
            Operating thresholds are chosen on a validation split (≤ 0.5 % false positives), never \
            on the test split. Deterministic for --seed (xoshiro256** streams seed+k). \
            --poisoning-split validation measures the poisoning rows on the validation split instead: \
            it is for choosing defence settings; the published figures use test. The replay \
            section evaluates the same archetype-trained models on traffic recorded from full \
            simulated runs (market agents and attack scenarios), and models trained on that traffic.
            """
    )

    @Option(help: "Seed.") var seed: UInt64 = 0
    @Option(help: "Scale of the data sizes (0.05…4; 1 = 8,000 training rows).") var scale = 1.0
    @Option(
        help: ArgumentHelp(
            "Split the poisoning rows are measured on: test or validation.",
            discussion: "validation is for choosing defence settings; the published figures use test."))
    var poisoningSplit = "test"
    @Flag(help: "Print JSON.") var json = false
    @Flag(
        inversion: .prefixedNo,
        help: "Also evaluate on traffic replayed from full simulated runs (the `replay` section).")
    var replay = true

    func validate() throws {
        guard scale.isFinite, (0.05...4).contains(scale) else {
            throw CommandFailure.badInput("--scale must be 0.05…4")
        }
        guard PoisoningSplit(rawValue: poisoningSplit) != nil else {
            throw CommandFailure.badInput("--poisoning-split must be test or validation, not \(poisoningSplit)")
        }
    }

    func run() throws {
        do {
            let data = try ModelTraffic.evaluationData(seed: seed, scale: scale)
            let bar = ProgressBar(total: replay ? 12 : 11, label: "evaluating")
            var settings = EvaluationSettings()
            settings.poisoningSplit = PoisoningSplit(rawValue: poisoningSplit) ?? .test
            var report = try ModelEvaluation.run(
                data: data, settings: settings, seed: seed,
                makeGenerator: { Xoshiro256StarStar(seed: seed &+ 1_000 &+ $0) },
                progress: { done, _, _ in bar.update(done) })
            if replay {
                report.replay = try ReplayEvaluation.run(
                    archetype: data, replay: try ModelTraffic.replayData(seed: seed, scale: scale),
                    settings: settings, makeGenerator: { Xoshiro256StarStar(seed: seed &+ 1_000 &+ $0) })
                bar.update(12)
            }
            bar.finish()
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys]
                print(String(decoding: try encoder.encode(report), as: UTF8.self))
            } else {
                print(ModelsReportText.render(report))
            }
        } catch let error as ModelError {
            CLI.fail(error.message, code: error.isBadInput ? 2 : 1)
        } catch let error as SimError {
            CLI.fail(error.message, code: 2)
        }
    }
}
