import AntibodyCore
import AntibodyTrust
import ArgumentParser
import Foundation

/// `antibody audit verify <db>`: check every link, hash and signature of an audit log.
struct AuditVerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Verify an audit log; name the first bad entry if it was edited, cut, extended or reordered.",
        discussion: """
            Exit code 0 when every entry verifies, 1 when one does not (the first bad index and the \
            reason are printed), 2 when the file is missing or not an audit log. Pin the node's \
            address with --signer to also catch a log re-signed with another key.
            """
    )

    @Argument(help: "The audit log (SQLite file).")
    var database: String

    @Option(help: "The address the log must be signed by (default: the one recorded in the log).")
    var signer: String?

    @Flag(help: "Print the result as JSON.")
    var json = false

    func validate() throws {
        if let signer {
            do {
                _ = try EthereumAddress(hex: signer)
            } catch {
                throw ValidationError("--signer: \(error.message)")
            }
        }
    }

    func run() throws {
        let report: AuditReport
        do {
            let log = try AuditLog(readingExistingAt: database)
            report = try log.verify(expectedSigner: signer.map { try! EthereumAddress(hex: $0) })
        } catch {
            CLI.fail(error.message, code: 2)
        }
        if json {
            var object: [String: Any] = [
                "intact": report.isIntact, "verified": report.verifiedCount,
                "signer": report.signer?.description ?? NSNull(),
            ]
            if let fault = report.fault {
                object["firstBadIndex"] = fault.index
                object["reason"] = fault.description
            }
            CLI.printJSON(object)
        } else if let fault = report.fault {
            print("TAMPERED: first bad index \(fault.index): \(fault.description)")
        } else {
            print(
                "OK: \(report.verifiedCount) entries verify, signed by \(report.signer?.description ?? "nobody (empty log)")"
            )
        }
        if !report.isIntact { throw ExitCode(1) }
    }
}
