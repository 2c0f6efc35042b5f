import ArgumentParser

/// `antibody audit`: check and export a node's tamper-evident audit log.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Verify or export a tamper-evident audit log (SQLite).",
        subcommands: [AuditVerifyCommand.self, AuditExportCommand.self, AuditAppendCommand.self]
    )
}
