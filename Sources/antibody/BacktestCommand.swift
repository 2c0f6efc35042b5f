import AntibodyCore
import AntibodyEngine
import ArgumentParser
import Foundation

/// `antibody backtest --policy <p.toml> --prices ASSET=<csv>…`.
struct BacktestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backtest",
        abstract: "Run a policy's engine over recorded price series and report alarms, pauses and their cost.",
        discussion: """
            Each --prices names a CSV with header timestamp,price[,source] (or exchange candles with \
            a close column); timestamps are ISO-8601 or Unix seconds. The asset is ASSET in \
            ASSET=<csv>, or else the file name up to its first '_' or '.'. It must be one of the \
            policy's assets. --json prints alarms, pauses, breakerTrips and pauseCostUSD.
            """
    )

    @Option(help: "The policy file (TOML).")
    var policy: String

    @Option(name: .customLong("prices"), help: "A price series: ASSET=<csv> or <csv>. Repeatable.")
    var prices: [String] = []

    @Flag(help: "Print the report as JSON.")
    var json = false

    @Flag(help: "Do not draw a progress bar.")
    var noProgress = false

    func validate() throws {
        guard !prices.isEmpty else { throw ValidationError("give at least one --prices ASSET=<csv>") }
    }

    func fail(_ message: String) -> ExitCode {
        CommandFailure.printError("antibody backtest: \(message)")
        return ExitCode(2)
    }

    func run() throws {
        let loaded: Policy
        switch PolicyCheckCommand.load(policy) {
        case .success(let p): loaded = p
        case .failure(let error):
            CommandFailure.printError(error.description)
            throw ExitCode(2)
        }
        var series: [PriceSeries] = []
        for argument in prices {
            let asset: String
            let path: String
            if let eq = argument.firstIndex(of: "="), !argument[..<eq].contains("/") {
                asset = String(argument[..<eq])
                path = String(argument[argument.index(after: eq)...])
            } else {
                path = argument
                let name = path.split(separator: "/").last.map(String.init) ?? path
                asset = String(name.prefix { $0 != "_" && $0 != "." })
            }
            guard loaded.assets.contains(asset) else {
                throw fail(
                    "asset '\(asset)' (from \(argument)) is not in the policy's assets "
                        + "(\(loaded.assets.joined(separator: ", "))); name it with --prices ASSET=\(path)")
            }
            guard !series.contains(where: { $0.asset == asset }) else {
                throw fail("asset '\(asset)' is given twice; give one series per asset")
            }
            do {
                series.append(try PriceCSV.read(path: path, asset: asset))
            } catch {
                throw fail(error.description)
            }
        }
        let total = series.reduce(0) { $0 + $1.prices.count }
        // The shared bar is silent when stderr is not a terminal.
        let bar = !noProgress && total >= 20_000 ? ProgressBar(total: total, label: "backtest") : nil
        let report = Backtest.run(
            policy: loaded, series: series,
            progress: bar.map { bar in { done, _ in bar.update(done) } })
        bar?.finish()
        print(json ? Self.json(report, policy: loaded) : Self.table(report, policy: loaded, series: series))
    }

    static func iso(_ t: Timestamp) -> String {
        let date = Date(timeIntervalSince1970: t.secondsDouble)
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }

    static func json(_ r: BacktestReport, policy: Policy) -> String {
        JSONText.object([
            ("policy", .string(policy.name)), ("start", .string(iso(r.start))), ("end", .string(iso(r.end))),
            ("events", .number(Double(r.events))), ("rejected", .number(Double(r.rejected))),
            (
                "alarms",
                .array(
                    r.alarms.map { a in
                        .object([
                            ("timestamp", .string(iso(a.timestamp))), ("asset", .string(a.asset)),
                            ("detector", .string(a.detector)), ("severity", .string(a.severity.rawValue)),
                            ("score", .number(a.score)),
                        ])
                    })
            ),
            (
                "pauses",
                .array(
                    r.pauses.map { p in
                        .object([
                            ("start", .string(iso(p.start))), ("end", .string(iso(p.end))), ("hours", .number(p.hours)),
                            ("scope", .string(p.scope)), ("reason", .string(p.reason)), ("costUSD", .number(p.costUSD)),
                        ])
                    })
            ),
            ("breakerTrips", .number(Double(r.breakerTrips))), ("suppressedTrips", .number(Double(r.suppressedTrips))),
            ("invariantViolations", .number(Double(r.invariantViolations))),
            ("parameterChanges", .number(Double(r.parameterChanges))), ("pauseCostUSD", .number(r.pauseCostUSD)),
            (
                "ltvChanges",
                .array(
                    r.ltvChanges.map { c in
                        .object([
                            ("timestamp", .string(iso(c.timestamp))), ("market", .string(c.market)),
                            ("ltv", .number(c.ltv)),
                        ])
                    })
            ),
        ]).rendered
    }

    static func table(_ r: BacktestReport, policy: Policy, series: [PriceSeries]) -> String {
        var out = "Backtest of \(policy.name)\n"
        out +=
            "  \(iso(r.start)) → \(iso(r.end)), \(r.events) events (\(r.rejected) rejected), "
            + series.map { "\($0.asset): \($0.prices.count)" }.joined(separator: ", ") + "\n\n"
        out += "  alarms              \(r.alarms.count)\n"
        out += "  breaker trips       \(r.breakerTrips) (\(r.suppressedTrips) suppressed as not worth pausing)\n"
        out += "  invariant failures  \(r.invariantViolations)\n"
        out += "  parameter changes   \(r.parameterChanges)\n"
        if let first = r.ltvChanges.first {
            out += "  first LTV change    \(iso(first.timestamp)) \(first.market) → \(first.ltv)\n"
        }
        let hours = r.pauses.reduce(0) { $0 + $1.hours }
        out += "  pauses              \(r.pauses.count), \(String(format: "%.2f", hours)) h in total\n"
        out += "  pause cost          \(String(format: "%.0f", r.pauseCostUSD)) USD\n"
        if !r.alarms.isEmpty {
            out += "\n  first alarms\n  timestamp              asset   detector         severity  score\n"
            for a in r.alarms.prefix(15) {
                out +=
                    "  \(iso(a.timestamp))  " + a.asset.padding(toLength: 7, withPad: " ", startingAt: 0) + " "
                    + a.detector.padding(toLength: 16, withPad: " ", startingAt: 0) + " "
                    + a.severity.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0) + " "
                    + String(format: "%.6f", a.score) + "\n"
            }
            if r.alarms.count > 15 { out += "  … \(r.alarms.count - 15) more (use --json)\n" }
        }
        if !r.pauses.isEmpty {
            out += "\n  pauses\n  start                  end                    hours   scope          reason\n"
            for p in r.pauses.prefix(15) {
                out +=
                    "  \(iso(p.start))  \(iso(p.end))  " + String(format: "%6.2f", p.hours) + "  "
                    + p.scope.padding(toLength: 14, withPad: " ", startingAt: 0) + " " + p.reason + "\n"
            }
            if r.pauses.count > 15 { out += "  … \(r.pauses.count - 15) more (use --json)\n" }
        }
        return out
    }
}
