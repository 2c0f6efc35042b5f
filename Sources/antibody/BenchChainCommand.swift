import AntibodyChain
import AntibodyCore
import AntibodyMath
import AntibodyTrust
import ArgumentParser

/// `antibody bench chain`: signed transactions per second against a JSON-RPC node.
struct BenchChainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chain",
        abstract: "Measure signed transactions per second sent to an Ethereum JSON-RPC node.",
        discussion: """
            Signs --transactions value transfers of 1 wei (EIP-1559 by default) and sends them \
            without waiting for receipts: each of --senders accounts sends its share one after \
            another (its nonces in order), the senders concurrently. Then it waits until the chain has \
            mined them all (each sender's latest nonce) and prints transactions per second from the \
            first send to that moment; it then fetches every receipt, checks each succeeded, and \
            reports that time too. Gas (21,000) and fees are fixed once before the clock starts.

            The senders are eth-tester's well-known test accounts from --dev-account on (the private \
            key of account i is the integer i), which scripts/devchain funds. Those keys are public: \
            use this command only against a development chain.
            """
    )

    @Option(help: "The node's JSON-RPC URL, e.g. http://127.0.0.1:8545.") var rpc: String
    @Option(help: "Transactions to send (1…100,000).") var transactions: Int = 200
    @Option(help: "The first development account that sends (1…1000; its private key is this integer).")
    var devAccount: UInt64 = 1
    @Option(help: "Concurrent senders (1…16): dev accounts --dev-account, --dev-account + 1, ….")
    var senders: Int = 4
    @Flag(help: "Sign legacy EIP-155 transactions instead of EIP-1559.") var legacy = false
    @Option(help: "Seconds to wait for all receipts (1…3600).") var timeout: Int = 300
    @Flag(help: "Print JSON.") var json = false

    func validate() throws {
        guard (1...100_000).contains(transactions) else { throw ValidationError("--transactions must be 1…100,000") }
        guard (1...1000).contains(devAccount) else { throw ValidationError("--dev-account must be 1…1000") }
        guard (1...16).contains(senders), senders <= transactions else {
            throw ValidationError("--senders must be 1…16 and at most --transactions")
        }
        guard (1...3600).contains(timeout) else { throw ValidationError("--timeout must be 1…3600 seconds") }
        guard rpc.hasPrefix("http://") || rpc.hasPrefix("https://") else {
            throw ValidationError("--rpc must be an http:// or https:// URL")
        }
    }

    /// What one run measured.
    struct Measurement {
        /// From the first send until the chain reports every transaction mined (each sender's
        /// `eth_getTransactionCount(latest)` reached its last nonce + 1).
        var seconds: Double
        /// From the first send until the node accepted the last one.
        var sendSeconds: Double
        /// From the first send until every receipt was fetched as well.
        var receiptSeconds: Double
        var blocks: Int
        var reverted: Int
    }

    func run() async throws {
        let keys = try (0..<UInt64(senders)).map {
            try Secp256k1PrivateKey(bytes: UInt256(devAccount + $0).bigEndianBytes)
        }
        let recipient = try Secp256k1PrivateKey(bytes: UInt256(devAccount + UInt64(senders)).bigEndianBytes).address
        let result: Measurement
        do {
            result = try await measure(keys: keys, recipient: recipient)
        } catch {
            CLI.fail("bench chain: \(error.message)", code: 1)
        }
        if result.reverted > 0 { CLI.fail("bench chain: \(result.reverted) transfers reverted", code: 1) }
        let kind = legacy ? "legacy" : "eip1559"
        let rate = Double(transactions) / result.seconds
        if json {
            CLI.printJSON([
                "transactions": transactions, "senders": senders, "kind": kind, "seconds": result.seconds,
                "sendSeconds": result.sendSeconds, "receiptSeconds": result.receiptSeconds, "blocks": result.blocks,
                "transactionsPerSecond": rate,
            ])
        } else {
            print(
                "chain: \(transactions) signed \(kind) transactions from \(senders) senders mined in "
                    + "\(Self.format(result.seconds)) s (all sent after \(Self.format(result.sendSeconds)) s, all receipts "
                    + "fetched after \(Self.format(result.receiptSeconds)) s, \(result.blocks) blocks): "
                    + "\(Self.format(rate)) transactions per second")
        }
    }

    /// Sends the transfers (each sender pipelined, the senders concurrently), waits until all are
    /// mined, then fetches every receipt.
    func measure(keys: [Secp256k1PrivateKey], recipient: EthereumAddress) async throws(ChainError) -> Measurement {
        let client = JSONRPCClient(configuration: .init(url: rpc, timeout: .seconds(30)))
        let chainID = try await client.chainID()
        let configuration = ChainAccount.Configuration(kind: legacy ? .legacy : .eip1559)
        let accounts = keys.map {
            ChainAccount(key: $0, client: client, chainID: chainID, configuration: configuration)
        }
        let fees = try await accounts[0].feeQuote()
        var firstNonces: [UInt64] = []
        for account in accounts { firstNonces.append(try await account.resynchronizeNonce()) }
        let counts = accounts.indices.map {
            transactions / accounts.count + ($0 < transactions % accounts.count ? 1 : 0)
        }
        let clock = ContinuousClock()
        let start = clock.now
        let hashes: [[[UInt8]]]
        do {
            hashes = try await withThrowingTaskGroup(of: (Int, [[UInt8]]).self) { group in
                for (index, account) in accounts.enumerated() {
                    let count = counts[index]
                    group.addTask {
                        var hashes: [[UInt8]] = []
                        hashes.reserveCapacity(count)
                        for _ in 0..<count {
                            let sent = try await account.send(to: recipient, value: 1, gasLimit: 21_000, fees: fees)
                            hashes.append(sent.hash.bytes)
                        }
                        return (index, hashes)
                    }
                }
                var all = Array(repeating: [[UInt8]](), count: accounts.count)
                for try await (index, sent) in group { all[index] = sent }
                return all
            }
        } catch let error as ChainError {
            throw error
        } catch {
            throw .transport("bench chain: \(error)")
        }
        let sent = clock.now
        let deadline = sent + .seconds(timeout)
        for (index, account) in accounts.enumerated() {
            let target = firstNonces[index] + UInt64(counts[index])
            while try await client.transactionCount(of: account.address, at: .latest) < target {
                guard clock.now < deadline else {
                    throw .timeout(
                        "bench chain: not all transactions of \(account.address) were mined within \(timeout) s")
                }
                try? await Task.sleep(for: .milliseconds(10))
            }
        }
        let mined = clock.now
        let receipts = try await client.waitForReceipts(
            of: hashes.flatMap { $0 }, timeout: deadline - clock.now, pollInterval: .milliseconds(20))
        let end = clock.now
        return Measurement(
            seconds: Self.seconds(start.duration(to: mined)), sendSeconds: Self.seconds(start.duration(to: sent)),
            receiptSeconds: Self.seconds(start.duration(to: end)), blocks: Set(receipts.map(\.blockNumber)).count,
            reverted: receipts.filter { !$0.succeeded }.count)
    }

    static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }

    /// One decimal.
    static func format(_ x: Double) -> String { String((x * 10).rounded() / 10) }
}
