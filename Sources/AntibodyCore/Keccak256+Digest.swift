extension Keccak256 {
    /// A 32-byte Keccak-256 digest, stored inline (no heap allocation).
    ///
    /// The bytes are held as four 64-bit words whose in-memory little-endian representation is the
    /// digest's byte order, so ``withUnsafeBytes(_:)`` exposes the 32 bytes in order.
    @frozen
    public struct Digest: Hashable, Sendable, CustomStringConvertible {
        @usableFromInline var w0, w1, w2, w3: UInt64

        /// A digest from four words in the little-endian encoding of its bytes.
        @inlinable
        init(_ w0: UInt64, _ w1: UInt64, _ w2: UInt64, _ w3: UInt64) {
            (self.w0, self.w1, self.w2, self.w3) = (w0, w1, w2, w3)
        }

        /// A digest from exactly 32 bytes, or `nil` for any other length.
        public init?(bytes: some Collection<UInt8>) {
            guard bytes.count == 32 else { return nil }
            (w0, w1, w2, w3) = (0, 0, 0, 0)
            withUnsafeMutableBytes(of: &self) { raw in
                for (i, b) in bytes.enumerated() { raw[i] = b }
            }
        }

        /// Calls `body` with the 32 digest bytes.
        @inlinable
        public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
            var copy = self
            return try Swift.withUnsafeBytes(of: &copy) { try body($0) }
        }

        /// The 32 digest bytes.
        @inlinable
        public var bytes: [UInt8] { withUnsafeBytes { Array($0) } }

        /// The first four bytes, e.g. an ABI function selector.
        @inlinable
        public var prefix4: [UInt8] { withUnsafeBytes { Array($0.prefix(4)) } }

        /// Lower-case hex with a `0x` prefix.
        public var description: String { Hex.encode(bytes) }
    }
}
