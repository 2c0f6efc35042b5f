// WAD (18 decimals) and RAY (27 decimals) fixed point, bit-for-bit as Aave v3's WadRayMath.sol
// (aave-v3-core, contracts/protocol/libraries/math/WadRayMath.sol): multiplication and division round
// half up, and every case in which the Solidity reverts throws here.

extension UInt256 {
    /// One WAD: 10¹⁸.
    @inlinable
    public static var wad: UInt256 { UInt256(low64: 1_000_000_000_000_000_000) }

    /// Half a WAD: 5·10¹⁷.
    @inlinable
    public static var halfWad: UInt256 { UInt256(low64: 500_000_000_000_000_000) }

    /// One RAY: 10²⁷.
    @inlinable
    public static var ray: UInt256 { UInt256(w0: 0x9fd0_803c_e800_0000, w1: 0x33b_2e3c, w2: 0, w3: 0) }

    /// Half a RAY: 5·10²⁶.
    @inlinable
    public static var halfRay: UInt256 { UInt256(w0: 0x4fe8_401e_7400_0000, w1: 0x19d_971e, w2: 0, w3: 0) }

    /// 10⁹, the RAY / WAD ratio.
    @inlinable
    public static var wadRayRatio: UInt256 { UInt256(low64: 1_000_000_000) }
}

/// `a × b` in WAD, rounded half up: `(a × b + 0.5e18) / 1e18`.
///
/// - Throws: ``MathError`` overflow when `a × b + 0.5e18 > 2²⁵⁶ − 1` (where Aave reverts).
@inlinable
public func wadMul(_ a: UInt256, _ b: UInt256) throws(MathError) -> UInt256 {
    try halfUpProduct(a, b, half: .halfWad, unit: .wad, operation: "wadMul")
}

/// `a / b` in WAD, rounded half up: `(a × 1e18 + b / 2) / b`.
///
/// - Throws: ``MathError`` division by zero when `b == 0`; overflow when `a × 1e18 + b / 2 > 2²⁵⁶ − 1`
///   (where Aave reverts).
@inlinable
public func wadDiv(_ a: UInt256, _ b: UInt256) throws(MathError) -> UInt256 {
    try halfUpQuotient(a, b, unit: .wad, operation: "wadDiv")
}

/// `a × b` in RAY, rounded half up: `(a × b + 0.5e27) / 1e27`.
///
/// - Throws: ``MathError`` overflow when `a × b + 0.5e27 > 2²⁵⁶ − 1` (where Aave reverts).
@inlinable
public func rayMul(_ a: UInt256, _ b: UInt256) throws(MathError) -> UInt256 {
    try halfUpProduct(a, b, half: .halfRay, unit: .ray, operation: "rayMul")
}

/// `a / b` in RAY, rounded half up: `(a × 1e27 + b / 2) / b`.
///
/// - Throws: ``MathError`` division by zero when `b == 0`; overflow when `a × 1e27 + b / 2 > 2²⁵⁶ − 1`
///   (where Aave reverts).
@inlinable
public func rayDiv(_ a: UInt256, _ b: UInt256) throws(MathError) -> UInt256 {
    try halfUpQuotient(a, b, unit: .ray, operation: "rayDiv")
}

/// A WAD converted to a RAY: `a × 1e9`.
///
/// - Throws: ``MathError`` overflow when `a × 1e9 > 2²⁵⁶ − 1` (where Aave reverts).
@inlinable
public func wadToRay(_ a: UInt256) throws(MathError) -> UInt256 {
    let (value, overflow) = a.multipliedAdding(1_000_000_000, 0)
    guard !overflow else {
        throw MathError.overflow("wadToRay: \(a) × 1e9 exceeds 2^256 - 1; the WAD value is too large for RAY")
    }
    return value
}

/// A RAY converted to a WAD, rounded half up: `a / 1e9`, plus one when `a mod 1e9 ≥ 5e8`. Never fails.
@inlinable
public func rayToWad(_ a: UInt256) -> UInt256 {
    let (quotient, remainder) = a.quotientAndRemainder(dividingByLimb: 1_000_000_000)
    // quotient ≤ (2²⁵⁶ − 1) / 1e9, so adding one cannot overflow.
    return remainder >= 500_000_000 ? quotient &+ UInt256.one : quotient
}

/// `(a × b + half) / unit`, throwing where Aave's `wadMul` / `rayMul` revert.
@inlinable
internal func halfUpProduct(
    _ a: UInt256, _ b: UInt256, half: UInt256, unit: UInt256, operation: StaticString
) throws(MathError) -> UInt256 {
    // Aave reverts when b ≠ 0 and a > (2²⁵⁶ − 1 − half) / b, i.e. exactly when a × b + half overflows.
    let (high, low) = a.multipliedFullWidth(by: b)
    let (sum, carry) = low.addingReportingOverflow(half)
    guard high.isZero && !carry else {
        throw MathError.overflow(
            "\(operation): \(a) × \(b) + \(half) exceeds 2^256 - 1 (the Solidity reverts); use smaller operands")
    }
    return sum.unsafeQuotientAndRemainder(unit).quotient
}

/// `(a × unit + b / 2) / b`, throwing where Aave's `wadDiv` / `rayDiv` revert.
@inlinable
internal func halfUpQuotient(
    _ a: UInt256, _ b: UInt256, unit: UInt256, operation: StaticString
) throws(MathError) -> UInt256 {
    guard !b.isZero else {
        throw MathError.divisionByZero("\(operation): divisor is zero (the Solidity reverts); pass a nonzero divisor")
    }
    // Aave reverts when a > (2²⁵⁶ − 1 − b / 2) / unit, i.e. exactly when a × unit + b / 2 overflows.
    let (high, low) = a.multipliedFullWidth(by: unit)
    let (sum, carry) = low.addingReportingOverflow(b &>> 1)
    guard high.isZero && !carry else {
        throw MathError.overflow(
            "\(operation): \(a) × \(unit) + \(b) / 2 exceeds 2^256 - 1 (the Solidity reverts); use a smaller dividend")
    }
    return sum.unsafeQuotientAndRemainder(b).quotient
}
