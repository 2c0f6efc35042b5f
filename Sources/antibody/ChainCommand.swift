import ArgumentParser

/// `antibody chain`: commands against an EVM chain over JSON-RPC.
struct ChainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chain",
        abstract: "Run Antibody against an EVM chain over JSON-RPC (the local devchain for drills).",
        subcommands: [ChainDrillCommand.self]
    )
}
