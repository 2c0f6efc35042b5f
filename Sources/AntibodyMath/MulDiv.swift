// Full-precision multiply-then-divide with Uniswap v3 FullMath semantics: the product a × b is kept
// exactly in 512 bits, so `mulDiv` is exact whenever the final result fits in 256 bits.

/// `⌊a × b / denominator⌋` computed with a 512-bit intermediate product (Uniswap v3 `FullMath.mulDiv`).
///
/// - Throws: ``MathError`` — division by zero when `denominator == 0`; overflow when the result is
///   ≥ 2²⁵⁶. It never traps.
/// - Complexity: O(1): a 16-limb-product multiplication and a 512-by-256-bit division (at most 4 quotient
///   digits); no allocation.
@inlinable
public func mulDiv(_ a: UInt256, _ b: UInt256, _ denominator: UInt256) throws(MathError) -> UInt256 {
    try mulDivRemainder(a, b, denominator, operation: "mulDiv").quotient
}

/// `⌈a × b / denominator⌉` with a 512-bit intermediate product (Uniswap v3 `FullMath.mulDivRoundingUp`).
///
/// - Throws: ``MathError`` — division by zero when `denominator == 0`; overflow when the floor result is
///   ≥ 2²⁵⁶ or rounding it up would exceed 2²⁵⁶ − 1. It never traps.
@inlinable
public func mulDivRoundingUp(_ a: UInt256, _ b: UInt256, _ denominator: UInt256) throws(MathError) -> UInt256 {
    let (quotient, remainder) = try mulDivRemainder(a, b, denominator, operation: "mulDivRoundingUp")
    if remainder.isZero { return quotient }
    guard quotient != UInt256.max else {
        throw MathError.overflow(
            "mulDivRoundingUp: a × b / denominator rounds up to 2^256, which does not fit in UInt256; "
                + "use a larger denominator or the floor mulDiv")
    }
    return quotient &+ UInt256.one
}

/// The quotient and remainder of `a × b / denominator`, or the error `mulDiv` throws.
@inlinable @inline(__always)
internal func mulDivRemainder(
    _ a: UInt256, _ b: UInt256, _ denominator: UInt256, operation: StaticString
) throws(MathError) -> (quotient: UInt256, remainder: UInt256) {
    guard !denominator.isZero else {
        throw MathError.divisionByZero("\(operation): denominator is zero; pass a nonzero denominator")
    }
    let (high, low) = a.multipliedFullWidth(by: b)
    // Also covers a product below 2²⁵⁶ (high = 0): the division below takes any numerator.
    guard high < denominator else {
        throw MathError.overflow(
            "\(operation): a × b / denominator is 2^256 or more and does not fit in UInt256; "
                + "use a larger denominator or smaller factors")
    }
    return LimbArithmetic.divide(high: high, low: low, by: denominator)
}
