import AntibodyTrust
import ArgumentParser
import Foundation

/// `antibody keys address --keystore <file>`: decrypt a keystore and print its checksummed address.
struct KeysAddressCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "address",
        abstract: "Print the EIP-55 checksummed address of a keystore's key.",
        discussion: """
            The keystore is decrypted, so the address printed is the key's own, not just what the \
            file states. Exit code 1 when the passphrase is wrong.
            """
    )

    @Option(help: "The keystore file.")
    var keystore: String

    @Flag(help: "Print the result as JSON.")
    var json = false

    @OptionGroup var passphraseOptions: PassphraseOptions

    func run() throws {
        let key = try KeystoreFile.unlock(keystore, passphraseOptions)
        if json {
            CLI.printJSON(["address": key.address.description])
        } else {
            print(key.address.description)
        }
    }
}
