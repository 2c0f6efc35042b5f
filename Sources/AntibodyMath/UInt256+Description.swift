// Text output: decimal `description` and `0x`-prefixed `hexDescription`.

extension UInt256: CustomStringConvertible, CustomDebugStringConvertible {
    /// The decimal digits, without sign or leading zeros (`"0"` for zero).
    public var description: String {
        if fitsInLimb { return String(w0) }
        // Split into base-10¹⁹ chunks (at most 5 for 78 digits), least significant first.
        let base: UInt64 = 10_000_000_000_000_000_000
        var chunks: [UInt64] = []
        chunks.reserveCapacity(5)
        var rest = self
        while !rest.fitsInLimb {
            let (q, r) = rest.quotientAndRemainder(dividingByLimb: base)
            chunks.append(r)
            rest = q
        }
        var text = String(rest.w0)
        for chunk in chunks.reversed() {
            let digits = String(chunk)
            text += String(repeating: "0", count: 19 - digits.count) + digits
        }
        return text
    }

    /// The value in lowercase hexadecimal with a `0x` prefix and no leading zeros (`"0x0"` for zero).
    public var hexDescription: String {
        let limbs = [w0, w1, w2, w3]
        var top = 3
        while top > 0 && limbs[top] == 0 { top -= 1 }
        var text = "0x" + String(limbs[top], radix: 16)
        for i in stride(from: top - 1, through: 0, by: -1) {
            let digits = String(limbs[i], radix: 16)
            text += String(repeating: "0", count: 16 - digits.count) + digits
        }
        return text
    }

    /// The value as a typed literal, e.g. `UInt256(42)`.
    public var debugDescription: String { "UInt256(\(description))" }
}
