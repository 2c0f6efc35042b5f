import AntibodyChain
import AntibodyEngine
import AntibodyScenario
import ArgumentParser
import Foundation

/// `antibody chain drill`: the end-to-end drain drill on a development chain (docs/chain.md).
struct ChainDrillCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "drill",
        abstract: "Drain a guarded vault on a local chain; report the loss with the limiter, the Guardian and both.",
        discussion: """
            Needs a development chain with the well-known test keys funded and evm_increaseTime, e.g. \
            `scripts/devchain --port 8545`. For each defence (limiter alone, Guardian alone, both) the drill \
            deploys a token, a Guardian (4 sentinels, f = 1) and a ProtectedVault; five depositors fund it; \
            an attacker holding their keys withdraws block after block; the chain watcher feeds the engine \
            running --policy; on its alarm three of the four sentinels sign (one is offline) and the pause is \
            mined; every later withdrawal reverts. Exit 1 if a defended run did not pause or a withdrawal \
            after the pause was paid.
            """
    )

    @Option(help: "The chain's JSON-RPC URL.")
    var rpc: String = "http://127.0.0.1:8545"

    @Option(help: "The policy the engine runs.")
    var policy: String = "policies/guarded-vault.toml"

    @Option(help: "Tokens the attacker tries per withdrawal (whole tokens).")
    var chunk: UInt64 = 50_000

    @Option(help: "Withdrawals the attacker sends per run (1…1000).")
    var attempts: Int = 40

    @Option(name: .customLong("block-seconds"), help: "Seconds between blocks.")
    var blockSeconds: UInt64 = 60

    @Option(name: .customLong("reaction-blocks"), help: "Attacker blocks between the alarm and the pause transaction.")
    var reactionBlocks: Int = 1

    @Option(help: "RPC deadline per request, seconds.")
    var timeout: Int = 10

    @Flag(help: "Print the results as JSON.")
    var json = false

    func validate() throws {
        guard rpc.hasPrefix("http://") || rpc.hasPrefix("https://") else {
            throw CommandFailure.badInput("--rpc \(rpc) is not an http(s) URL")
        }
        guard (1...1_000).contains(attempts) else { throw CommandFailure.badInput("--attempts must be 1…1000") }
        guard chunk >= 1, chunk <= 1_000_000_000 else { throw CommandFailure.badInput("--chunk must be 1…1e9 tokens") }
        guard (1...86_400).contains(blockSeconds) else {
            throw CommandFailure.badInput("--block-seconds must be 1…86400")
        }
        guard (0...100).contains(reactionBlocks) else {
            throw CommandFailure.badInput("--reaction-blocks must be 0…100")
        }
        guard (1...300).contains(timeout) else { throw CommandFailure.badInput("--timeout must be 1…300 s") }
    }

    func run() async throws {
        let loaded: Policy
        do {
            loaded = try Policy.load(contentsOf: policy)
        } catch {
            CommandFailure.printError("antibody chain drill: \(error.description)")
            throw ExitCode(2)
        }
        let client = JSONRPCClient(configuration: .init(url: rpc, timeout: .seconds(timeout)))
        let configuration = ChainDrill.Configuration(
            policy: loaded, chunk: chunk, attempts: attempts, blockSeconds: blockSeconds, reactionBlocks: reactionBlocks
        )
        var results: [ChainDrillResult] = []
        do {
            for defence in ChainDrill.Defence.allCases {
                if !json { CommandFailure.printError("drill: \(defence.rawValue)…") }
                results.append(try await ChainDrill.run(defence, configuration: configuration, client: client))
            }
        } catch {
            CommandFailure.printError("antibody chain drill: \(error.message)")
            throw ExitCode(1)
        }
        print(json ? Self.json(results) : Self.table(results))
        let failed = results.contains { r in
            r.defence != .limiter && (r.pauseBlock == nil || r.revertedAfterPause != r.attemptsAfterPause)
        }
        if failed { throw ExitCode(1) }
    }

    static func table(_ results: [ChainDrillResult]) -> String {
        var lines = [
            "| defence | deposited | lost | lost % | paid / attempts | first malicious block | pause block | blocks to pause | reverted after pause |",
            "|---|---|---|---|---|---|---|---|---|",
        ]
        for r in results {
            let pct = r.deposited > 0 ? 100 * r.lost / r.deposited : 0
            lines.append(
                "| \(r.defence.rawValue) | \(Int(r.deposited)) | \(Int(r.lost.rounded())) | \(String(format: "%.1f", pct)) % "
                    + "| \(r.paid) / \(r.attempts) | \(r.firstMaliciousBlock.map(String.init) ?? "-") "
                    + "| \(r.pauseBlock.map(String.init) ?? "-") | \(r.blocksToPause.map(String.init) ?? "-") "
                    + "| \(r.pauseBlock == nil ? "-" : "\(r.revertedAfterPause) / \(r.attemptsAfterPause)") |")
        }
        for r in results where r.pauseBlock != nil {
            lines.append("")
            lines.append("\(r.defence.rawValue): pause signed by \(r.signers.count) sentinels; reverts: \(r.reverted)")
            lines += r.log.map { "  " + $0 }
        }
        return lines.joined(separator: "\n")
    }

    static func json(_ results: [ChainDrillResult]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(results) else { return "[]" }
        return String(decoding: data, as: UTF8.self)
    }
}
