import AntibodyTrust
import ArgumentParser
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where a keystore passphrase comes from: `--passphrase-file`, else the `ANTIBODY_PASSPHRASE`
/// environment variable, else an interactive prompt (only when standard input is a terminal).
struct PassphraseOptions: ParsableArguments {
    @Option(
        name: .customLong("passphrase-file"),
        help: "Read the keystore passphrase from this file (one trailing newline is ignored).")
    var passphraseFile: String?

    /// The passphrase bytes. Never printed.
    ///
    /// - Parameter confirm: prompt twice and require both to match (for new keystores).
    func passphrase(confirm: Bool) throws -> [UInt8] {
        if let passphraseFile {
            guard let data = FileManager.default.contents(atPath: passphraseFile) else {
                CLI.fail("cannot read the passphrase file \(passphraseFile)", code: 2)
            }
            var bytes = Array(data)
            if bytes.last == 0x0a { bytes.removeLast() }
            if bytes.last == 0x0d { bytes.removeLast() }
            return bytes
        }
        if let value = ProcessInfo.processInfo.environment["ANTIBODY_PASSPHRASE"] {
            return Array(value.utf8)
        }
        guard isatty(STDIN_FILENO) == 1 else {
            CLI.fail(
                "no passphrase: set ANTIBODY_PASSPHRASE, pass --passphrase-file <file>, or run in a terminal to be prompted",
                code: 2)
        }
        let first = prompt("Keystore passphrase: ")
        if confirm {
            let second = prompt("Repeat passphrase: ")
            guard first == second else { CLI.fail("the two passphrases differ", code: 2) }
        }
        return first
    }

    private func prompt(_ text: String) -> [UInt8] {
        guard let pointer = getpass(text) else { CLI.fail("could not read a passphrase from the terminal", code: 2) }
        defer {
            var cursor = pointer
            while cursor.pointee != 0 {
                cursor.pointee = 0
                cursor += 1
            }
        }
        return Array(String(cString: pointer).utf8)
    }
}
