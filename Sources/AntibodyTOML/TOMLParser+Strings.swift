extension TOMLParser {
    /// `"…"` with escapes, on one line. `i` is at the opening quote.
    mutating func parseBasicString() throws(TOMLError) -> String {
        let open = position
        i += 1
        var out: [UInt8] = []
        while true {
            guard i < bytes.count else {
                throw .syntax(open, "this string is never closed", hint: "add the closing '\"'")
            }
            let c = bytes[i]
            if c == 0x22 {
                i += 1
                return String(decoding: out, as: UTF8.self)
            }
            if c == 0x5C {
                try parseEscape(into: &out)
                continue
            }
            if c == 0x0A || c == 0x0D {
                throw .syntax(
                    position, "a line break inside the string opened at \(open)",
                    hint: "close the string on its line, or use \"\"\"…\"\"\" for text over several lines")
            }
            if Self.isControl(c) {
                throw .syntax(
                    position, "\(describe(at: i)) inside a string", hint: "write it as an escape, e.g. \\u0001")
            }
            out.append(c)
            i += 1
        }
    }

    /// `'…'` without escapes, on one line. `i` is at the opening quote.
    mutating func parseLiteralString() throws(TOMLError) -> String {
        let open = position
        i += 1
        let begin = i
        while true {
            guard i < bytes.count else {
                throw .syntax(open, "this string is never closed", hint: "add the closing \"'\"")
            }
            let c = bytes[i]
            if c == 0x27 {
                i += 1
                return String(decoding: bytes[begin..<(i - 1)], as: UTF8.self)
            }
            if c == 0x0A || c == 0x0D {
                throw .syntax(
                    position, "a line break inside the string opened at \(open)",
                    hint: "close the string on its line, or use '''…''' for text over several lines")
            }
            if Self.isControl(c) {
                throw .syntax(
                    position, "\(describe(at: i)) inside a literal string",
                    hint: "use a \"basic string\" with an escape such as \\u0001")
            }
            i += 1
        }
    }

    /// `"""…"""` (with escapes) or `'''…'''` (without); a line break right after the opening
    /// delimiter is dropped. Returns the text and where its content starts.
    mutating func parseMultilineString(quote: UInt8) throws(TOMLError) -> (String, TOMLPosition) {
        let open = position
        let delimiter = quote == 0x22 ? "\"\"\"" : "'''"
        i += 3
        if peek == 0x0A || (peek == 0x0D && byte(at: i + 1) == 0x0A) { try newline() }
        let content = position
        var out: [UInt8] = []
        while true {
            guard i < bytes.count else {
                throw .syntax(open, "this multi-line string is never closed", hint: "add the closing \(delimiter)")
            }
            let c = bytes[i]
            if c == quote {
                var run = 0
                while byte(at: i + run) == quote { run += 1 }
                if run >= 3 {
                    guard run <= 5 else {
                        throw .syntax(
                            position, "\(run) quotes in a row end the multi-line string",
                            hint: "at most two quotes may come right before the closing \(delimiter); escape the others"
                        )
                    }
                    out.append(contentsOf: repeatElement(quote, count: run - 3))
                    i += run
                    return (String(decoding: out, as: UTF8.self), content)
                }
                out.append(contentsOf: repeatElement(quote, count: run))
                i += run
                continue
            }
            if c == 0x5C && quote == 0x22 {
                var j = i + 1
                while let w = byte(at: j), w == 0x20 || w == 0x09 { j += 1 }
                if byte(at: j) == 0x0A || (byte(at: j) == 0x0D && byte(at: j + 1) == 0x0A) {
                    // A line-ending backslash: drop it and all whitespace and line breaks after it.
                    i = j
                    while let w = peek {
                        if w == 0x20 || w == 0x09 {
                            i += 1
                        } else if w == 0x0A || (w == 0x0D && byte(at: i + 1) == 0x0A) {
                            try newline()
                        } else {
                            break
                        }
                    }
                    continue
                }
                try parseEscape(into: &out)
                continue
            }
            if c == 0x0A || c == 0x0D {
                try newline()
                out.append(0x0A)
                continue
            }
            if Self.isControl(c) {
                throw .syntax(
                    position, "\(describe(at: i)) inside a multi-line string",
                    hint: quote == 0x22 ? "write it as an escape, e.g. \\u0001" : "use \"\"\"…\"\"\" with an escape")
            }
            out.append(c)
            i += 1
        }
    }

    /// An escape sequence at `i` (the backslash), appended to `out` as UTF-8.
    mutating func parseEscape(into out: inout [UInt8]) throws(TOMLError) {
        let start = position
        let hint = "use \\b \\t \\n \\f \\r \\\" \\\\ \\uXXXX or \\UXXXXXXXX, or a literal string '…'"
        guard let c = byte(at: i + 1) else {
            throw .syntax(start, "a backslash at the end of the file", hint: hint)
        }
        let simple: UInt8?
        switch c {
        case 0x62: simple = 0x08
        case 0x74: simple = 0x09
        case 0x6E: simple = 0x0A
        case 0x66: simple = 0x0C
        case 0x72: simple = 0x0D
        case 0x22: simple = 0x22
        case 0x5C: simple = 0x5C
        default: simple = nil
        }
        if let simple {
            out.append(simple)
            i += 2
            return
        }
        guard c == 0x75 || c == 0x55 else {
            throw .syntax(start, "the escape \\\(describe(at: i + 1).trimmingQuotes) is not valid in TOML", hint: hint)
        }
        let count = c == 0x75 ? 4 : 8
        var value: UInt32 = 0
        for k in 0..<count {
            guard let d = byte(at: i + 2 + k), let digit = Self.hexValue(d) else {
                throw .syntax(start, "\\\(c == 0x75 ? "u" : "U") needs \(count) hex digits", hint: hint)
            }
            value = value << 4 | UInt32(digit)
        }
        guard let scalar = Unicode.Scalar(value) else {
            throw .syntax(
                start, "\\\(c == 0x75 ? "u" : "U")\(Self.hex(value, count)) is not a Unicode scalar value",
                hint: "surrogates (D800–DFFF) and values above 10FFFF cannot be written")
        }
        out.append(contentsOf: Array(String(Character(scalar)).utf8))
        i += 2 + count
    }

    static func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case 0x30...0x39: c - 0x30
        case 0x41...0x46: c - 0x41 + 10
        case 0x61...0x66: c - 0x61 + 10
        default: nil
        }
    }
}

extension String {
    /// `'x'` → `x`, for quoting a character after a backslash in messages.
    var trimmingQuotes: String {
        hasPrefix("'") && hasSuffix("'") && count >= 2 ? String(dropFirst().dropLast()) : self
    }
}
