// Conversions between UInt256 and Double, with the standard library's semantics:
// - to Double: round to nearest, ties to even (exact below 2⁵³; 2²⁵⁶ − 1 rounds to 2²⁵⁶);
// - from Double: `init(_:)` truncates toward zero and traps for NaN, ±∞, values ≤ −1 and ≥ 2²⁵⁶;
//   `init?(exactly:)` returns nil unless the value is a whole number in 0 ..< 2²⁵⁶.

extension UInt256 {
    /// Creates the integer part of `source`, truncating toward zero (so `2.9` → 2, `-0.5` → 0).
    ///
    /// - Precondition: `source` is finite and `-1 < source < 2²⁵⁶`, as for `UInt64(_: Double)`; check
    ///   with `init?(exactly:)` or ``init(clampingOrNil:)`` for untrusted input.
    @inlinable
    public init(_ source: Double) {
        precondition(
            source.isFinite, "Double value cannot be converted to UInt256 because it is either infinite or NaN")
        precondition(
            source > -1, "Double value cannot be converted to UInt256 because the result would be less than UInt256.min"
        )
        precondition(
            source < 0x1p256,
            "Double value cannot be converted to UInt256 because the result would be greater than UInt256.max")
        self.init(truncatingInRange: source)
    }

    /// Creates `source` if it is a whole number in `0 ..< 2²⁵⁶` (`-0.0` gives 0); otherwise `nil`.
    @inlinable
    public init?(exactly source: Double) {
        guard source.isFinite, source >= 0, source < 0x1p256, source == source.rounded(.towardZero) else {
            return nil
        }
        self.init(truncatingInRange: source)
    }

    /// Creates the integer part of `source` (truncating toward zero), or `nil` for NaN, ±∞, values
    /// ≤ −1 and values ≥ 2²⁵⁶: the non-trapping form of ``init(_:)-(Double)`` for untrusted input.
    @inlinable
    public init?(clampingOrNil source: Double) {
        guard source.isFinite, source > -1, source < 0x1p256 else { return nil }
        self.init(truncatingInRange: source)
    }

    /// Truncation toward zero of a finite `source` in `(-1, 2²⁵⁶)`.
    @inlinable
    internal init(truncatingInRange source: Double) {
        guard source >= 1 else {
            self = .zero
            return
        }
        let exponent = Int(source.exponent)  // 0 ... 255
        let significand = source.significandBitPattern | (1 << 52)  // value = significand · 2^(exponent − 52)
        if exponent >= 52 {
            self = UInt256(low64: significand).shiftedLeft(exponent - 52)
        } else {
            self = UInt256(low64: significand &>> (52 - exponent))
        }
    }
}

extension Double {
    /// The nearest `Double` to `value`, ties to even (exact for values below 2⁵³).
    @inlinable
    public init(_ value: UInt256) {
        if value.fitsInLimb {
            self = Double(value.w0)
            return
        }
        let length = value.bitLength  // > 64
        // The top 64 bits, and whether any bit below them is set.
        let top = value.shiftedLeft(256 - length)
        let sticky = (top.w0 | top.w1 | top.w2) != 0
        var mantissa = top.w3 &>> 11  // 53 bits
        let rest = top.w3 & 0x7ff  // the 11 bits below them
        if rest > 0x400 || (rest == 0x400 && (sticky || mantissa & 1 == 1)) {
            mantissa += 1  // may become 2⁵³, still exact
        }
        self = Double(sign: .plus, exponent: length - 53, significand: Double(mantissa))
    }

    /// `value` if it is exactly representable (at most 53 significant bits), otherwise `nil`.
    @inlinable
    public init?(exactly value: UInt256) {
        guard value.isZero || value.bitLength - value.trailingZeroBitCount <= 53 else { return nil }
        self.init(value)
    }
}
