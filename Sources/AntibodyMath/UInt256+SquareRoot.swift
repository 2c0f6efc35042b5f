extension UInt256 {
    /// The floor of the square root, `⌊√x⌋`: the largest `r` with `r × r ≤ x`.
    ///
    /// Starts from a `Double` estimate nudged above the true root, takes Newton steps
    /// `r ← ⌊(r + ⌊x / r⌋) / 2⌋` while they decrease, then checks `r² ≤ x < (r + 1)²` exactly.
    ///
    /// - Complexity: about three 256-by-128-bit divisions; no allocation.
    @inlinable
    public static func sqrt(_ x: UInt256) -> UInt256 {
        if x.isZero { return .zero }
        // Relative error of the estimate is below 2⁻⁵¹; scaling by 1 + 2⁻⁴⁸ puts it above √x.
        var r = UInt256(Double(x).squareRoot() * (1 + 0x1p-48)) &+ UInt256.one
        while true {
            let next = (r &+ x.unsafeQuotientAndRemainder(r).quotient) &>> 1
            if next >= r { break }
            r = next
        }
        // Exact check (guards the estimate's error analysis): r² ≤ x < (r + 1)².
        while true {
            let (high, low) = r.multipliedFullWidth(by: r)
            if high.isZero && low <= x { break }
            r = r &- UInt256.one
        }
        while true {
            let s = r &+ UInt256.one
            let (high, low) = s.multipliedFullWidth(by: s)
            if !high.isZero || low > x { break }
            r = s
        }
        return r
    }
}
