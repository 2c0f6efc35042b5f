/// Big-endian byte encodings used in the module's digests.
enum CanonicalBytes {
    static func append(_ value: UInt64, to out: inout [UInt8]) {
        for shift in stride(from: 56, through: 0, by: -8) {
            out.append(UInt8(truncatingIfNeeded: value >> UInt64(shift)))
        }
    }

    static func append(_ value: UInt32, to out: inout [UInt8]) {
        for shift in stride(from: 24, through: 0, by: -8) {
            out.append(UInt8(truncatingIfNeeded: value >> UInt32(shift)))
        }
    }

    /// The IEEE-754 bit pattern, with −0 folded to +0 so equal values encode equally.
    static func append(_ value: Double, to out: inout [UInt8]) {
        append((value == 0 ? 0.0 : value).bitPattern, to: &out)
    }
}
