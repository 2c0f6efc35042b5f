public import AntibodyMath

extension UInt256 {
    /// The value as 32 big-endian bytes (an EVM word).
    public var bigEndianBytes: [UInt8] {
        var out = [UInt8](repeating: 0, count: 32)
        for (i, limb) in [w3, w2, w1, w0].enumerated() {
            for j in 0..<8 { out[i * 8 + j] = UInt8(truncatingIfNeeded: limb >> UInt64(56 - 8 * j)) }
        }
        return out
    }

    /// A value from at most 32 big-endian bytes (fewer are left-padded with zeros); `nil` for more.
    public init?(bigEndianBytes bytes: some Collection<UInt8>) {
        guard bytes.count <= 32 else { return nil }
        var limbs: [UInt64] = [0, 0, 0, 0]  // w3, w2, w1, w0
        let padded = [UInt8](repeating: 0, count: 32 - bytes.count) + bytes
        for i in 0..<4 {
            var limb: UInt64 = 0
            for j in 0..<8 { limb = limb << 8 | UInt64(padded[i * 8 + j]) }
            limbs[i] = limb
        }
        self.init(w0: limbs[3], w1: limbs[2], w2: limbs[1], w3: limbs[0])
    }
}

extension UInt256 {
    /// The value as `UInt64`, or `nil` if it does not fit.
    var exactUInt64: UInt64? { (w1 | w2 | w3) == 0 ? w0 : nil }
}
