import ArgumentParser

/// `antibody bench`: measure on this machine.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure Antibody's hot paths on this machine.",
        subcommands: [BenchDetectorsCommand.self]
    )
}
