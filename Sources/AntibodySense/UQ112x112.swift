public import AntibodyMath

/// Uniswap V2's `UQ112x112` fixed-point numbers (112 integer bits, 112 fractional bits, stored in
/// 224 of a `uint256`) and the arithmetic the pair contract and its oracle library do with them.
public enum UQ112x112 {
    /// `2^112`, the scale (`Q112`).
    public static let q112: UInt256 = UInt256(1) << 112

    /// The largest reserve a pair holds: `type(uint112).max`.
    public static let maxReserve: UInt128 = (UInt128(1) << 112) - 1

    /// `UQ112x112.encode(numerator).uqdiv(denominator)` — equivalently `FixedPoint.fraction(numerator,
    /// denominator)`: `numerator · 2^112 / denominator`, floor division. Fits in 224 bits for
    /// 112-bit inputs.
    ///
    /// - Precondition: `denominator > 0` and both are at most ``maxReserve``.
    @inlinable
    public static func fraction(_ numerator: UInt128, _ denominator: UInt128) -> UInt256 {
        precondition(denominator > 0 && numerator <= maxReserve && denominator <= maxReserve, "UQ112x112 range")
        return (UInt256(high: 0, low: numerator) << 112) / UInt256(high: 0, low: denominator)
    }

    /// The average price over `elapsed` seconds from two cumulative readings, as Uniswap's example
    /// oracles compute it: `(end − start) / elapsed` with the subtraction wrapping modulo 2^256 (the
    /// accumulators overflow by design), truncated to 224 bits.
    ///
    /// - Precondition: `elapsed > 0`.
    @inlinable
    public static func average(from start: UInt256, to end: UInt256, elapsed: UInt32) -> UInt256 {
        precondition(elapsed > 0, "TWAP over an empty interval")
        let quotient = (end &- start) / UInt256(high: 0, low: UInt128(elapsed))
        return quotient & ((UInt256(1) << 224) &- 1)
    }

    /// `value / 2^112` as a `Double` (the nearest representable).
    @inlinable
    public static func double(_ value: UInt256) -> Double {
        Double(value) / 5_192_296_858_534_827_628_530_496_329_220_096.0  // 2^112, exact in binary
    }
}
