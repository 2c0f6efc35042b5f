extension UInt256: Hashable, Comparable {
    @inlinable @inline(__always)
    public static func == (lhs: UInt256, rhs: UInt256) -> Bool {
        ((lhs.w0 ^ rhs.w0) | (lhs.w1 ^ rhs.w1) | (lhs.w2 ^ rhs.w2) | (lhs.w3 ^ rhs.w3)) == 0
    }

    /// `lhs < rhs`, computed branch-free as the borrow out of `lhs − rhs`.
    @inlinable @inline(__always)
    public static func < (lhs: UInt256, rhs: UInt256) -> Bool {
        lhs.subtractingReportingOverflow(rhs).overflow
    }

    @inlinable
    public func hash(into hasher: inout Hasher) {
        hasher.combine(w0)
        hasher.combine(w1)
        hasher.combine(w2)
        hasher.combine(w3)
    }
}
