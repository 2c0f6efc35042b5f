import AntibodyCore
import AntibodyMath
import Foundation
import Testing

@testable import AntibodyChain

#if canImport(Glibc)
    import Glibc
#endif

/// The JSON-RPC client against the real `scripts/devchain`, started by the test, and against
/// endpoints that refuse or never answer.
@Suite("JSONRPCClient", .serialized)
struct JSONRPCClientTests {
    /// `scripts/devchain --port 0` as a subprocess; stopped with SIGTERM.
    final class DevChain: @unchecked Sendable {
        let process = Process()
        let url: String

        init() throws {
            var root = URL(fileURLWithPath: #filePath)
            for _ in 0..<3 { root.deleteLastPathComponent() }
            process.executableURL = root.appendingPathComponent("scripts/devchain")
            process.arguments = ["--port", "0", "--accounts", "2"]
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = pipe
            try process.run()
            var seen = ""
            var url: String?
            let handle = pipe.fileHandleForReading
            let deadline = Date().addingTimeInterval(180)
            while Date() < deadline {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                seen += String(decoding: chunk, as: UTF8.self)
                if url == nil, let range = seen.range(of: #"http://127\.0\.0\.1:\d+"#, options: .regularExpression) {
                    url = String(seen[range])
                }
                if seen.contains("\nready\n") { break }
            }
            guard let url, seen.contains("\nready\n") else {
                process.terminate()
                throw ChainError.transport("devchain did not start: \(seen.suffix(2000))")
            }
            self.url = url
        }

        func stop() {
            process.terminate()  // SIGTERM
            let deadline = Date().addingTimeInterval(20)
            while process.isRunning && Date() < deadline { usleep(50_000) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
        }
    }

    /// A TCP listener that accepts connections into its backlog and never answers.
    final class SilentServer {
        private(set) var fd: Int32
        let port: UInt16

        init() {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            address.sin_port = 0
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            withUnsafeMutablePointer(to: &address) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { sa in
                    _ = bind(fd, sa, length)
                    _ = listen(fd, 16)
                    _ = getsockname(fd, sa, &length)
                }
            }
            self.fd = fd
            self.port = UInt16(bigEndian: address.sin_port)
        }

        /// Stops listening. Closes the descriptor once: closing it again later could close a
        /// socket that NIO has since been given the same number for.
        func close() {
            guard fd >= 0 else { return }
            _ = Glibc.close(fd)
            fd = -1
        }

        deinit { close() }
    }

    static let account1 = try! EthereumAddress(hex: "0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf")

    @Test("typed calls, batches, reverts and mining control against scripts/devchain")
    func againstDevchain() async throws {
        let chain = try DevChain()
        defer { chain.stop() }
        let client = JSONRPCClient(configuration: .init(url: chain.url, timeout: .seconds(30)))
        #expect(try await client.chainID() == 31337)
        #expect(try await client.blockNumber() == 0)
        #expect(try await client.balance(of: Self.account1) == UInt256(decimal: "1000000000000000000000000")!)
        #expect(try await client.transactionCount(of: Self.account1) == 0)
        #expect(try await client.code(at: Self.account1).isEmpty)
        #expect(try await client.gasPrice() > 0)

        let results = try await client.batch([
            .init("eth_chainId"), .init("eth_noSuchMethod"), .init("eth_blockNumber"),
        ])
        #expect(results.count == 3)
        #expect(try results[0].get() == .string("0x7a69"))
        #expect(throws: ChainError.self) { try results[1].get() }
        if case .failure(let error) = results[1] { #expect(error.rpcCode == -32601) }
        #expect(try results[2].get() == .string("0x0"))

        // A call to an address with no code returns empty data; a bad parameter is a typed error.
        #expect(try await client.call(to: Self.account1, data: [0x12, 0x34]).isEmpty)
        await #expect(throws: ChainError.self) { try await client.call("eth_getBalance", [.string("0x12")]) }
        do {
            _ = try await client.call("eth_getBalance", [.string("0x12")])
        } catch {
            #expect(error.rpcCode == -32602)
            #expect(!error.isTransient)
        }
        // A malformed transaction is refused at once with a typed error, and not retried.
        do {
            _ = try await client.sendRawTransaction([0xc0])
            Issue.record("a malformed transaction was accepted")
        } catch {
            #expect(error.rpcCode == -32000)
        }
        try await client.setAutomine(false)
        try await client.mine()
        #expect(try await client.blockNumber() == 1)
        try await client.setAutomine(true)
        let logs = try await client.logs(LogFilter(fromBlock: .earliest))
        #expect(logs.isEmpty)
    }

    @Test("an unreachable node fails with a transport error after the bounded retries")
    func unreachable() async throws {
        let server = SilentServer()
        let port = server.port
        server.close()  // nothing listens there now
        let policy = RetryPolicy(maximumAttempts: 3, initialDelay: .milliseconds(50), maximumDelay: .milliseconds(100))
        let client = JSONRPCClient(
            configuration: .init(
                url: "http://127.0.0.1:\(port)", timeout: .seconds(2),
                retry: policy))
        let start = ContinuousClock.now
        do {
            _ = try await client.chainID()
            Issue.record("an unreachable node answered")
        } catch {
            #expect(error.isTransient)
            #expect(error.message.contains("gave up after 3 attempts"))
        }
        #expect(ContinuousClock.now - start < .seconds(10))
    }

    @Test("a node that never answers times out, and a transaction is not resent after it may have arrived")
    func silent() async throws {
        let server = SilentServer()
        let policy = RetryPolicy(maximumAttempts: 2, initialDelay: .milliseconds(50), maximumDelay: .milliseconds(50))
        let client = JSONRPCClient(
            configuration: .init(
                url: "http://127.0.0.1:\(server.port)",
                timeout: .milliseconds(300), retry: policy))
        let start = ContinuousClock.now
        do {
            _ = try await client.blockNumber()
            Issue.record("a silent node answered")
        } catch {
            #expect(error.isTransient)
            #expect(error.message.contains("did not answer"))
            #expect(error.message.contains("gave up after 2 attempts"))
        }
        do {
            _ = try await client.sendRawTransaction([0x01])
            Issue.record("a silent node answered")
        } catch {
            #expect(!error.message.contains("gave up"))  // one attempt only
        }
        #expect(ContinuousClock.now - start < .seconds(10))
        _ = server
    }
}
