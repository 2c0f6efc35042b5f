public import AntibodyMath

/// Checked `uint256` arithmetic with the EVM's revert semantics: where Solidity 0.8 (or SafeMath)
/// would revert, these throw a ``SimError`` revert with the same reason the fixtures record.
/// All are O(1) and allocation-free.
public enum EVM {
    /// `2¹¹²`, the bound of `uint112`.
    public static let uint112Limit: UInt256 = 5_192_296_858_534_827_628_530_496_329_220_096

    /// `a + b`, reverting on overflow.
    @inlinable
    public static func add(_ a: UInt256, _ b: UInt256) throws(SimError) -> UInt256 {
        let (r, o) = a.addingReportingOverflow(b)
        if o { throw .revert("panic: arithmetic overflow") }
        return r
    }

    /// `a − b`, reverting on underflow.
    @inlinable
    public static func sub(_ a: UInt256, _ b: UInt256) throws(SimError) -> UInt256 {
        let (r, o) = a.subtractingReportingOverflow(b)
        if o { throw .revert("panic: arithmetic underflow") }
        return r
    }

    /// `a · b`, reverting on overflow.
    @inlinable
    public static func mul(_ a: UInt256, _ b: UInt256) throws(SimError) -> UInt256 {
        let (r, o) = a.multipliedReportingOverflow(by: b)
        if o { throw .revert("panic: arithmetic overflow") }
        return r
    }

    /// `a / b` rounded down, reverting on division by zero.
    @inlinable
    public static func div(_ a: UInt256, _ b: UInt256) throws(SimError) -> UInt256 {
        if b.isZero { throw .revert("panic: division by zero") }
        return a / b
    }

    /// `a · b / d` rounded down with a 512-bit intermediate (no overflow unless the quotient does).
    @inlinable
    public static func mulDiv(_ a: UInt256, _ b: UInt256, _ d: UInt256) throws(SimError) -> UInt256 {
        if d.isZero { throw .revert("panic: division by zero") }
        let product = a.multipliedFullWidth(by: b)
        if product.high >= d { throw .revert("panic: arithmetic overflow") }
        return d.dividingFullWidth(product).quotient
    }
}
