// Parsing decimal and hexadecimal text. Input is validated byte by byte: no sign, no whitespace,
// no separators; values ≥ 2²⁵⁶ are rejected. Linear time, no allocation.

extension UInt256: LosslessStringConvertible {
    /// 2²⁵⁶ − 1 in decimal, for messages.
    @usableFromInline
    static let maxDecimal = "115792089237316195423570985008687907853269984665640564039457584007913129639935"

    /// Parses a decimal string such as `"1000000000000000000"`; `nil` if it is not one (see
    /// ``init(parsingDecimal:)`` for the rules and an error that says why).
    @inlinable
    public init?(decimal text: some StringProtocol) {
        guard let value = try? UInt256(parsingDecimal: text) else { return nil }
        self = value
    }

    /// Parses a hexadecimal string with or without a `0x` / `0X` prefix; `nil` if it is not one (see
    /// ``init(parsingHex:)``).
    @inlinable
    public init?(hex text: some StringProtocol) {
        guard let value = try? UInt256(parsingHex: text) else { return nil }
        self = value
    }

    /// Parses decimal text (the inverse of `description`); `nil` for anything else.
    @inlinable
    public init?(_ description: String) {
        self.init(decimal: description)
    }

    /// Parses a decimal string: one or more ASCII digits `0`–`9` (leading zeros allowed), with a value
    /// at most 2²⁵⁶ − 1.
    ///
    /// - Throws: ``MathError`` (``MathError/isInvalidNumber``) for an empty string, a sign, any other
    ///   character (the message gives its offset), or a value above 2²⁵⁶ − 1.
    public init(parsingDecimal text: some StringProtocol) throws(MathError) {
        var value = UInt256.zero
        var chunk: UInt64 = 0
        var chunkDigits = 0
        var offset = 0
        for byte in text.utf8 {
            guard byte >= 0x30 && byte <= 0x39 else {
                throw Self.badCharacter(byte, at: offset, in: text, expected: "a decimal digit 0-9")
            }
            chunk = chunk &* 10 &+ UInt64(byte &- 0x30)
            chunkDigits += 1
            offset += 1
            if chunkDigits == 19 {
                let (next, overflow) = value.multipliedAdding(10_000_000_000_000_000_000, chunk)
                guard !overflow else { throw Self.decimalTooLarge(text) }
                value = next
                chunk = 0
                chunkDigits = 0
            }
        }
        guard offset > 0 else {
            throw MathError.invalidNumber("empty string is not a number; expected decimal digits such as \"42\"")
        }
        if chunkDigits > 0 {
            var scale: UInt64 = 1
            for _ in 0..<chunkDigits { scale &*= 10 }
            let (next, overflow) = value.multipliedAdding(scale, chunk)
            guard !overflow else { throw Self.decimalTooLarge(text) }
            value = next
        }
        self = value
    }

    /// Parses a hexadecimal string: an optional `0x` or `0X` prefix, then one or more hex digits
    /// (`0-9`, `a-f`, `A-F`; leading zeros allowed), with a value at most 2²⁵⁶ − 1.
    ///
    /// - Throws: ``MathError`` (``MathError/isInvalidNumber``) for an empty string, a bare `0x`, a sign,
    ///   any other character (the message gives its offset), or more than 64 significant digits.
    public init(parsingHex text: some StringProtocol) throws(MathError) {
        let bytes = text.utf8
        var index = bytes.startIndex
        var offset = 0
        if bytes.count >= 2, bytes.first == 0x30 {
            let second = bytes[bytes.index(after: index)]
            if second == 0x78 || second == 0x58 {
                index = bytes.index(index, offsetBy: 2)
                offset = 2
            }
        }
        guard index != bytes.endIndex else {
            throw MathError.invalidNumber(
                offset == 0
                    ? "empty string is not a number; expected hex digits such as \"0x2a\""
                    : "\"\(text)\" has no digits after the 0x prefix; expected hex digits such as \"0x2a\"")
        }
        var value = UInt256.zero
        var significant = 0
        while index != bytes.endIndex {
            let byte = bytes[index]
            let digit: UInt64
            switch byte {
            case 0x30...0x39: digit = UInt64(byte &- 0x30)
            case 0x61...0x66: digit = UInt64(byte &- 0x61 &+ 10)
            case 0x41...0x46: digit = UInt64(byte &- 0x41 &+ 10)
            default:
                throw Self.badCharacter(byte, at: offset, in: text, expected: "a hex digit 0-9, a-f or A-F")
            }
            if significant > 0 || digit != 0 {
                significant += 1
                guard significant <= 64 else {
                    throw MathError.invalidNumber(
                        "hex number \(Self.excerpt(text)) has more than 64 significant digits, so it exceeds "
                            + "2^256 - 1 (0xffff…ffff, 64 digits)")
                }
                value = value.shiftedLeft(4)
                value.w0 |= digit
            }
            index = bytes.index(after: index)
            offset += 1
        }
        self = value
    }

    @usableFromInline
    static func badCharacter(
        _ byte: UInt8, at offset: Int, in text: some StringProtocol, expected: String
    )
        -> MathError
    {
        let shown =
            byte >= 0x20 && byte < 0x7f ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x\(String(byte, radix: 16))"
        if offset == 0 && (byte == 0x2d || byte == 0x2b) {
            return MathError.invalidNumber(
                "\(Self.excerpt(text)) has a sign (\(shown)); UInt256 is unsigned: give digits only")
        }
        return MathError.invalidNumber(
            "invalid character \(shown) at offset \(offset) in \(Self.excerpt(text)); expected \(expected)")
    }

    @usableFromInline
    static func decimalTooLarge(_ text: some StringProtocol) -> MathError {
        MathError.invalidNumber(
            "decimal number \(Self.excerpt(text)) exceeds 2^256 - 1 (\(maxDecimal)); use a smaller value")
    }

    /// The text for an error message, quoted and cut to 90 characters so a huge input stays readable.
    @usableFromInline
    static func excerpt(_ text: some StringProtocol) -> String {
        text.count <= 90 ? "\"\(text)\"" : "\"\(text.prefix(80))…\" (\(text.count) characters)"
    }
}
