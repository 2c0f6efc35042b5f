/// Hexadecimal encoding and decoding of byte strings, the way Ethereum tools write them.
public enum Hex {
    /// The longest hex string ``decode(_:)`` accepts, in characters (bounds untrusted input).
    public static let maximumInputLength = 1 << 24

    /// Lower-case hex of `bytes`, with a `0x` prefix unless `prefix` is false.
    public static func encode(_ bytes: some Sequence<UInt8>, prefix: Bool = true) -> String {
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var out: [UInt8] = prefix ? [0x30, 0x78] : []
        out.reserveCapacity(out.count + bytes.underestimatedCount * 2)
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The bytes of a hex string: an optional `0x`/`0X` prefix, then an even number of hex digits
    /// in either case. `"0x"` and `""` decode to no bytes.
    ///
    /// - Throws: ``CoreError`` naming the first bad character and its position, an odd length, or
    ///   an input longer than ``maximumInputLength``.
    public static func decode(_ string: String) throws(CoreError) -> [UInt8] {
        var utf8 = Substring(string).utf8[...]
        if utf8.count >= 2, utf8.first == 0x30, let x = utf8.dropFirst().first, x == 0x78 || x == 0x58 {
            utf8 = utf8.dropFirst(2)
        }
        guard utf8.count <= maximumInputLength else {
            throw .invalidValue(
                "hex string of \(utf8.count) characters is longer than the \(maximumInputLength) accepted")
        }
        guard utf8.count % 2 == 0 else {
            throw .invalidValue("hex string has an odd number of digits (\(utf8.count)); pad it with a leading 0")
        }
        var out = [UInt8]()
        out.reserveCapacity(utf8.count / 2)
        var high: UInt8 = 0
        var index = string.utf8.count - utf8.count
        for (i, c) in utf8.enumerated() {
            guard let v = nibble(c) else {
                let shown = c < 0x80 ? String(UnicodeScalar(c)).debugDescription : "a non-ASCII byte"
                throw .invalidValue("hex string has \(shown) at position \(index); only 0-9, a-f and A-F are allowed")
            }
            if i % 2 == 0 { high = v } else { out.append(high << 4 | v) }
            index += 1
        }
        return out
    }

    /// The value of one ASCII hex digit, or `nil`.
    @inlinable
    static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case 0x30...0x39: c - 0x30
        case 0x61...0x66: c - 0x61 + 10
        case 0x41...0x46: c - 0x41 + 10
        default: nil
        }
    }
}
