import ArgumentParser

/// `antibody bench`: built-in performance workloads.
struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Run built-in performance workloads.",
        subcommands: [BenchAMM.self]
    )
}
