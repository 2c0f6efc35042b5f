/// Keccak-256 as Ethereum uses it: the original Keccak submission's padding (domain byte `0x01`),
/// not the `0x06` of the later FIPS 202 SHA3-256. Rate 136 bytes, capacity 512 bits, 32-byte
/// output.
///
/// Use ``hash(_:)`` for one-shot hashing, or create a hasher, ``update(_:)-(UnsafeRawBufferPointer)``
/// it with as many pieces as you like, and ``finalize()`` it. The hasher is a value type with no
/// heap storage: hashing allocates nothing except where an API returns `[UInt8]`.
///
/// Complexity: O(n) in the input length; one Keccak-f[1600] permutation per 136-byte block.
public struct Keccak256: Sendable {
    /// Bytes absorbed per permutation.
    public static let rate = 136

    @usableFromInline var state = State()
    /// Bytes absorbed into the current block so far (0..<rate).
    @usableFromInline var offset = 0
    /// The domain-separation byte XORed in at padding time: 0x01 for Keccak, 0x06 for SHA3.
    @usableFromInline let delimiter: UInt8

    /// A fresh Keccak-256 hasher.
    @inlinable
    public init() { self.delimiter = 0x01 }

    /// A hasher with another padding delimiter (0x06 gives FIPS 202 SHA3-256); for tests only.
    @inlinable
    init(delimiter: UInt8) { self.delimiter = delimiter }

    /// Absorbs `bytes`.
    @inlinable
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard var src = bytes.baseAddress else { return }
        var remaining = bytes.count
        let rate = Self.rate
        withUnsafeMutableBytes(of: &state) { lanes in
            let dst = lanes.baseAddress!
            while remaining > 0 {
                let n = min(remaining, rate - offset)
                var i = 0
                // Whole lanes when aligned on a lane boundary, bytes otherwise.
                if offset & 7 == 0 {
                    while i + 8 <= n {
                        let word = UInt64(littleEndian: src.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                        let p = dst.advanced(by: offset + i).assumingMemoryBound(to: UInt64.self)
                        p.pointee ^= word
                        i += 8
                    }
                }
                while i < n {
                    let p = dst.advanced(by: offset + i).assumingMemoryBound(to: UInt8.self)
                    p.pointee ^= src.load(fromByteOffset: i, as: UInt8.self)
                    i += 1
                }
                offset += n
                remaining -= n
                src += n
                if offset == rate {
                    // `state` is borrowed through `lanes`; permute it in place through the pointer.
                    Self.permute(&dst.assumingMemoryBound(to: State.self).pointee)
                    offset = 0
                }
            }
        }
    }

    /// Absorbs the bytes of a sequence (contiguous collections take the fast path).
    @inlinable
    public mutating func update<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        let done: Void? = bytes.withContiguousStorageIfAvailable { buffer in
            update(UnsafeRawBufferPointer(buffer))
        }
        if done == nil {
            for byte in bytes {
                withUnsafeBytes(of: byte) { update($0) }
            }
        }
    }

    /// Pads, permutes and returns the 32-byte digest. The hasher should not be used afterwards.
    @inlinable
    public mutating func finalize() -> Digest {
        let rate = Self.rate
        let delimiter = delimiter
        let offset = offset
        withUnsafeMutableBytes(of: &state) { lanes in
            lanes[offset] ^= delimiter
            lanes[rate - 1] ^= 0x80
        }
        Self.permute(&state)
        return Digest(
            UInt64(littleEndian: state.a00), UInt64(littleEndian: state.a10),
            UInt64(littleEndian: state.a20), UInt64(littleEndian: state.a30))
    }

    /// The Keccak-256 digest of `bytes`.
    @inlinable
    public static func digest(_ bytes: UnsafeRawBufferPointer) -> Digest {
        var hasher = Keccak256()
        hasher.update(bytes)
        return hasher.finalize()
    }

    /// The Keccak-256 digest of the bytes of `bytes`.
    @inlinable
    public static func digest<Bytes: Sequence>(_ bytes: Bytes) -> Digest where Bytes.Element == UInt8 {
        var hasher = Keccak256()
        hasher.update(bytes)
        return hasher.finalize()
    }

    /// The 32-byte Keccak-256 hash of `bytes`.
    @inlinable
    public static func hash<Bytes: Sequence>(_ bytes: Bytes) -> [UInt8] where Bytes.Element == UInt8 {
        digest(bytes).bytes
    }

    /// The 32-byte Keccak-256 hash of the UTF-8 bytes of `string`.
    @inlinable
    public static func hash(_ string: String) -> [UInt8] {
        digest(string.utf8).bytes
    }
}
