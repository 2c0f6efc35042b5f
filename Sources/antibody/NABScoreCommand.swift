import AntibodyDetect
import ArgumentParser
import Foundation

/// `antibody nab score`: NAB v1.1 scoring of a results folder.
struct NABScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Score a NAB results folder exactly as NAB v1.1 does.",
        discussion: """
            Reads <results>/<detector>/<category>/<detector>_<file>.csv for every detector folder \
            (or only --detector), applies NAB's windows, probation and the three profiles, chooses \
            each profile's threshold by NAB's optimiser (or takes it from --thresholds, NAB's \
            config/thresholds.json format) and normalises against the null and the perfect detector. \
            --json prints {detector: {profile: score}} like NAB's final_results.json.
            """
    )

    @Option(help: "The results folder (one sub-folder per detector).")
    var results: String

    @Option(help: "The NAB folder holding labels/combined_windows.json (default: the parent of --results).")
    var data: String?

    @Option(help: "Score only this detector folder.")
    var detector: String?

    @Option(help: "Use the thresholds in this file (NAB's config/thresholds.json format) instead of optimising.")
    var thresholds: String?

    @Option(help: "Without --thresholds: sweep (NAB v1.1, global) or twiddle (NAB's earlier hill-climber).")
    var optimiser: String = "sweep"

    @Flag(help: "Print JSON like NAB's final_results.json.")
    var json = false

    func validate() throws {
        guard NABEvaluation.Optimiser(rawValue: optimiser) != nil else {
            throw CommandFailure.badInput("--optimiser must be 'sweep' or 'twiddle', not '\(optimiser)'")
        }
    }

    func run() throws {
        try CommandFailure.run {
            let nab = data ?? (results as NSString).deletingLastPathComponent
            let labels = try NABLabels.load(path: nab + "/labels/combined_windows.json")
            let fixed = try thresholds.map { try NABEvaluation.loadThresholds(path: $0) }
            let names = try detector.map { [$0] } ?? NABEvaluation.detectors(in: results)
            guard !names.isEmpty else { throw DetectError.missing("\(results): no detector folders with results") }
            var scores: [NABEvaluation.DetectorScore] = []
            for name in names {
                var perProfile: [String: Double]?
                if let fixed {
                    guard let entry = fixed[name] else {
                        throw DetectError.missing("\(thresholds ?? ""): no thresholds for detector '\(name)'")
                    }
                    perProfile = entry
                }
                let files = try NABEvaluation.loadFiles(results: results, detector: name, labels: labels)
                scores.append(
                    NABEvaluation.evaluate(
                        detector: name, files: files, windowCount: labels.windowCount, thresholds: perProfile,
                        optimiser: NABEvaluation.Optimiser(rawValue: optimiser) ?? .sweep))
            }
            if json { printJSON(scores) } else { printTable(scores) }
        }
    }

    private func printJSON(_ scores: [NABEvaluation.DetectorScore]) {
        var lines: [String] = []
        for score in scores {
            let profiles = score.profiles.map { "\"\($0.profile.name)\": \($0.normalised)" }.joined(separator: ", ")
            lines.append("  \"\(score.detector)\": {\(profiles)}")
        }
        print("{\n" + lines.joined(separator: ",\n") + "\n}")
    }

    private func printTable(_ scores: [NABEvaluation.DetectorScore]) {
        func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : s + String(repeating: " ", count: n - s.count) }
        func fmt(_ v: Double, _ digits: Int = 2) -> String { String(format: "%.\(digits)f", v) }
        print(
            pad("detector", 22) + pad("standard", 10) + pad("low FP", 10) + pad("low FN", 10)
                + "thresholds (std/lowFP/lowFN)")
        for score in scores {
            var line = pad(score.detector, 22)
            for p in score.profiles { line += pad(fmt(p.normalised), 10) }
            line += score.profiles.map { fmt($0.outcome.threshold, 6) }.joined(separator: " / ")
            print(line)
        }
        print("")
        print(
            pad("detector", 22) + pad("profile", 20) + pad("raw", 12) + pad("null", 9) + "TP rows / FP rows / FN rows")
        for score in scores {
            for p in score.profiles {
                print(
                    pad(score.detector, 22) + pad(p.profile.name, 20) + pad(fmt(p.outcome.score, 4), 12)
                        + pad(fmt(p.nullScore, 1), 9)
                        + "\(p.outcome.truePositives) / \(p.outcome.falsePositives) / \(p.outcome.falseNegatives)")
            }
        }
    }
}
