// Addition and subtraction: four limbs with carry propagation, O(1), allocation-free.

extension UInt256 {
    /// The low 128 bits (`w1:w0`).
    @inlinable @inline(__always)
    internal var low128: UInt128 { UInt128(w1) &<< 64 | UInt128(w0) }

    /// The high 128 bits (`w3:w2`).
    @inlinable @inline(__always)
    internal var high128: UInt128 { UInt128(w3) &<< 64 | UInt128(w2) }

    // Written on 128-bit halves: LLVM then emits a branch-free add/adc (sub/sbb) chain. The same code
    // on four 64-bit limbs with Bool carries compiled to data-dependent branches.

    /// `self + rhs` modulo 2²⁵⁶ and whether the true sum exceeded `UInt256.max`.
    @inlinable @inline(__always)
    public func addingReportingOverflow(_ rhs: UInt256) -> (partialValue: UInt256, overflow: Bool) {
        let (low, carry) = low128.addingReportingOverflow(rhs.low128)
        let (high1, overflow1) = high128.addingReportingOverflow(rhs.high128)
        let (high, overflow2) = high1.addingReportingOverflow(carry ? 1 : 0)
        return (UInt256(high: high, low: low), overflow1 || overflow2)
    }

    /// `self − rhs` modulo 2²⁵⁶ and whether `rhs > self` (a borrow out of the top limb).
    @inlinable @inline(__always)
    public func subtractingReportingOverflow(_ rhs: UInt256) -> (partialValue: UInt256, overflow: Bool) {
        let (low, borrow) = low128.subtractingReportingOverflow(rhs.low128)
        let (high1, overflow1) = high128.subtractingReportingOverflow(rhs.high128)
        let (high, overflow2) = high1.subtractingReportingOverflow(borrow ? 1 : 0)
        return (UInt256(high: high, low: low), overflow1 || overflow2)
    }

    /// The sum; traps if it exceeds `UInt256.max` (use `&+` to wrap or `addingReportingOverflow` to check).
    @inlinable @inline(__always)
    public static func + (lhs: UInt256, rhs: UInt256) -> UInt256 {
        let (value, overflow) = lhs.addingReportingOverflow(rhs)
        precondition(!overflow, "UInt256 arithmetic overflow in +")
        return value
    }

    /// The difference; traps if `rhs > lhs` (use `&-` to wrap or `subtractingReportingOverflow` to check).
    @inlinable @inline(__always)
    public static func - (lhs: UInt256, rhs: UInt256) -> UInt256 {
        let (value, overflow) = lhs.subtractingReportingOverflow(rhs)
        precondition(!overflow, "UInt256 arithmetic overflow in - (result would be negative)")
        return value
    }

    /// Adds in place; traps on overflow.
    @inlinable @inline(__always)
    public static func += (lhs: inout UInt256, rhs: UInt256) { lhs = lhs + rhs }

    /// Subtracts in place; traps on underflow.
    @inlinable @inline(__always)
    public static func -= (lhs: inout UInt256, rhs: UInt256) { lhs = lhs - rhs }

    /// The sum modulo 2²⁵⁶ (the EVM's `ADD`).
    @inlinable @inline(__always)
    public static func &+ (lhs: UInt256, rhs: UInt256) -> UInt256 { lhs.addingReportingOverflow(rhs).partialValue }

    /// The difference modulo 2²⁵⁶ (the EVM's `SUB`).
    @inlinable @inline(__always)
    public static func &- (lhs: UInt256, rhs: UInt256) -> UInt256 {
        lhs.subtractingReportingOverflow(rhs).partialValue
    }

    /// Adds modulo 2²⁵⁶ in place.
    @inlinable @inline(__always)
    public static func &+= (lhs: inout UInt256, rhs: UInt256) { lhs = lhs &+ rhs }

    /// Subtracts modulo 2²⁵⁶ in place.
    @inlinable @inline(__always)
    public static func &-= (lhs: inout UInt256, rhs: UInt256) { lhs = lhs &- rhs }
}
