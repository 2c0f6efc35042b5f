import AsyncHTTPClient
import NIOCore
import NIOHTTP1

/// A JSON-RPC 2.0 client for an Ethereum node over HTTP (async-http-client): single calls and
/// batches, a deadline per request, bounded retries with exponential back-off for transient failures,
/// bounded response size, and typed errors (``ChainError``). It speaks only standard JSON-RPC, so the
/// same code runs against `scripts/devchain` and any Ethereum node.
///
/// Calls that are not idempotent (`eth_sendRawTransaction`) are retried only when the connection
/// could not be made, never after the request may have reached the node.
public struct JSONRPCClient: Sendable {
    /// Where and how to call.
    public struct Configuration: Sendable {
        /// The node's URL, e.g. `http://127.0.0.1:8545`.
        public var url: String
        /// The deadline of one HTTP request (each attempt).
        public var timeout: Duration
        /// Retries of transient failures.
        public var retry: RetryPolicy
        /// The largest response body accepted.
        public var maximumResponseBytes: Int

        /// A configuration.
        public init(
            url: String, timeout: Duration = .seconds(10), retry: RetryPolicy = RetryPolicy(),
            maximumResponseBytes: Int = 16 << 20
        ) {
            self.url = url
            self.timeout = timeout
            self.retry = retry
            self.maximumResponseBytes = maximumResponseBytes
        }
    }

    /// One call of a batch.
    public struct Request: Hashable, Sendable {
        /// The method, e.g. `eth_chainId`.
        public var method: String
        /// The positional parameters.
        public var params: [JSONValue]

        /// A call.
        public init(_ method: String, _ params: [JSONValue] = []) {
            self.method = method
            self.params = params
        }
    }

    /// The largest batch sent in one request.
    public static let maximumBatchSize = 100

    /// The configuration.
    public let configuration: Configuration
    private let http: HTTPClient

    /// A client. Uses the process-wide shared `HTTPClient` unless one is given.
    public init(configuration: Configuration, httpClient: HTTPClient = .shared) {
        self.configuration = configuration
        self.http = httpClient
    }

    /// Calls `method` and returns its `result`.
    ///
    /// - Throws: ``ChainError``: the node's JSON-RPC error (``ChainError/rpcCode``, ``ChainError/rpcData``),
    ///   a time-out or transport failure after the retries, or a malformed answer.
    public func call(
        _ method: String, _ params: [JSONValue] = [], idempotent: Bool = true
    ) async throws(ChainError)
        -> JSONValue
    {
        let body = JSONValue.object([
            "jsonrpc": .string("2.0"), "id": .number("1"), "method": .string(method), "params": .array(params),
        ])
        let answer = try await post(body.serialized, idempotent: idempotent, what: method)
        return try Self.result(of: answer, expectedID: "1", method: method)
    }

    /// Sends `requests` as JSON-RPC batches (at most ``maximumBatchSize`` per HTTP request) and returns
    /// one result per request, in order; a failed call is a `.failure` without failing the others.
    ///
    /// - Throws: ``ChainError`` when a whole batch fails (transport, time-out, malformed answer).
    public func batch(_ requests: [Request]) async throws(ChainError) -> [Result<JSONValue, ChainError>] {
        var results: [Result<JSONValue, ChainError>] = []
        results.reserveCapacity(requests.count)
        var start = 0
        while start < requests.count {
            let chunk = requests[start..<min(start + Self.maximumBatchSize, requests.count)]
            let body = JSONValue.array(
                chunk.enumerated().map { index, request in
                    .object([
                        "jsonrpc": .string("2.0"), "id": .number(String(index)), "method": .string(request.method),
                        "params": .array(request.params),
                    ])
                })
            let answer = try await post(body.serialized, idempotent: true, what: "a batch of \(chunk.count) calls")
            guard case .array(let items) = answer else {
                throw .invalidResponse("the node answered a batch with something other than an array")
            }
            var byID: [String: JSONValue] = [:]
            for item in items {
                if case .number(let id)? = item["id"] { byID[id] = item }
            }
            for (index, request) in chunk.enumerated() {
                guard let item = byID[String(index)] else {
                    results.append(
                        .failure(.invalidResponse("the node's batch answer lacks call \(index) (\(request.method))")))
                    continue
                }
                results.append(
                    Result { () throws(ChainError) -> JSONValue in
                        try Self.result(of: item, expectedID: String(index), method: request.method)
                    })
            }
            start += chunk.count
        }
        return results
    }

    static func result(of answer: JSONValue, expectedID: String, method: String) throws(ChainError) -> JSONValue {
        guard case .object(let members) = answer else {
            throw .invalidResponse("the node's answer to \(method) is not a JSON-RPC object")
        }
        if let error = members["error"], case .object(let fields) = error {
            let code: Int
            if case .number(let text)? = fields["code"], let parsed = Int(text) { code = parsed } else { code = 0 }
            let message = fields["message"]?.string ?? "no message"
            let data = fields["data"]?.string
            throw .rpc(code: code, message: String(message.prefix(500)), data: data)
        }
        guard case .number(let id)? = members["id"], id == expectedID else {
            throw .invalidResponse("the node's answer to \(method) has the wrong id")
        }
        guard let result = members["result"] else {
            throw .invalidResponse("the node's answer to \(method) has neither result nor error")
        }
        return result
    }

    private func post(_ body: String, idempotent: Bool, what: String) async throws(ChainError) -> JSONValue {
        var attempt = 1
        while true {
            do {
                return try await postOnce(body, what: what)
            } catch let failure {
                let mayRetry = failure.error.isTransient && (idempotent || !failure.mayHaveArrived)
                guard mayRetry, attempt < configuration.retry.maximumAttempts else {
                    throw attempt > 1 ? failure.error.appending(" (gave up after \(attempt) attempts)") : failure.error
                }
                do {
                    try await Task.sleep(for: configuration.retry.delay(after: attempt))
                } catch {
                    throw .transport("\(what) was cancelled while waiting to retry")
                }
                attempt += 1
            }
        }
    }

    private struct Failure: Error {
        let error: ChainError
        let mayHaveArrived: Bool
    }

    private func postOnce(_ body: String, what: String) async throws(Failure) -> JSONValue {
        var request = HTTPClientRequest(url: configuration.url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.body = .bytes(ByteBuffer(string: body))
        let bytes: [UInt8]
        do {
            let response = try await http.execute(request, timeout: .init(configuration.timeout))
            guard response.status == .ok else {
                let error = ChainError.transport(
                    "the node at \(configuration.url) answered \(what) with HTTP \(response.status.code)")
                throw Failure(error: error, mayHaveArrived: true)
            }
            let buffer = try await response.body.collect(upTo: configuration.maximumResponseBytes)
            bytes = Array(buffer.readableBytesView)
        } catch let failure as Failure {
            throw failure
        } catch let error as HTTPClientError {
            if error == .deadlineExceeded || error == .readTimeout || error == .writeTimeout {
                throw Failure(
                    error: .timeout(
                        "the node at \(configuration.url) did not answer \(what) within "
                            + "\(configuration.timeout)"), mayHaveArrived: true)
            }
            if error == .connectTimeout {
                throw Failure(
                    error: .timeout(
                        "the node at \(configuration.url) did not answer \(what): connect "
                            + "timed out"), mayHaveArrived: false)
            }
            if error == .invalidURL || error == .emptyHost || error == .emptyScheme {
                throw Failure(
                    error: .invalidResponse("the node URL '\(configuration.url)' is not usable: \(error)"),
                    mayHaveArrived: false)
            }
            if error == .alreadyShutdown {
                throw Failure(error: .transport("calling \(what): the HTTP client is shut down"), mayHaveArrived: false)
            }
            throw Failure(
                error: .transport("calling \(what) at \(configuration.url) failed: \(error)"),
                mayHaveArrived: true)
        } catch let error as NIOTooManyBytesError {
            _ = error
            throw Failure(
                error: .invalidResponse(
                    "the node's answer to \(what) exceeds "
                        + "\(configuration.maximumResponseBytes) bytes"), mayHaveArrived: true)
        } catch {
            // Connection refused and other socket errors: the request never reached the node.
            throw Failure(
                error: .transport("cannot reach the node at \(configuration.url) for \(what): \(error)"),
                mayHaveArrived: false)
        }
        do {
            return try JSONValue(parsing: bytes)
        } catch {
            throw Failure(error: error, mayHaveArrived: true)
        }
    }
}
