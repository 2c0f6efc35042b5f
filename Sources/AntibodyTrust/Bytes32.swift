public import AntibodyCore

/// Exactly 32 bytes stored inline (no heap allocation): a hash, a signature's r or s, an EIP-712
/// word.
///
/// The bytes are held as four 64-bit words whose in-memory representation is the byte order, so
/// ``withUnsafeBytes(_:)`` exposes the 32 bytes in order on any platform.
@frozen
public struct Bytes32: Hashable, Sendable, CustomStringConvertible {
    @usableFromInline var w0: UInt64, w1: UInt64, w2: UInt64, w3: UInt64

    /// Thirty-two zero bytes.
    public static let zero = Bytes32(words: 0, 0, 0, 0)

    @inlinable
    init(words w0: UInt64, _ w1: UInt64, _ w2: UInt64, _ w3: UInt64) {
        (self.w0, self.w1, self.w2, self.w3) = (w0, w1, w2, w3)
    }

    /// The value from exactly 32 bytes, or `nil` for any other length.
    @inlinable
    public init?(bytes: some Collection<UInt8>) {
        guard bytes.count == 32 else { return nil }
        self = .zero
        Swift.withUnsafeMutableBytes(of: &self) { raw in
            var index = 0
            for byte in bytes {
                raw[index] = byte
                index += 1
            }
        }
    }

    /// The 32 bytes read from a raw buffer of at least 32 bytes, starting at `offset`.
    @inlinable
    init(copying raw: UnsafeRawBufferPointer, at offset: Int = 0) {
        self = .zero
        Swift.withUnsafeMutableBytes(of: &self) { destination in
            destination.copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[offset..<offset + 32]))
        }
    }

    /// The 32 bytes of a Keccak-256 digest.
    @inlinable
    public init(_ digest: Keccak256.Digest) {
        self = .zero
        digest.withUnsafeBytes { source in
            Swift.withUnsafeMutableBytes(of: &self) { $0.copyMemory(from: source) }
        }
    }

    /// A big-endian unsigned integer in the last 8 bytes (the first 24 are zero): an EIP-712 or ABI
    /// word for a `uint64` or smaller.
    @inlinable
    public init(bigEndian value: UInt64) {
        self.init(words: 0, 0, 0, value.bigEndian)
    }

    /// Calls `body` with the 32 bytes.
    @inlinable
    public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        var copy = self
        return try Swift.withUnsafeBytes(of: &copy) { try body($0) }
    }

    /// The 32 bytes as an array.
    @inlinable
    public var bytes: [UInt8] { withUnsafeBytes { Array($0) } }

    /// The Keccak-256 digest with these bytes.
    @inlinable
    public var digest: Keccak256.Digest {
        withUnsafeBytes { Keccak256.Digest(bytes: $0)! }
    }

    /// Whether all 32 bytes are zero.
    @inlinable
    public var isZero: Bool { (w0 | w1 | w2 | w3) == 0 }

    /// Lower-case hex with a `0x` prefix.
    public var description: String { Hex.encode(bytes) }

    /// Parses `0x` followed by exactly 64 hex digits.
    public init(hex: String) throws(TrustError) {
        let decoded: [UInt8]
        do {
            decoded = try Hex.decode(hex)
        } catch {
            throw .invalidInput("expected 32 bytes of hex: \(error.message)")
        }
        guard let value = Bytes32(bytes: decoded) else {
            throw .invalidInput("expected 32 bytes of hex (64 digits), got \(decoded.count) bytes")
        }
        self = value
    }
}
