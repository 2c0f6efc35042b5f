import ArgumentParser

/// `antibody oracle`: the oracle guard's commands.
struct OracleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "oracle",
        abstract: "Validate oracle prices: replay recorded feed rounds and source quotes through the guard.",
        subcommands: [OracleCheckCommand.self]
    )
}
