// The FixedWidthInteger / UnsignedInteger conformance: the remaining requirements. Arithmetic,
// shifts, bit operations and comparisons live in their own files.

extension UInt256: FixedWidthInteger, UnsignedInteger {
    public typealias Magnitude = UInt256
    public typealias IntegerLiteralType = StaticBigInt

    /// 256.
    @inlinable
    public static var bitWidth: Int { 256 }

    /// Zero.
    @inlinable
    public static var zero: UInt256 { UInt256(w0: 0, w1: 0, w2: 0, w3: 0) }

    /// Zero.
    @inlinable
    public static var min: UInt256 { .zero }

    /// 2²⁵⁶ − 1.
    @inlinable
    public static var max: UInt256 { UInt256(w0: .max, w1: .max, w2: .max, w3: .max) }

    /// One.
    @inlinable
    public static var one: UInt256 { UInt256(w0: 1, w1: 0, w2: 0, w3: 0) }

    /// The value itself (unsigned).
    @inlinable
    public var magnitude: UInt256 { self }

    /// Creates a value from the low bits of a machine word.
    @inlinable @inline(__always)
    public init(_truncatingBits bits: UInt) {
        self.init(w0: UInt64(truncatingIfNeeded: bits), w1: 0, w2: 0, w3: 0)
    }

    /// Creates a value from an integer literal of any size.
    ///
    /// - Precondition: the literal is non-negative and below 2²⁵⁶ (checked; a negative or too-large
    ///   literal traps at run time).
    @inlinable
    public init(integerLiteral value: StaticBigInt) {
        precondition(value.signum() >= 0, "negative integer literal cannot be a UInt256")
        precondition(value.bitWidth <= 257, "integer literal does not fit in UInt256 (max 2^256 - 1)")
        #if _pointerBitWidth(_64)
            self.init(w0: UInt64(value[0]), w1: UInt64(value[1]), w2: UInt64(value[2]), w3: UInt64(value[3]))
        #else
            func limb(_ i: Int) -> UInt64 { UInt64(value[2 * i]) | UInt64(value[2 * i + 1]) << 32 }
            self.init(w0: limb(0), w1: limb(1), w2: limb(2), w3: limb(3))
        #endif
    }
}
