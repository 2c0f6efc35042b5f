import ArgumentParser

/// `antibody nab`: run detectors on the Numenta Anomaly Benchmark and score the results.
struct NABCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nab",
        abstract: "Run detectors on the Numenta Anomaly Benchmark (NAB v1.1) and score them.",
        discussion: """
            `nab run` writes results in the layout of NAB's own results/ folder; `nab score` scores \
            such a folder (ours or NAB's official one) exactly as NAB v1.1 does.
            """,
        subcommands: [NABRunCommand.self, NABScoreCommand.self]
    )
}
