// Shifts. `&<<` / `&>>` mask the amount to 0..<256 (the FixedWidthInteger convention); `<<` / `>>` are
// the standard "smart" shifts: amounts ≥ 256 give 0 and negative amounts shift the other way.

extension UInt256 {
    /// `self` shifted left by `s` bits, `0 ≤ s < 256`.
    @inlinable @inline(__always)
    internal func shiftedLeft(_ s: Int) -> UInt256 {
        var a: UInt256
        switch s &>> 6 {
        case 0: a = self
        case 1: a = UInt256(w0: 0, w1: w0, w2: w1, w3: w2)
        case 2: a = UInt256(w0: 0, w1: 0, w2: w0, w3: w1)
        default: a = UInt256(w0: 0, w1: 0, w2: 0, w3: w0)
        }
        let bits = s & 63
        if bits != 0 {
            let back = 64 - bits
            a = UInt256(
                w0: a.w0 &<< bits, w1: a.w1 &<< bits | a.w0 &>> back,
                w2: a.w2 &<< bits | a.w1 &>> back, w3: a.w3 &<< bits | a.w2 &>> back)
        }
        return a
    }

    /// `self` shifted right by `s` bits, `0 ≤ s < 256`.
    @inlinable @inline(__always)
    internal func shiftedRight(_ s: Int) -> UInt256 {
        var a: UInt256
        switch s &>> 6 {
        case 0: a = self
        case 1: a = UInt256(w0: w1, w1: w2, w2: w3, w3: 0)
        case 2: a = UInt256(w0: w2, w1: w3, w2: 0, w3: 0)
        default: a = UInt256(w0: w3, w1: 0, w2: 0, w3: 0)
        }
        let bits = s & 63
        if bits != 0 {
            let back = 64 - bits
            a = UInt256(
                w0: a.w0 &>> bits | a.w1 &<< back, w1: a.w1 &>> bits | a.w2 &<< back,
                w2: a.w2 &>> bits | a.w3 &<< back, w3: a.w3 &>> bits)
        }
        return a
    }

    /// Left shift by `rhs mod 256` bits.
    @inlinable @inline(__always)
    public static func &<< (lhs: UInt256, rhs: UInt256) -> UInt256 { lhs.shiftedLeft(Int(rhs.w0 & 255)) }

    /// Right shift by `rhs mod 256` bits.
    @inlinable @inline(__always)
    public static func &>> (lhs: UInt256, rhs: UInt256) -> UInt256 { lhs.shiftedRight(Int(rhs.w0 & 255)) }

    /// Left shift in place by `rhs mod 256` bits.
    @inlinable @inline(__always)
    public static func &<<= (lhs: inout UInt256, rhs: UInt256) { lhs = lhs &<< rhs }

    /// Right shift in place by `rhs mod 256` bits.
    @inlinable @inline(__always)
    public static func &>>= (lhs: inout UInt256, rhs: UInt256) { lhs = lhs &>> rhs }

    /// Left shift by `rhs mod 256` bits.
    @inlinable @inline(__always)
    public static func &<< (lhs: UInt256, rhs: Int) -> UInt256 { lhs.shiftedLeft(rhs & 255) }

    /// Right shift by `rhs mod 256` bits.
    @inlinable @inline(__always)
    public static func &>> (lhs: UInt256, rhs: Int) -> UInt256 { lhs.shiftedRight(rhs & 255) }

    /// Smart left shift: amounts ≥ 256 give 0, negative amounts shift right.
    @inlinable @inline(__always)
    public static func << (lhs: UInt256, rhs: Int) -> UInt256 {
        if rhs >= 0 { return rhs >= 256 ? .zero : lhs.shiftedLeft(rhs) }
        return rhs <= -256 ? .zero : lhs.shiftedRight(-rhs)
    }

    /// Smart right shift: amounts ≥ 256 give 0, negative amounts shift left.
    @inlinable @inline(__always)
    public static func >> (lhs: UInt256, rhs: Int) -> UInt256 {
        if rhs >= 0 { return rhs >= 256 ? .zero : lhs.shiftedRight(rhs) }
        return rhs <= -256 ? .zero : lhs.shiftedLeft(-rhs)
    }

    /// Smart left shift in place.
    @inlinable @inline(__always)
    public static func <<= (lhs: inout UInt256, rhs: Int) { lhs = lhs << rhs }

    /// Smart right shift in place.
    @inlinable @inline(__always)
    public static func >>= (lhs: inout UInt256, rhs: Int) { lhs = lhs >> rhs }
}
