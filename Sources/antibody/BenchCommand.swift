import ArgumentParser

/// `antibody bench`: measure Antibody's hot paths on this machine.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure Antibody's hot paths on this machine.",
        discussion: """
            Plain timing loops for users to measure on their own hardware. The thresholds the \
            project holds itself to live in Benchmarks/ (make bench).
            """,
        subcommands: [
            BenchDetectorsCommand.self, BenchAMM.self, BenchMarket.self, BenchOracleCommand.self,
            BenchChainCommand.self,
        ]
    )
}
