public import AntibodyMath

/// Aave v3's fixed-point maths (`WadRayMath`, `PercentageMath`, `MathUtils`), rounding half up and
/// reverting where the assembly versions revert (`a·b + half` must fit in 256 bits).
public enum AaveMath {
    /// 10¹⁸.
    public static let wad: UInt256 = 1_000_000_000_000_000_000
    /// 10²⁷.
    public static let ray: UInt256 = 1_000_000_000_000_000_000_000_000_000
    @usableFromInline static let halfWad: UInt256 = 500_000_000_000_000_000
    @usableFromInline static let halfRay: UInt256 = 500_000_000_000_000_000_000_000_000
    /// 10⁴ = 100.00 %.
    public static let percentageFactor: UInt256 = 10_000
    @usableFromInline static let halfPercentage: UInt256 = 5_000
    /// 365 days in seconds (leap years ignored, as `MathUtils` does).
    public static let secondsPerYear: UInt256 = 31_536_000

    /// `(a·b + RAY/2) / RAY`.
    @inlinable
    public static func rayMul(_ a: UInt256, _ b: UInt256) throws(SimError) -> UInt256 {
        if !b.isZero, a > (UInt256.max - halfRay) / b { throw .revert("panic: rayMul overflow") }
        return (a &* b &+ halfRay) / ray
    }

    /// `(a·RAY + b/2) / b`.
    @inlinable
    public static func rayDiv(_ a: UInt256, _ b: UInt256) throws(SimError) -> UInt256 {
        if b.isZero || a > (UInt256.max - b / 2) / ray { throw .revert("panic: rayDiv overflow or division by zero") }
        return (a &* ray &+ b / 2) / b
    }

    /// `(a·b + WAD/2) / WAD`.
    @inlinable
    public static func wadMul(_ a: UInt256, _ b: UInt256) throws(SimError) -> UInt256 {
        if !b.isZero, a > (UInt256.max - halfWad) / b { throw .revert("panic: wadMul overflow") }
        return (a &* b &+ halfWad) / wad
    }

    /// `(a·WAD + b/2) / b`.
    @inlinable
    public static func wadDiv(_ a: UInt256, _ b: UInt256) throws(SimError) -> UInt256 {
        if b.isZero || a > (UInt256.max - b / 2) / wad { throw .revert("panic: wadDiv overflow or division by zero") }
        return (a &* wad &+ b / 2) / b
    }

    /// `a · 10⁹` (WAD to RAY), reverting on overflow.
    @inlinable
    public static func wadToRay(_ a: UInt256) throws(SimError) -> UInt256 {
        try EVM.mul(a, 1_000_000_000)
    }

    /// `(value·percentage + 5000) / 10000`.
    @inlinable
    public static func percentMul(_ value: UInt256, _ percentage: UInt256) throws(SimError) -> UInt256 {
        if !percentage.isZero, value > (UInt256.max - halfPercentage) / percentage {
            throw .revert("panic: percentMul overflow")
        }
        return (value &* percentage &+ halfPercentage) / percentageFactor
    }

    /// `(value·10000 + percentage/2) / percentage`.
    @inlinable
    public static func percentDiv(_ value: UInt256, _ percentage: UInt256) throws(SimError) -> UInt256 {
        if percentage.isZero || value > (UInt256.max - percentage / 2) / percentageFactor {
            throw .revert("panic: percentDiv overflow or division by zero")
        }
        return (value &* percentageFactor &+ percentage / 2) / percentage
    }

    /// `MathUtils.calculateLinearInterest`: `RAY + rate·Δt / SECONDS_PER_YEAR`.
    @inlinable
    public static func linearInterest(rate: UInt256, seconds: UInt64) throws(SimError) -> UInt256 {
        try EVM.add(ray, try EVM.mul(rate, UInt256(low64: seconds)) / secondsPerYear)
    }

    /// `MathUtils.calculateCompoundedInterest`: the three-term binomial approximation of
    /// `(1 + rate/year)^Δt` in RAY.
    @inlinable
    public static func compoundedInterest(rate: UInt256, seconds: UInt64) throws(SimError) -> UInt256 {
        if seconds == 0 { return ray }
        let exp = UInt256(low64: seconds)
        let expMinusOne = UInt256(low64: seconds - 1)
        let expMinusTwo = UInt256(low64: seconds > 2 ? seconds - 2 : 0)
        let basePowerTwo = try rayMul(rate, rate) / (secondsPerYear * secondsPerYear)
        let basePowerThree = try rayMul(basePowerTwo, rate) / secondsPerYear
        let secondTerm = try EVM.mul(try EVM.mul(exp, expMinusOne), basePowerTwo) / 2
        let thirdTerm = try EVM.mul(try EVM.mul(try EVM.mul(exp, expMinusOne), expMinusTwo), basePowerThree) / 6
        let first = try EVM.mul(rate, exp) / secondsPerYear
        return try EVM.add(try EVM.add(try EVM.add(ray, first), secondTerm), thirdTerm)
    }
}
