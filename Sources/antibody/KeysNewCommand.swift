import AntibodyTrust
import ArgumentParser
import Foundation

/// `antibody keys new --keystore <file>`: generate a key and write it encrypted.
struct KeysNewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Generate a secp256k1 key and write it as an encrypted keystore; print its address.",
        discussion: """
            The file is created with permissions 0600 and is never overwritten unless --force is given. \
            --kdf scrypt (default: n=262144, r=8, p=1, as geth) or pbkdf2 (c=262144, HMAC-SHA256).
            """
    )

    @Option(help: "The keystore file to create.")
    var keystore: String

    @Option(help: "Key-derivation function: scrypt or pbkdf2.")
    var kdf: String = "scrypt"

    @Flag(help: "Use geth's light scrypt parameters (n=4096, r=8, p=6): fast, for tests only.")
    var light = false

    @Flag(help: "Overwrite an existing file.")
    var force = false

    @Flag(help: "Print the result as JSON.")
    var json = false

    @OptionGroup var passphraseOptions: PassphraseOptions

    func validate() throws {
        guard kdf == "scrypt" || kdf == "pbkdf2" else {
            throw ValidationError("--kdf must be scrypt or pbkdf2, not \(kdf)")
        }
        guard !light || kdf == "scrypt" else { throw ValidationError("--light applies to scrypt only") }
    }

    func run() throws {
        if FileManager.default.fileExists(atPath: keystore) && !force {
            CLI.fail("\(keystore) already exists; choose another path or pass --force to overwrite it", code: 2)
        }
        var passphrase = try passphraseOptions.passphrase(confirm: true)
        defer { Secp256k1PrivateKey.wipe(&passphrase) }
        let function: KeystoreKDF =
            kdf == "pbkdf2" ? .pbkdf2(iterations: 262_144) : (light ? .lightScrypt : .standardScrypt)
        let key = Secp256k1PrivateKey.generate()
        let document: String
        do {
            document = try Keystore.encrypt(key, passphrase: passphrase, kdf: function)
        } catch {
            CLI.fail("could not encrypt the key: \(error.message)", code: 1)
        }
        if force { try? FileManager.default.removeItem(atPath: keystore) }
        guard
            FileManager.default.createFile(
                atPath: keystore, contents: Data(document.utf8), attributes: [.posixPermissions: 0o600])
        else {
            CLI.fail("cannot write \(keystore); check that the directory exists and is writable", code: 1)
        }
        if json {
            CLI.printJSON(["address": key.address.description, "keystore": keystore])
        } else {
            print(key.address.description)
        }
    }
}
