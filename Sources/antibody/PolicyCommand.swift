import ArgumentParser

/// `antibody policy …`: work with policy files.
struct PolicyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policy",
        abstract: "Check policy files and print the policy JSON Schema.",
        subcommands: [PolicyCheckCommand.self, PolicySchemaCommand.self]
    )
}
