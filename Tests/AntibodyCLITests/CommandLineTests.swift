import Foundation
import Testing

/// Runs the built `antibody` executable as a user would and checks exit codes and output.
/// `swift build --build-tests` builds the executable beside the test bundle.
@Suite struct CommandLineTests {
    /// The repository root (this file is Tests/AntibodyCLITests/CommandLineTests.swift).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The `antibody` executable next to the running test bundle.
    static let executable: URL = {
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        if dir.lastPathComponent.hasSuffix(".xctest") { dir.deleteLastPathComponent() }
        return dir.appendingPathComponent("antibody")
    }()

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = arguments
        process.currentDirectoryURL = Self.root
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    func temporaryDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("antibody-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func versionAndHelpExitZero() throws {
        #expect(FileManager.default.isExecutableFile(atPath: Self.executable.path), "build the package first")
        let version = try run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "0.1.0")
        let help = try run(["--help"])
        #expect(help.status == 0)
        for command in ["simulate", "backtest", "policy", "oracle", "nab", "keys", "audit"] {
            #expect(help.stdout.contains(command), "help lists \(command)")
        }
    }

    /// Usage errors exit 2 (bad input), not ArgumentParser's 64, in every command.
    @Test(arguments: [
        ["--no-such-flag"], ["nab", "score"], ["policy", "check"], ["simulate", "--seed", "x"],
        ["chain", "drill", "--rpc", "ftp://x"], ["models", "eval", "--poisoning-split", "training"],
    ])
    func usageErrorsExitTwo(arguments: [String]) throws {
        let result = try run(arguments)
        #expect(result.status == 2)
        #expect(!result.stderr.isEmpty)
    }

    @Test(arguments: [
        "aave-like-lending.toml", "erc4626-vault.toml", "lock-and-mint-bridge.toml", "guarded-vault.toml",
        "lending-volatility-forecaster.toml",
    ])
    func examplePoliciesPassCheck(file: String) throws {
        let result = try run(["policy", "check", "policies/\(file)"])
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test func chainDrillAgainstNoNodeFailsWithOneAndSaysWhy() throws {
        let result = try run(["chain", "drill", "--rpc", "http://127.0.0.1:9", "--timeout", "1"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("cannot reach the node at http://127.0.0.1:9"))
    }

    @Test func malformedPolicyNamesTheLineAndColumnAndExitsTwo() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let source = try String(
            contentsOf: Self.root.appendingPathComponent("policies/erc4626-vault.toml"), encoding: .utf8)
        let broken = dir.appendingPathComponent("broken.toml")
        // An unknown key on line 4 (after the comment lines and `version`).
        try source.replacingOccurrences(of: "version = 1\n", with: "version = 1\nvershun = 2\n")
            .write(to: broken, atomically: true, encoding: .utf8)
        let result = try run(["policy", "check", broken.path])
        #expect(result.status == 2)
        let lineOfTypo = source.components(separatedBy: "\n").firstIndex(of: "version = 1")! + 2
        #expect(
            (result.stdout + result.stderr).contains("broken.toml:\(lineOfTypo):1"), "\(result.stdout)\(result.stderr)")
    }

    @Test func missingScenarioFileIsNamedAndExitsTwo() throws {
        let result = try run(["simulate", "--no-progress", "/nonexistent/scenario.toml"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("/nonexistent/scenario.toml"))
    }

    /// A keystore made by `keys new` reads back to the same address, and the passphrase never
    /// appears in any output.
    @Test func keysNewThenAddressAgree() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let keystore = dir.appendingPathComponent("node.json").path
        let passphrase = "correct horse battery staple 7"
        let env = ["ANTIBODY_PASSPHRASE": passphrase]
        let created = try run(["keys", "new", "--keystore", keystore, "--light", "--json"], environment: env)
        #expect(created.status == 0, "\(created.stderr)")
        let address = try run(["keys", "address", "--keystore", keystore], environment: env)
        #expect(address.status == 0, "\(address.stderr)")
        let printed = address.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(printed.hasPrefix("0x") && printed.count == 42)
        #expect(created.stdout.contains(printed))
        for output in [created.stdout, created.stderr, address.stdout, address.stderr] {
            #expect(!output.contains(passphrase))
        }
        let again = try run(["keys", "new", "--keystore", keystore, "--light"], environment: env)
        #expect(again.status != 0, "an existing keystore is not overwritten without --force")
    }

    /// End to end: `keys new`, `models train --keystore` (a signed v2 model), a policy naming it in
    /// `[models.flow]` passes `policy check`; the same policy after one weight of the document is
    /// changed fails with file:line:column and the reason.
    @Test func trainedModelLoadsThroughPolicyAndTamperingIsRefused() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let env = ["ANTIBODY_PASSPHRASE": "flow model governance 1"]
        let keystore = dir.appendingPathComponent("gov.json").path
        #expect(try run(["keys", "new", "--keystore", keystore, "--light"], environment: env).status == 0)
        let address = try run(["keys", "address", "--keystore", keystore], environment: env).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let model = dir.appendingPathComponent("flow.json").path
        let trained = try run(
            [
                "models", "train", "--kind", "logistic", "--rows", "400", "--epochs", "2", "--name", "flow",
                "--out", model, "--keystore", keystore,
            ], environment: env)
        #expect(trained.status == 0, "\(trained.stderr)")
        let policy = dir.appendingPathComponent("policy.toml")
        try Data(
            """
            version = 1
            [protocol]
            name = "cli-flow"
            chain_id = 1
            kind = "lending"
            assets = ["WETH"]
            markets = ["WETH"]
            [governance]
            signers = ["\(address)"]
            pause_threshold = 1
            unpause_threshold = 1
            timelock = "1h"
            [models.flow]
            model = "flow.json"
            action = "pause"

            """.utf8
        ).write(to: policy)
        let ok = try run(["policy", "check", policy.path])
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(ok.stdout.contains("flow model flow (logistic"))
        // Change one weight (the first parameter's sign) in the document text.
        var text = try String(contentsOfFile: model, encoding: .utf8)
        let range = try #require(text.range(of: "\"parameters\":["))
        text.insert("-", at: range.upperBound)
        text = text.replacingOccurrences(of: "\"parameters\":[--", with: "\"parameters\":[")
        try Data(text.utf8).write(to: URL(fileURLWithPath: model))
        let refused = try run(["policy", "check", policy.path])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("\(policy.path):14:9: error:"), "\(refused.stderr)")
        #expect(refused.stderr.contains("does not match its commitment"))
    }
}
