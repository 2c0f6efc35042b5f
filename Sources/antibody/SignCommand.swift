import ArgumentParser

/// `antibody sign`: sign messages with a keystore key.
struct SignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sign",
        abstract: "Sign messages with a keystore key.",
        subcommands: [SignTypedDataCommand.self]
    )
}
