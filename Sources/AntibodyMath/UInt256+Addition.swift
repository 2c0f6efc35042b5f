// Addition and subtraction: four limbs with carry propagation, O(1), allocation-free.

extension UInt256 {
    /// `self + rhs` modulo 2²⁵⁶ and whether the true sum exceeded `UInt256.max`.
    @inlinable @inline(__always)
    public func addingReportingOverflow(_ rhs: UInt256) -> (partialValue: UInt256, overflow: Bool) {
        let (s0, c0) = w0.addingReportingOverflow(rhs.w0)
        let (t1, a1) = w1.addingReportingOverflow(rhs.w1)
        let (s1, b1) = t1.addingReportingOverflow(c0 ? 1 : 0)
        let (t2, a2) = w2.addingReportingOverflow(rhs.w2)
        let (s2, b2) = t2.addingReportingOverflow((a1 || b1) ? 1 : 0)
        let (t3, a3) = w3.addingReportingOverflow(rhs.w3)
        let (s3, b3) = t3.addingReportingOverflow((a2 || b2) ? 1 : 0)
        return (UInt256(w0: s0, w1: s1, w2: s2, w3: s3), a3 || b3)
    }

    /// `self − rhs` modulo 2²⁵⁶ and whether `rhs > self` (a borrow out of the top limb).
    @inlinable @inline(__always)
    public func subtractingReportingOverflow(_ rhs: UInt256) -> (partialValue: UInt256, overflow: Bool) {
        let (s0, c0) = w0.subtractingReportingOverflow(rhs.w0)
        let (t1, a1) = w1.subtractingReportingOverflow(rhs.w1)
        let (s1, b1) = t1.subtractingReportingOverflow(c0 ? 1 : 0)
        let (t2, a2) = w2.subtractingReportingOverflow(rhs.w2)
        let (s2, b2) = t2.subtractingReportingOverflow((a1 || b1) ? 1 : 0)
        let (t3, a3) = w3.subtractingReportingOverflow(rhs.w3)
        let (s3, b3) = t3.subtractingReportingOverflow((a2 || b2) ? 1 : 0)
        return (UInt256(w0: s0, w1: s1, w2: s2, w3: s3), a3 || b3)
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
