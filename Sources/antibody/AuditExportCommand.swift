import AntibodyTrust
import ArgumentParser
import Foundation

/// `antibody audit export <db>`: write every entry as one JSON object per line.
struct AuditExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export an audit log as JSON Lines (one entry per line, in stored order).",
        discussion: """
            Each line: {"index", "time" (ms since the Unix epoch), "kind", "payload", "previousHash", \
            "hash", "signature"}. Export does not verify; run `antibody audit verify` for that.
            """
    )

    @Argument(help: "The audit log (SQLite file).")
    var database: String

    @Option(help: "Write to this file instead of standard output.")
    var output: String?

    func run() throws {
        let log: AuditLog
        do {
            log = try AuditLog(readingExistingAt: database)
        } catch {
            CLI.fail(error.message, code: 2)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var sink: FileHandle = .standardOutput
        if let output {
            guard FileManager.default.createFile(atPath: output, contents: nil),
                let handle = FileHandle(forWritingAtPath: output)
            else { CLI.fail("cannot write \(output)", code: 2) }
            sink = handle
        }
        do {
            try log.forEachEntry { entry in
                var line = try encoder.encode(entry)
                line.append(0x0a)
                sink.write(line)
            }
        } catch {
            CLI.fail("export stopped: \(error)", code: 1)
        }
        if output != nil { try? sink.close() }
    }
}
