import AntibodyCore
import AntibodyTrust
import ArgumentParser
import Foundation

/// `antibody audit append <db>`: add an operator's signed note to an audit log.
struct AuditAppendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "append",
        abstract: "Append one entry (e.g. an operator's note) to an audit log, signed with a keystore key.",
        discussion: """
            The log is created if missing. Every entry of a log must be signed by the same key (the \
            node's); the entry's time is the current wall-clock time in milliseconds.
            """
    )

    @Argument(help: "The audit log (SQLite file).")
    var database: String

    @Option(help: "The keystore holding the log's signing key.")
    var keystore: String

    @Option(help: "The kind of record (1–256 bytes), e.g. note.")
    var kind: String = "note"

    @Option(help: "The record's text (typically JSON), at most 1 MiB.")
    var payload: String

    @Flag(help: "Print the appended entry as JSON.")
    var json = false

    @OptionGroup var passphraseOptions: PassphraseOptions

    func validate() throws {
        guard !kind.isEmpty, kind.utf8.count <= AuditEntry.maximumKindBytes else {
            throw ValidationError("--kind must be 1…\(AuditEntry.maximumKindBytes) bytes")
        }
        guard payload.utf8.count <= AuditEntry.maximumPayloadBytes else {
            throw ValidationError("--payload is larger than \(AuditEntry.maximumPayloadBytes) bytes")
        }
    }

    func run() throws {
        let key = try KeystoreFile.unlock(keystore, passphraseOptions)
        let now = Timestamp(milliseconds: Int64((Date().timeIntervalSince1970 * 1000).rounded(.down)))
        let entry: AuditEntry
        do {
            entry = try AuditLog(path: database).append(kind: kind, payload: payload, at: now, signedBy: key)
        } catch {
            CLI.fail(error.message, code: 1)
        }
        if json {
            CLI.printJSON(["index": entry.index, "hash": entry.hash.description])
        } else {
            print("appended entry \(entry.index) (\(entry.hash))")
        }
    }
}
