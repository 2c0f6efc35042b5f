import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A minimal HTTP JSON-RPC server on 127.0.0.1 for fault tests: it answers each request with the
/// members `answer(method)` returns (e.g. `"result":"0x1"` or `"error":{…}`) and closes the
/// connection. Single calls only, one connection at a time, on a background thread.
final class CannedRPCServer: @unchecked Sendable {
    let fd: Int32
    let port: UInt16
    var url: String { "http://127.0.0.1:\(port)" }
    private let answer: @Sendable (String) -> String
    private let lock = NSLock()
    private var counts: [String: Int] = [:]

    init(answer: @escaping @Sendable (String) -> String) throws {
        self.answer = answer
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let ok = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { sa in
                bind(fd, sa, length) == 0 && listen(fd, 16) == 0 && getsockname(fd, sa, &length) == 0
            }
        }
        guard ok else {
            close(fd)
            throw CocoaError(.fileWriteUnknown)
        }
        self.fd = fd
        self.port = UInt16(bigEndian: address.sin_port)
        let thread = Thread { [self] in serve() }
        thread.start()
    }

    func count(_ method: String) -> Int { lock.withLock { counts[method, default: 0] } }

    func stop() {
        shutdown(fd, Int32(SHUT_RDWR))
        close(fd)
    }

    private func serve() {
        while true {
            let connection = accept(fd, nil, nil)
            if connection < 0 { return }
            handle(connection)
            close(connection)
        }
    }

    private func handle(_ connection: Int32) {
        var received: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while received.count < 1 << 20 {
            let n = read(connection, &chunk, chunk.count)
            if n <= 0 { return }
            received += chunk[0..<n]
            let text = String(decoding: received, as: UTF8.self)
            guard let headerEnd = text.range(of: "\r\n\r\n") else { continue }
            let headers = text[..<headerEnd.lowerBound].lowercased()
            let length =
                headers.split(separator: "\r\n").first { $0.hasPrefix("content-length:") }
                .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
            let body = String(text[headerEnd.upperBound...])
            guard body.utf8.count >= length else { continue }
            let method =
                body.range(of: #""method":"[^"]*""#, options: .regularExpression).map {
                    String(body[$0].dropFirst(10).dropLast())
                } ?? ""
            lock.withLock { counts[method, default: 0] += 1 }
            let json = #"{"jsonrpc":"2.0","id":1,"# + answer(method) + "}"
            let response =
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: \(json.utf8.count)\r\n"
                + "Connection: close\r\n\r\n" + json
            _ = Array(response.utf8).withUnsafeBytes { write(connection, $0.baseAddress, $0.count) }
            return
        }
    }
}
