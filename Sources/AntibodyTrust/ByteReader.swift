import AntibodyCore

/// Reads a byte array front to back, throwing instead of trapping when it runs out.
struct ByteReader {
    private let bytes: [UInt8]
    private var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var isAtEnd: Bool { offset == bytes.count }
    var remaining: Int { bytes.count - offset }

    mutating func take(_ count: Int) throws(TrustError) -> [UInt8] {
        guard count >= 0, count <= bytes.count - offset else {
            throw .invalidInput("input ends early: needed \(count) more bytes at offset \(offset), have \(remaining)")
        }
        defer { offset += count }
        return Array(bytes[offset..<offset + count])
    }

    mutating func byte() throws(TrustError) -> UInt8 { try take(1)[0] }

    mutating func uint64() throws(TrustError) -> UInt64 {
        try take(8).reduce(0) { $0 << 8 | UInt64($1) }
    }
}
