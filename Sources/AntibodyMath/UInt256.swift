/// An unsigned 256-bit integer: the `uint256` of the EVM, with the full Swift integer API.
///
/// `UInt256` conforms to `FixedWidthInteger` and `UnsignedInteger`, so it behaves like the standard
/// library's integers:
///
/// - `+`, `-`, `*`, `/`, `%` **trap** on overflow, underflow and division by zero, exactly as `UInt64`
///   does. The checked forms `addingReportingOverflow(_:)`, `subtractingReportingOverflow(_:)`,
///   `multipliedReportingOverflow(by:)`, `dividedReportingOverflow(by:)` report overflow instead of
///   trapping; the wrapping operators `&+`, `&-`, `&*` compute modulo 2²⁵⁶ as the EVM does.
/// - `multipliedFullWidth(by:)` gives the exact 512-bit product and `dividingFullWidth(_:)` divides a
///   512-bit value; ``mulDiv(_:_:_:)`` builds Uniswap-v3-style `FullMath` on them.
/// - Shifts: `<<` and `>>` are "smart" (a shift by 256 or more gives zero, a negative amount shifts the
///   other way), `&<<` and `&>>` mask the amount to `0..<256`.
///
/// The value is stored as four 64-bit limbs in little-endian limb order (`w0` holds bits 0–63, `w3`
/// bits 192–255). All arithmetic works on the limbs in registers: no operation allocates.
///
/// Text: `description` is decimal, ``hexDescription`` is `0x`-prefixed hex; ``init(decimal:)`` and
/// ``init(hex:)`` parse (returning `nil` for bad input) and ``init(parsingDecimal:)`` /
/// ``init(parsingHex:)`` throw a ``MathError`` that says what was wrong. `Codable` uses a decimal string.
///
/// Integer literals of any size work: `let q96: UInt256 = 79228162514264337593543950336`.
@frozen
public struct UInt256: Sendable {
    /// Bits 0–63 (the least significant limb).
    public var w0: UInt64
    /// Bits 64–127.
    public var w1: UInt64
    /// Bits 128–191.
    public var w2: UInt64
    /// Bits 192–255 (the most significant limb).
    public var w3: UInt64

    /// Creates a value from its four limbs, least significant first: `w0 + w1·2⁶⁴ + w2·2¹²⁸ + w3·2¹⁹²`.
    @inlinable @inline(__always)
    public init(w0: UInt64, w1: UInt64, w2: UInt64, w3: UInt64) {
        self.w0 = w0
        self.w1 = w1
        self.w2 = w2
        self.w3 = w3
    }

    /// Creates a value from a 64-bit unsigned integer (no conversion cost).
    @inlinable @inline(__always)
    public init(low64 value: UInt64) {
        self.init(w0: value, w1: 0, w2: 0, w3: 0)
    }

    /// Creates a value from two 128-bit halves: `high · 2¹²⁸ + low`.
    @inlinable @inline(__always)
    public init(high: UInt128, low: UInt128) {
        self.init(
            w0: UInt64(truncatingIfNeeded: low), w1: UInt64(truncatingIfNeeded: low &>> 64),
            w2: UInt64(truncatingIfNeeded: high), w3: UInt64(truncatingIfNeeded: high &>> 64))
    }

    /// Whether the value is zero.
    @inlinable @inline(__always)
    public var isZero: Bool { (w0 | w1 | w2 | w3) == 0 }

    /// Whether the value fits in 64 bits (`w1`, `w2` and `w3` are zero).
    @inlinable @inline(__always)
    internal var fitsInLimb: Bool { (w1 | w2 | w3) == 0 }

    /// The limb at `index` (0 is the least significant), for `index` in `0..<4`.
    @inlinable @inline(__always)
    internal func limb(_ index: Int) -> UInt64 {
        switch index {
        case 0: return w0
        case 1: return w1
        case 2: return w2
        default: return w3
        }
    }

    /// The number of significant bits: 0 for zero, 256 for values ≥ 2²⁵⁵.
    @inlinable
    public var bitLength: Int { 256 - leadingZeroBitCount }
}
