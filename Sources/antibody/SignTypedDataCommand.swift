import AntibodyCore
import AntibodyTrust
import ArgumentParser
import Foundation

/// `antibody sign typed-data --keystore <file> <json>`: sign an EIP-712 document.
struct SignTypedDataCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "typed-data",
        abstract: "Sign an EIP-712 typed-data document and print the 65-byte signature as 0x hex.",
        discussion: """
            <json> is the document in the JSON shape wallets accept for eth_signTypedData_v4 ({types, \
            primaryType, domain, message}): inline JSON, a file path, or - for standard input. The \
            signature is r‖s‖v with v 27 or 28, as eth_signTypedData_v4 returns it.
            """
    )

    @Option(help: "The keystore file holding the signing key.")
    var keystore: String

    @Argument(help: "The typed-data JSON: inline, a file path, or - for standard input.")
    var document: String

    @Flag(help: "Print signer, digest and signature as JSON.")
    var json = false

    @OptionGroup var passphraseOptions: PassphraseOptions

    func run() throws {
        let text = readDocument()
        let typedData: TypedData
        let digest: Bytes32
        do {
            typedData = try TypedData(json: text)
            digest = try typedData.digest()
        } catch {
            CLI.fail("the typed-data document is not valid: \(error.message)", code: 2)
        }
        let key = try KeystoreFile.unlock(keystore, passphraseOptions)
        let signature = key.signature(for: digest)
        guard (try? signature.recoverAddress(digest: digest)) == key.address else {
            CLI.fail("the signature does not recover to the key's address (internal error)", code: 1)
        }
        if json {
            CLI.printJSON([
                "signer": key.address.description, "digest": digest.description, "signature": signature.description,
            ])
        } else {
            print(signature.description)
        }
    }

    private func readDocument() -> String {
        let trimmed = document.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("{") { return document }
        let data: Data?
        if document == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            data = FileManager.default.contents(atPath: document)
        }
        guard let data else { CLI.fail("cannot read the typed-data document \(document)", code: 2) }
        guard data.count <= JSONValue.Limits.maximumBytes, let text = String(data: data, encoding: .utf8) else {
            CLI.fail("\(document) is not UTF-8 text of at most \(JSONValue.Limits.maximumBytes) bytes", code: 2)
        }
        return text
    }
}
