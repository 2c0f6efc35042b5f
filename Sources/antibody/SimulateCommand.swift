import AntibodyReport
import AntibodyScenario
import ArgumentParser
import Foundation

/// `antibody simulate [files…] [--json] [--report out.html] [--csv out.csv] [--seed n]`.
struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Replay attack and stress scenarios with the defence off and on; report the loss prevented.",
        discussion: """
            Each scenario (a TOML file, see docs/scenarios.md) runs twice with the same seed: without \
            a defence and with the real engine driven by the scenario's policy. With no file the \
            built-in set runs: scenarios/*.toml in the current directory, else next to or above the \
            executable, else $ANTIBODY_SCENARIOS. Prints a summary table (or --json), and writes a \
            self-contained HTML report with --report. Exit 2 on an invalid scenario file.
            """
    )

    @Argument(help: "Scenario files (TOML). Default: the built-in set.")
    var files: [String] = []

    @Flag(help: "Print the results as JSON.")
    var json = false

    @Option(help: "Write a self-contained HTML report to this file.")
    var report: String?

    @Option(help: "Write the results table as CSV to this file.")
    var csv: String?

    @Option(help: "Run every scenario with this seed instead of the one in its file.")
    var seed: UInt64?

    @Flag(help: "Do not draw a progress bar.")
    var noProgress = false

    static let notes = [
        "Every defended run uses the real engine (AntibodyEngine) with the scenario's policy file; it sees only "
            + "the simulator's observations (prices, share prices, outflows) and acts only through a protocol port "
            + "whose actions become the simulator's guardrails (pause, limit, liquidation pause).",
        "Losses are modelled at the scale the post-mortems report, not replayed from chain data: pools, markets, "
            + "vaults and bridges are simplified models with exact integer accounting where the simulator has it.",
        "Not modelled: gas auctions and mempool ordering, MEV, governance latency of a real multisig, the time "
            + "signers need to reach quorum (the pause is applied at the block the engine decides), attackers who "
            + "split one transaction across many accounts, and off-chain losses (depositors' panic, price impact "
            + "on other venues).",
        "A reactive defence cannot undo the first malicious transaction: an exploit completed in one transaction "
            + "is only prevented when the engine sees the manipulated input inside it (an oracle read), as in bZx.",
        "The adaptive attacker reads the published thresholds and stays under them; its result is shown as is.",
    ]

    func run() throws {
        var paths = files
        if paths.isEmpty {
            guard let folder = ScenarioLibrary.builtInFolder() else {
                FileHandle.standardError.write(
                    Data(
                        ("antibody simulate: no scenarios/ folder found in the current "
                            + "directory or beside the executable; give scenario files or set ANTIBODY_SCENARIOS\n")
                            .utf8))
                throw ExitCode(2)
            }
            paths = ScenarioLibrary.files(in: folder)
        }
        var specs: [ScenarioSpec] = []
        for path in paths {
            do {
                specs.append(try ScenarioLoader.load(contentsOf: path))
            } catch {
                // A built-in recorded control whose data folder is absent is skipped, not fatal: the
                // data set is not shipped with the repository (see docs/scenarios.md).
                if files.isEmpty, let missing = error.missingPath, missing != path {
                    FileHandle.standardError.write(
                        Data(
                            "antibody simulate: skipping \(path): its data file \(missing) is not present\n".utf8))
                    continue
                }
                CommandFailure.printError(error.description)
                throw ExitCode(2)
            }
        }
        let bar = noProgress || json ? nil : ProgressBar(total: specs.count, label: "simulate")
        var results: [ScenarioResult] = []
        for (i, spec) in specs.enumerated() {
            do {
                results.append(try ScenarioRunner.run(spec, seed: seed))
            } catch {
                CommandFailure.printError("antibody simulate: \(spec.file): the run failed: \(error)")
                throw ExitCode(1)
            }
            bar?.update(i + 1)
        }
        bar?.finish()
        let doc = SimulationReport(scenarios: results, notes: Self.notes)
        if let report {
            do {
                try HTMLReport.render(doc).write(toFile: report, atomically: true, encoding: .utf8)
            } catch {
                CommandFailure.printError("antibody simulate: cannot write \(report): \(error)")
                throw ExitCode(1)
            }
        }
        if let csv {
            do {
                try SimulationCSV.render(doc).write(toFile: csv, atomically: true, encoding: .utf8)
            } catch {
                CommandFailure.printError("antibody simulate: cannot write \(csv): \(error)")
                throw ExitCode(1)
            }
        }
        if json {
            print(SimulationJSON.render(doc))
        } else {
            print(Self.table(doc))
        }
    }

    static func money(_ x: Double) -> String {
        let a = abs(x)
        if a >= 1e6 { return String(format: "$%.2fM", x / 1e6) }
        if a >= 1e3 { return String(format: "$%.1fk", x / 1e3) }
        return String(format: "$%.0f", x)
    }

    static func seconds(_ x: Double?) -> String {
        guard let x else { return "–" }
        if x < 120 { return String(format: "%.0fs", x) }
        if x < 7200 { return String(format: "%.0fm", x / 60) }
        return String(format: "%.1fh", x / 3600)
    }

    static func pad(_ s: String, _ n: Int, right: Bool = false) -> String {
        let p = String(repeating: " ", count: max(0, n - s.count))
        return right ? p + s : s + p
    }

    static func table(_ r: SimulationReport) -> String {
        let w = max(10, r.scenarios.map(\.name.count).max() ?? 10)
        var lines = [
            pad("scenario", w) + "  kind     loss off    loss on  prevented  detect  contain  f.alarms  "
                + "f.pauses  pause h  liq.blk"
        ]
        for s in r.scenarios {
            lines.append(
                pad(s.name, w) + "  " + pad(s.kind.rawValue, 7) + pad(money(s.lossOffUSD), 10, right: true)
                    + pad(money(s.lossOnUSD), 11, right: true)
                    + pad(s.kind == .attack ? String(format: "%.1f%%", s.preventedPercent) : "–", 11, right: true)
                    + pad(seconds(s.detectSeconds), 8, right: true) + pad(seconds(s.containSeconds), 9, right: true)
                    + pad(String(s.falseAlarms), 10, right: true) + pad(String(s.falsePauses), 10, right: true)
                    + pad(String(format: "%.1f", s.pauseHours), 9, right: true)
                    + pad(String(s.liquidationsBlocked), 9, right: true))
        }
        lines.append("")
        let attacks = r.scenarios.filter { $0.kind == .attack }.count
        lines.append(
            "Loss prevented over \(attacks) attacks (loss-weighted): "
                + String(format: "%.1f%%", r.preventedPercent)
                + " (\(money(r.lossOffUSD - r.lossOnUSD)) of \(money(r.lossOffUSD)))")
        lines.append(
            "False pauses in \(r.scenarios.filter { $0.kind == .control }.count) calm controls: "
                + "\(r.falsePausesInControls) (false alarms: \(r.falseAlarmsInControls))")
        return lines.joined(separator: "\n")
    }
}
