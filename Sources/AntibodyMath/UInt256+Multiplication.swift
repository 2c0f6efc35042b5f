// Multiplication: schoolbook on 64-bit limbs with `UInt64.multipliedFullWidth`. The full 512-bit
// product takes 16 limb products, the wrapping (low 256-bit) product 10. Allocation-free.

extension UInt256 {
    /// The exact 512-bit product `self × other` as two 256-bit halves.
    ///
    /// - Complexity: 16 limb multiplications, O(1).
    @inlinable
    public func multipliedFullWidth(by other: UInt256) -> (high: UInt256, low: UInt256) {
        let a0 = w0, a1 = w1, a2 = w2, a3 = w3
        let b0 = other.w0, b1 = other.w1, b2 = other.w2, b3 = other.w3
        typealias L = LimbArithmetic
        // Row 0: a0 × b.
        var c: UInt64
        var r0, r1, r2, r3, r4, r5, r6, r7: UInt64
        (c, r0) = L.mulAdd(a0, b0, 0, 0)
        (c, r1) = L.mulAdd(a0, b1, 0, c)
        (c, r2) = L.mulAdd(a0, b2, 0, c)
        (r4, r3) = L.mulAdd(a0, b3, 0, c)
        // Row 1: a1 × b, shifted one limb.
        (c, r1) = L.mulAdd(a1, b0, r1, 0)
        (c, r2) = L.mulAdd(a1, b1, r2, c)
        (c, r3) = L.mulAdd(a1, b2, r3, c)
        (r5, r4) = L.mulAdd(a1, b3, r4, c)
        // Row 2.
        (c, r2) = L.mulAdd(a2, b0, r2, 0)
        (c, r3) = L.mulAdd(a2, b1, r3, c)
        (c, r4) = L.mulAdd(a2, b2, r4, c)
        (r6, r5) = L.mulAdd(a2, b3, r5, c)
        // Row 3.
        (c, r3) = L.mulAdd(a3, b0, r3, 0)
        (c, r4) = L.mulAdd(a3, b1, r4, c)
        (c, r5) = L.mulAdd(a3, b2, r5, c)
        (r7, r6) = L.mulAdd(a3, b3, r6, c)
        return (UInt256(w0: r4, w1: r5, w2: r6, w3: r7), UInt256(w0: r0, w1: r1, w2: r2, w3: r3))
    }

    /// `self × rhs` modulo 2²⁵⁶ and whether the true product exceeded `UInt256.max`.
    @inlinable
    public func multipliedReportingOverflow(by rhs: UInt256) -> (partialValue: UInt256, overflow: Bool) {
        // Both fit in 128 bits: the product fits in 256 bits (10 → 4 limb products).
        if (w2 | w3 | rhs.w2 | rhs.w3) == 0 {
            return (self.wrappingProduct(rhs), false)
        }
        let (high, low) = multipliedFullWidth(by: rhs)
        return (low, !high.isZero)
    }

    /// The low 256 bits of `self × other` (10 limb products).
    @inlinable @inline(__always)
    internal func wrappingProduct(_ other: UInt256) -> UInt256 {
        let a0 = w0, a1 = w1, a2 = w2, a3 = w3
        let b0 = other.w0, b1 = other.w1, b2 = other.w2, b3 = other.w3
        typealias L = LimbArithmetic
        var c: UInt64
        var r0, r1, r2, r3: UInt64
        (c, r0) = L.mulAdd(a0, b0, 0, 0)
        (c, r1) = L.mulAdd(a0, b1, 0, c)
        (c, r2) = L.mulAdd(a0, b2, 0, c)
        r3 = a0 &* b3 &+ c
        (c, r1) = L.mulAdd(a1, b0, r1, 0)
        (c, r2) = L.mulAdd(a1, b1, r2, c)
        r3 = r3 &+ a1 &* b2 &+ c
        (c, r2) = L.mulAdd(a2, b0, r2, 0)
        r3 = r3 &+ a2 &* b1 &+ c
        r3 = r3 &+ a3 &* b0
        return UInt256(w0: r0, w1: r1, w2: r2, w3: r3)
    }

    /// `self × m + a` for 64-bit `m` and `a`, and whether the result exceeded `UInt256.max`.
    @inlinable @inline(__always)
    internal func multipliedAdding(_ m: UInt64, _ a: UInt64) -> (partialValue: UInt256, overflow: Bool) {
        typealias L = LimbArithmetic
        var c: UInt64
        var r0, r1, r2, r3: UInt64
        (c, r0) = L.mulAdd(w0, m, a, 0)
        (c, r1) = L.mulAdd(w1, m, 0, c)
        (c, r2) = L.mulAdd(w2, m, 0, c)
        (c, r3) = L.mulAdd(w3, m, 0, c)
        return (UInt256(w0: r0, w1: r1, w2: r2, w3: r3), c != 0)
    }

    /// The product; traps if it exceeds `UInt256.max` (use `&*` to wrap, `multipliedReportingOverflow`
    /// to check, or `multipliedFullWidth` for the exact 512-bit result).
    @inlinable @inline(__always)
    public static func * (lhs: UInt256, rhs: UInt256) -> UInt256 {
        let (value, overflow) = lhs.multipliedReportingOverflow(by: rhs)
        precondition(!overflow, "UInt256 arithmetic overflow in *")
        return value
    }

    /// Multiplies in place; traps on overflow.
    @inlinable @inline(__always)
    public static func *= (lhs: inout UInt256, rhs: UInt256) { lhs = lhs * rhs }

    /// The product modulo 2²⁵⁶ (the EVM's `MUL`).
    @inlinable @inline(__always)
    public static func &* (lhs: UInt256, rhs: UInt256) -> UInt256 { lhs.wrappingProduct(rhs) }

    /// Multiplies modulo 2²⁵⁶ in place.
    @inlinable @inline(__always)
    public static func &*= (lhs: inout UInt256, rhs: UInt256) { lhs = lhs.wrappingProduct(rhs) }
}
