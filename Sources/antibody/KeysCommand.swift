import ArgumentParser

/// `antibody keys`: create and inspect encrypted secp256k1 keystores.
struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "Create and inspect encrypted keys (Web3 Secret Storage v3 keystores).",
        discussion: """
            Keystores use the format of geth, Foundry, ethers and MetaMask exports, so those tools read \
            ours and we read theirs. The passphrase comes from --passphrase-file, else the \
            ANTIBODY_PASSPHRASE environment variable, else a prompt. Keys never appear in output.
            """,
        subcommands: [KeysNewCommand.self, KeysAddressCommand.self]
    )
}
