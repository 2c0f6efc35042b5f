// The Keccak-f[1600] permutation, unrolled over named lanes so the 25-lane state lives in
// registers. Lane (x, y) is `a<x><y>`; the stored properties are declared in memory order
// x + 5y, which the sponge relies on when it absorbs and squeezes bytes (little-endian lanes).

extension Keccak256 {
    /// The 1600-bit Keccak state: 25 little-endian 64-bit lanes, lane (x, y) at index x + 5y.
    @usableFromInline
    struct State: Sendable {
        @usableFromInline var a00: UInt64 = 0
        @usableFromInline var a10: UInt64 = 0
        @usableFromInline var a20: UInt64 = 0
        @usableFromInline var a30: UInt64 = 0
        @usableFromInline var a40: UInt64 = 0
        @usableFromInline var a01: UInt64 = 0
        @usableFromInline var a11: UInt64 = 0
        @usableFromInline var a21: UInt64 = 0
        @usableFromInline var a31: UInt64 = 0
        @usableFromInline var a41: UInt64 = 0
        @usableFromInline var a02: UInt64 = 0
        @usableFromInline var a12: UInt64 = 0
        @usableFromInline var a22: UInt64 = 0
        @usableFromInline var a32: UInt64 = 0
        @usableFromInline var a42: UInt64 = 0
        @usableFromInline var a03: UInt64 = 0
        @usableFromInline var a13: UInt64 = 0
        @usableFromInline var a23: UInt64 = 0
        @usableFromInline var a33: UInt64 = 0
        @usableFromInline var a43: UInt64 = 0
        @usableFromInline var a04: UInt64 = 0
        @usableFromInline var a14: UInt64 = 0
        @usableFromInline var a24: UInt64 = 0
        @usableFromInline var a34: UInt64 = 0
        @usableFromInline var a44: UInt64 = 0

        @inlinable init() {}
    }

    /// The 24 round constants of Keccak-f[1600] ("The Keccak reference", version 3.0, section 1.2).
    @usableFromInline
    static let roundConstants: [UInt64] = [
        0x0000_0000_0000_0001, 0x0000_0000_0000_8082, 0x8000_0000_0000_808A, 0x8000_0000_8000_8000,
        0x0000_0000_0000_808B, 0x0000_0000_8000_0001, 0x8000_0000_8000_8081, 0x8000_0000_0000_8009,
        0x0000_0000_0000_008A, 0x0000_0000_0000_0088, 0x0000_0000_8000_8009, 0x0000_0000_8000_000A,
        0x0000_0000_8000_808B, 0x8000_0000_0000_008B, 0x8000_0000_0000_8089, 0x8000_0000_0000_8003,
        0x8000_0000_0000_8002, 0x8000_0000_0000_0080, 0x0000_0000_0000_800A, 0x8000_0000_8000_000A,
        0x8000_0000_8000_8081, 0x8000_0000_0000_8080, 0x0000_0000_8000_0001, 0x8000_0000_8000_8008,
    ]

    @inlinable @inline(__always)
    static func rotl(_ v: UInt64, _ n: UInt64) -> UInt64 { (v &<< n) | (v &>> (64 &- n)) }

    /// Keccak-f[1600]: 24 rounds over the 25 lanes (lane (x, y) at index x + 5y).
    @inlinable
    static func permute(_ s: inout State) {
        var a00 = s.a00
        var a10 = s.a10
        var a20 = s.a20
        var a30 = s.a30
        var a40 = s.a40
        var a01 = s.a01
        var a11 = s.a11
        var a21 = s.a21
        var a31 = s.a31
        var a41 = s.a41
        var a02 = s.a02
        var a12 = s.a12
        var a22 = s.a22
        var a32 = s.a32
        var a42 = s.a42
        var a03 = s.a03
        var a13 = s.a13
        var a23 = s.a23
        var a33 = s.a33
        var a43 = s.a43
        var a04 = s.a04
        var a14 = s.a14
        var a24 = s.a24
        var a34 = s.a34
        var a44 = s.a44
        let rc = roundConstants
        for round in 0..<24 {
            let c0 = a00 ^ a01 ^ a02 ^ a03 ^ a04
            let c1 = a10 ^ a11 ^ a12 ^ a13 ^ a14
            let c2 = a20 ^ a21 ^ a22 ^ a23 ^ a24
            let c3 = a30 ^ a31 ^ a32 ^ a33 ^ a34
            let c4 = a40 ^ a41 ^ a42 ^ a43 ^ a44
            let d0 = c4 ^ rotl(c1, 1)
            let d1 = c0 ^ rotl(c2, 1)
            let d2 = c1 ^ rotl(c3, 1)
            let d3 = c2 ^ rotl(c4, 1)
            let d4 = c3 ^ rotl(c0, 1)
            let b00 = (a00 ^ d0)
            let b10 = rotl(a11 ^ d1, 44)
            let b20 = rotl(a22 ^ d2, 43)
            let b30 = rotl(a33 ^ d3, 21)
            let b40 = rotl(a44 ^ d4, 14)
            let b01 = rotl(a30 ^ d3, 28)
            let b11 = rotl(a41 ^ d4, 20)
            let b21 = rotl(a02 ^ d0, 3)
            let b31 = rotl(a13 ^ d1, 45)
            let b41 = rotl(a24 ^ d2, 61)
            let b02 = rotl(a10 ^ d1, 1)
            let b12 = rotl(a21 ^ d2, 6)
            let b22 = rotl(a32 ^ d3, 25)
            let b32 = rotl(a43 ^ d4, 8)
            let b42 = rotl(a04 ^ d0, 18)
            let b03 = rotl(a40 ^ d4, 27)
            let b13 = rotl(a01 ^ d0, 36)
            let b23 = rotl(a12 ^ d1, 10)
            let b33 = rotl(a23 ^ d2, 15)
            let b43 = rotl(a34 ^ d3, 56)
            let b04 = rotl(a20 ^ d2, 62)
            let b14 = rotl(a31 ^ d3, 55)
            let b24 = rotl(a42 ^ d4, 39)
            let b34 = rotl(a03 ^ d0, 41)
            let b44 = rotl(a14 ^ d1, 2)
            a00 = b00 ^ (~b10 & b20)
            a10 = b10 ^ (~b20 & b30)
            a20 = b20 ^ (~b30 & b40)
            a30 = b30 ^ (~b40 & b00)
            a40 = b40 ^ (~b00 & b10)
            a01 = b01 ^ (~b11 & b21)
            a11 = b11 ^ (~b21 & b31)
            a21 = b21 ^ (~b31 & b41)
            a31 = b31 ^ (~b41 & b01)
            a41 = b41 ^ (~b01 & b11)
            a02 = b02 ^ (~b12 & b22)
            a12 = b12 ^ (~b22 & b32)
            a22 = b22 ^ (~b32 & b42)
            a32 = b32 ^ (~b42 & b02)
            a42 = b42 ^ (~b02 & b12)
            a03 = b03 ^ (~b13 & b23)
            a13 = b13 ^ (~b23 & b33)
            a23 = b23 ^ (~b33 & b43)
            a33 = b33 ^ (~b43 & b03)
            a43 = b43 ^ (~b03 & b13)
            a04 = b04 ^ (~b14 & b24)
            a14 = b14 ^ (~b24 & b34)
            a24 = b24 ^ (~b34 & b44)
            a34 = b34 ^ (~b44 & b04)
            a44 = b44 ^ (~b04 & b14)
            a00 ^= rc[round]
        }
        s.a00 = a00
        s.a10 = a10
        s.a20 = a20
        s.a30 = a30
        s.a40 = a40
        s.a01 = a01
        s.a11 = a11
        s.a21 = a21
        s.a31 = a31
        s.a41 = a41
        s.a02 = a02
        s.a12 = a12
        s.a22 = a22
        s.a32 = a32
        s.a42 = a42
        s.a03 = a03
        s.a13 = a13
        s.a23 = a23
        s.a33 = a33
        s.a43 = a43
        s.a04 = a04
        s.a14 = a14
        s.a24 = a24
        s.a34 = a34
        s.a44 = a44
    }

}
