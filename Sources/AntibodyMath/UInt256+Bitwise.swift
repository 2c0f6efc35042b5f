// Bitwise operations and bit counts, limb by limb.

extension UInt256 {
    /// Bitwise AND.
    @inlinable @inline(__always)
    public static func & (lhs: UInt256, rhs: UInt256) -> UInt256 {
        UInt256(w0: lhs.w0 & rhs.w0, w1: lhs.w1 & rhs.w1, w2: lhs.w2 & rhs.w2, w3: lhs.w3 & rhs.w3)
    }

    /// Bitwise OR.
    @inlinable @inline(__always)
    public static func | (lhs: UInt256, rhs: UInt256) -> UInt256 {
        UInt256(w0: lhs.w0 | rhs.w0, w1: lhs.w1 | rhs.w1, w2: lhs.w2 | rhs.w2, w3: lhs.w3 | rhs.w3)
    }

    /// Bitwise XOR.
    @inlinable @inline(__always)
    public static func ^ (lhs: UInt256, rhs: UInt256) -> UInt256 {
        UInt256(w0: lhs.w0 ^ rhs.w0, w1: lhs.w1 ^ rhs.w1, w2: lhs.w2 ^ rhs.w2, w3: lhs.w3 ^ rhs.w3)
    }

    /// Bitwise NOT.
    @inlinable @inline(__always)
    public static prefix func ~ (x: UInt256) -> UInt256 { UInt256(w0: ~x.w0, w1: ~x.w1, w2: ~x.w2, w3: ~x.w3) }

    /// Bitwise AND in place.
    @inlinable @inline(__always)
    public static func &= (lhs: inout UInt256, rhs: UInt256) { lhs = lhs & rhs }

    /// Bitwise OR in place.
    @inlinable @inline(__always)
    public static func |= (lhs: inout UInt256, rhs: UInt256) { lhs = lhs | rhs }

    /// Bitwise XOR in place.
    @inlinable @inline(__always)
    public static func ^= (lhs: inout UInt256, rhs: UInt256) { lhs = lhs ^ rhs }

    /// The number of leading zero bits (256 for zero).
    @inlinable
    public var leadingZeroBitCount: Int {
        if w3 != 0 { return w3.leadingZeroBitCount }
        if w2 != 0 { return 64 + w2.leadingZeroBitCount }
        if w1 != 0 { return 128 + w1.leadingZeroBitCount }
        return 192 + w0.leadingZeroBitCount
    }

    /// The number of trailing zero bits (256 for zero).
    @inlinable
    public var trailingZeroBitCount: Int {
        if w0 != 0 { return w0.trailingZeroBitCount }
        if w1 != 0 { return 64 + w1.trailingZeroBitCount }
        if w2 != 0 { return 128 + w2.trailingZeroBitCount }
        return 192 + w3.trailingZeroBitCount
    }

    /// The number of one bits.
    @inlinable
    public var nonzeroBitCount: Int {
        w0.nonzeroBitCount + w1.nonzeroBitCount + w2.nonzeroBitCount + w3.nonzeroBitCount
    }

    /// The value with its 32 bytes in reverse order (big-endian ↔ little-endian).
    @inlinable
    public var byteSwapped: UInt256 {
        UInt256(w0: w3.byteSwapped, w1: w2.byteSwapped, w2: w1.byteSwapped, w3: w0.byteSwapped)
    }
}
