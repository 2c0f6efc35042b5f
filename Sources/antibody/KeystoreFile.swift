import AntibodyTrust
import Foundation

/// Reading and decrypting a keystore file for a command.
enum KeystoreFile {
    /// The key in `path`, decrypted with the passphrase from `options`; exits with a clear message
    /// (never containing key or passphrase) on failure.
    static func unlock(_ path: String, _ options: PassphraseOptions) throws -> Secp256k1PrivateKey {
        guard let data = FileManager.default.contents(atPath: path) else {
            CLI.fail("cannot read the keystore \(path)", code: 2)
        }
        guard data.count <= 1 << 16, let text = String(data: data, encoding: .utf8) else {
            CLI.fail("\(path) is not a keystore (not UTF-8 JSON, or larger than 64 KiB)", code: 2)
        }
        var passphrase = try options.passphrase(confirm: false)
        defer { Secp256k1PrivateKey.wipe(&passphrase) }
        do {
            return try Keystore.decrypt(json: text, passphrase: passphrase)
        } catch {
            if error.isWrongPassphrase { CLI.fail("wrong passphrase for \(path)", code: 1) }
            CLI.fail("\(path): \(error.message)", code: 2)
        }
    }
}
