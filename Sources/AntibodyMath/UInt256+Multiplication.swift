// Multiplication on 64-bit limbs (128-bit limb products): the full 512-bit product column by column
// (16 limb products, 8 when a factor is below 2¹²⁸), the wrapping low 256 bits row by row (10).
// Allocation-free.

extension UInt256 {
    /// The exact 512-bit product `self × other` as two 256-bit halves.
    ///
    /// Column by column (Comba's method): the 16 limb products are summed into a 192-bit accumulator,
    /// one output limb per column, so each product costs a multiply and three additions.
    ///
    /// - Complexity: 16 limb multiplications, 8 when either factor is below 2¹²⁸ (token amounts and
    ///   liquidities usually are); O(1).
    @inlinable
    public func multipliedFullWidth(by other: UInt256) -> (high: UInt256, low: UInt256) {
        if (other.w2 | other.w3) == 0 { return multipliedFullWidth(byLow: other.w0, other.w1) }
        if (w2 | w3) == 0 { return other.multipliedFullWidth(byLow: w0, w1) }
        let a0 = w0, a1 = w1, a2 = w2, a3 = w3
        let b0 = other.w0, b1 = other.w1, b2 = other.w2, b3 = other.w3
        typealias L = LimbArithmetic
        var acc = L.Accumulator()
        acc.add(a0, b0)
        let r0 = acc.shift()
        acc.add(a0, b1)
        acc.add(a1, b0)
        let r1 = acc.shift()
        acc.add(a0, b2)
        acc.add(a1, b1)
        acc.add(a2, b0)
        let r2 = acc.shift()
        acc.add(a0, b3)
        acc.add(a1, b2)
        acc.add(a2, b1)
        acc.add(a3, b0)
        let r3 = acc.shift()
        acc.add(a1, b3)
        acc.add(a2, b2)
        acc.add(a3, b1)
        let r4 = acc.shift()
        acc.add(a2, b3)
        acc.add(a3, b2)
        let r5 = acc.shift()
        acc.add(a3, b3)
        let r6 = acc.shift()
        let r7 = acc.shift()
        return (UInt256(w0: r4, w1: r5, w2: r6, w3: r7), UInt256(w0: r0, w1: r1, w2: r2, w3: r3))
    }

    /// The exact product of `self` and the 128-bit value `b1·2⁶⁴ + b0` (8 limb products).
    @inlinable @inline(__always)
    internal func multipliedFullWidth(byLow b0: UInt64, _ b1: UInt64) -> (high: UInt256, low: UInt256) {
        var acc = LimbArithmetic.Accumulator()
        acc.add(w0, b0)
        let r0 = acc.shift()
        acc.add(w0, b1)
        acc.add(w1, b0)
        let r1 = acc.shift()
        acc.add(w1, b1)
        acc.add(w2, b0)
        let r2 = acc.shift()
        acc.add(w2, b1)
        acc.add(w3, b0)
        let r3 = acc.shift()
        acc.add(w3, b1)
        let r4 = acc.shift()
        let r5 = acc.shift()
        return (UInt256(w0: r4, w1: r5, w2: 0, w3: 0), UInt256(w0: r0, w1: r1, w2: r2, w3: r3))
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

    /// The exact product `self × m` as the limb above 256 bits and the low 256 bits.
    @inlinable @inline(__always)
    internal func multipliedFullWidth(byLimb m: UInt64) -> (high: UInt64, low: UInt256) {
        typealias L = LimbArithmetic
        var c: UInt64
        var r0, r1, r2, r3: UInt64
        (c, r0) = L.mulAdd(w0, m, 0, 0)
        (c, r1) = L.mulAdd(w1, m, 0, c)
        (c, r2) = L.mulAdd(w2, m, 0, c)
        (c, r3) = L.mulAdd(w3, m, 0, c)
        return (c, UInt256(w0: r0, w1: r1, w2: r2, w3: r3))
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
