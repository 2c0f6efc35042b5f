import AntibodyDetect
import ArgumentParser
import Foundation

/// `antibody nab run`: run detectors over the NAB corpus.
struct NABRunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run detectors over the NAB corpus and write results in NAB's results/ layout.",
        discussion: """
            Writes <out>/<detector>/<category>/<detector>_<file>.csv with the header \
            timestamp,value,anomaly_score,label. Without --detector it runs the recommended \
            configuration (named 'antibody'); --detector all runs every detector. --set name=value \
            changes a parameter of the recommended configuration (for tuning; the published scores \
            use none).
            """
    )

    @Option(help: "The NAB folder (holding data/ and labels/).")
    var data: String

    @Option(help: "A detector (\(DetectorKind.allCases.map(\.rawValue).joined(separator: ", "))) or 'all'.")
    var detector: String = DetectorKind.antibody.rawValue

    @Option(help: "The results folder to write into.")
    var out: String

    @Option(help: "Name of the results sub-folder (default: the detector's name).")
    var name: String?

    @Option(name: .customLong("set"), help: "name=value: a parameter of the recommended configuration.")
    var parameters: [String] = []

    @Flag(help: "Print a JSON summary.")
    var json = false

    func validate() throws {
        guard detector == "all" || DetectorKind(rawValue: detector) != nil else {
            throw CommandFailure.badInput(
                "unknown detector '\(detector)'; known: "
                    + DetectorKind.allCases.map(\.rawValue).joined(separator: ", ") + ", all")
        }
        for p in parameters where !p.contains("=") {
            throw CommandFailure.badInput("--set expects name=value, found '\(p)'")
        }
    }

    func run() throws {
        try CommandFailure.run {
            var ensemble = LikelihoodEnsemble.Configuration()
            for p in parameters {
                let parts = p.split(separator: "=", maxSplits: 1).map(String.init)
                try ensemble.set(parts[0], to: parts.count > 1 ? parts[1] : "")
            }
            let kinds = detector == "all" ? DetectorKind.allCases : [DetectorKind(rawValue: detector)!]
            var lines: [String] = []
            for kind in kinds {
                let folder = kinds.count == 1 ? (name ?? kind.rawValue) : kind.rawValue
                let start = Date()
                let summary = try NABRunner.run(nab: data, kind: kind, name: folder, out: out, ensemble: ensemble)
                let seconds = Date().timeIntervalSince(start)
                if json {
                    lines.append(
                        "{\"detector\": \"\(folder)\", \"files\": \(summary.files), \"rows\": \(summary.rows), "
                            + "\"skippedNonFinite\": \(summary.skippedNonFinite), "
                            + "\"repeatedOrDecreasingTimestamps\": \(summary.repeatedOrDecreasingTimestamps), "
                            + "\"seconds\": \(seconds)}")
                } else {
                    print(
                        "\(folder): \(summary.files) files, \(summary.rows) rows, "
                            + "\(summary.skippedNonFinite) non-finite skipped, "
                            + "\(summary.repeatedOrDecreasingTimestamps) repeated/decreasing timestamps, "
                            + String(format: "%.2f s", seconds))
                }
            }
            if json { print("[" + lines.joined(separator: ", ") + "]") }
        }
    }
}
