extension TOMLParser {
    /// An integer, float, date, time or date-time starting at `i`.
    mutating func parseNumberOrDate() throws(TOMLError) -> TOMLValue {
        let start = position
        let begin = i
        var j = i
        func isTokenByte(_ c: UInt8) -> Bool {
            Self.isBareKey(c) || c == 0x2B || c == 0x2E || c == 0x3A
        }
        while j < bytes.count, isTokenByte(bytes[j]) { j += 1 }
        // A date followed by a space and a time is one date-time: 1979-05-27 07:32:00.
        if j - begin == 10, byte(at: begin + 4) == 0x2D, byte(at: j) == 0x20, Self.isDigit(byte(at: j + 1)),
            Self.isDigit(byte(at: j + 2)), byte(at: j + 3) == 0x3A
        {
            j += 1
            while j < bytes.count, isTokenByte(bytes[j]) { j += 1 }
        }
        let token = Array(bytes[begin..<j])
        i = j
        if token.count >= 5, token.count <= 64, Self.isDigit(token[0]), Self.isDigit(token[1]),
            token[2] == 0x3A || (token.count >= 8 && token[4] == 0x2D && token[7] == 0x2D && Self.isDigit(token[3]))
        {
            return TOMLValue(.dateTime(try parseDateTime(token, at: start)), at: start)
        }
        return try parseNumber(token, at: start)
    }

    // MARK: Numbers

    func parseNumber(_ token: [UInt8], at start: TOMLPosition) throws(TOMLError) -> TOMLValue {
        let text = String(decoding: token, as: UTF8.self)
        let shown = token.count > 40 ? String(decoding: token.prefix(40), as: UTF8.self) + "…" : text
        let bad = TOMLError.syntax(
            start, "'\(shown)' is not a valid number",
            hint: "write 42, -17, 1_000, 0xff, 0o17, 0b101, 3.14, 6.02e23, inf or nan; quote text: \"…\"")
        var body = token[...]
        var negative = false
        var signed = false
        if let first = body.first, first == 0x2B || first == 0x2D {
            negative = first == 0x2D
            signed = true
            body = body.dropFirst()
        }
        if body.elementsEqual("inf".utf8) { return TOMLValue(.float(negative ? -.infinity : .infinity), at: start) }
        if body.elementsEqual("nan".utf8) { return TOMLValue(.float(.nan), at: start) }
        // Hex, octal, binary: no sign, underscores only between digits, leading zeros allowed.
        if body.count >= 2, body[body.startIndex] == 0x30,
            let radix: UInt64 = [0x78: 16, 0x6F: 8, 0x62: 2][body[body.startIndex + 1]]
        {
            guard !signed else {
                throw .syntax(
                    start, "'\(shown)': a hex, octal or binary integer cannot have a sign", hint: "drop the sign")
            }
            guard let digits = Self.digits(body.dropFirst(2), radix: radix) else { throw bad }
            var value: UInt64 = 0
            for d in digits {
                let (m, o1) = value.multipliedReportingOverflow(by: radix)
                let (s, o2) = m.addingReportingOverflow(UInt64(d))
                guard !o1, !o2, s <= UInt64(Int64.max) else { throw outOfRange(shown, start) }
                value = s
            }
            return TOMLValue(.integer(Int64(value)), at: start)
        }
        // Decimal: integer part, then an optional fraction and exponent.
        var k = body.startIndex
        while k < body.endIndex, body[k] != 0x2E, body[k] != 0x65, body[k] != 0x45 { k += 1 }
        let integerPart = body[body.startIndex..<k]
        guard let intDigits = Self.digits(integerPart, radix: 10) else { throw bad }
        guard intDigits.count == 1 || intDigits.first != 0 else {
            throw .syntax(
                start, "'\(shown)': a decimal number cannot have leading zeros", hint: "drop the leading zeros")
        }
        if k == body.endIndex {
            var value: UInt64 = 0
            for d in intDigits {
                let (m, o1) = value.multipliedReportingOverflow(by: 10)
                let (s, o2) = m.addingReportingOverflow(UInt64(d))
                guard !o1, !o2 else { throw outOfRange(shown, start) }
                value = s
            }
            if negative {
                guard value <= UInt64(Int64.max) + 1 else { throw outOfRange(shown, start) }
                return TOMLValue(.integer(value == UInt64(Int64.max) + 1 ? .min : -Int64(value)), at: start)
            }
            guard value <= UInt64(Int64.max) else { throw outOfRange(shown, start) }
            return TOMLValue(.integer(Int64(value)), at: start)
        }
        var clean = (negative ? "-" : "") + intDigits.map { String($0) }.joined()
        var rest = body[k...]
        if rest.first == 0x2E {
            rest = rest.dropFirst()
            var e = rest.startIndex
            while e < rest.endIndex, rest[e] != 0x65, rest[e] != 0x45 { e += 1 }
            guard let fraction = Self.digits(rest[rest.startIndex..<e], radix: 10) else { throw bad }
            clean += "." + fraction.map { String($0) }.joined()
            rest = rest[e...]
        }
        if let e = rest.first {
            guard e == 0x65 || e == 0x45 else { throw bad }
            rest = rest.dropFirst()
            var sign = ""
            if let s = rest.first, s == 0x2B || s == 0x2D {
                sign = s == 0x2D ? "-" : "+"
                rest = rest.dropFirst()
            }
            guard let exponent = Self.digits(rest, radix: 10) else { throw bad }
            clean += "e" + sign + exponent.map { String($0) }.joined()
        }
        guard let value = Double(clean) else { throw bad }
        guard value.isFinite else {
            throw .syntax(start, "'\(shown)' is too large for a 64-bit float", hint: "use a smaller exponent")
        }
        return TOMLValue(.float(value), at: start)
    }

    func outOfRange(_ shown: String, _ start: TOMLPosition) -> TOMLError {
        .syntax(
            start, "'\(shown)' does not fit a 64-bit signed integer",
            hint: "integers range from -9223372036854775808 to 9223372036854775807")
    }

    /// The digit values of `text` in `radix`, with single underscores allowed only between digits;
    /// nil when it is empty or malformed.
    static func digits(_ text: ArraySlice<UInt8>, radix: UInt64) -> [UInt8]? {
        var out: [UInt8] = []
        var previousUnderscore = true
        for c in text {
            if c == 0x5F {
                guard !previousUnderscore else { return nil }
                previousUnderscore = true
                continue
            }
            guard let d = hexValue(c), UInt64(d) < radix else { return nil }
            out.append(d)
            previousUnderscore = false
        }
        guard !out.isEmpty, !previousUnderscore else { return nil }
        return out
    }

    // MARK: Dates and times

    func parseDateTime(_ token: [UInt8], at start: TOMLPosition) throws(TOMLError) -> TOMLDateTime {
        let shown = String(decoding: token, as: UTF8.self)
        let bad = TOMLError.syntax(
            start, "'\(shown)' is not a valid date or time",
            hint: "write RFC 3339: 1979-05-27T07:32:00Z, 1979-05-27T07:32:00, 1979-05-27 or 07:32:00")
        var k = 0
        func number(_ width: Int) -> Int? {
            guard k + width <= token.count else { return nil }
            var n = 0
            for c in token[k..<(k + width)] {
                guard Self.isDigit(c) else { return nil }
                n = n * 10 + Int(c - 0x30)
            }
            k += width
            return n
        }
        func expect(_ c: UInt8) -> Bool {
            guard k < token.count, token[k] == c else { return false }
            k += 1
            return true
        }
        func time() throws(TOMLError) -> TOMLDateTime.Time {
            guard let hour = number(2), expect(0x3A), let minute = number(2), expect(0x3A), let second = number(2)
            else { throw bad }
            var nanosecond = 0
            var fractionDigits = 0
            if expect(0x2E) {
                let first = k
                while k < token.count, Self.isDigit(token[k]) {
                    if k - first < 9 { nanosecond = nanosecond * 10 + Int(token[k] - 0x30) }
                    k += 1
                }
                fractionDigits = k - first
                guard fractionDigits > 0 else { throw bad }
                for _ in min(9, fractionDigits)..<9 { nanosecond *= 10 }
            }
            guard hour <= 23, minute <= 59, second <= 60 else {
                throw .syntax(
                    start, "'\(shown)' has a time out of range",
                    hint: "hours 00–23, minutes 00–59, seconds 00–60")
            }
            return TOMLDateTime.Time(
                hour: hour, minute: minute, second: second, nanosecond: nanosecond, fractionDigits: fractionDigits)
        }
        if token.count >= 3, token[2] == 0x3A {
            let t = try time()
            guard k == token.count else { throw bad }
            return TOMLDateTime(date: nil, time: t, offsetMinutes: nil)
        }
        guard let year = number(4), expect(0x2D), let month = number(2), expect(0x2D), let day = number(2) else {
            throw bad
        }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard (1...12).contains(month), day >= 1, day <= days[month - 1] else {
            throw .syntax(
                start, "'\(shown)' is not a calendar date", hint: "months are 01–12 and days must exist in the month")
        }
        let date = TOMLDateTime.Date(year: year, month: month, day: day)
        guard k < token.count else { return TOMLDateTime(date: date, time: nil, offsetMinutes: nil) }
        guard expect(0x54) || expect(0x74) || expect(0x20) else { throw bad }
        let t = try time()
        guard k < token.count else { return TOMLDateTime(date: date, time: t, offsetMinutes: nil) }
        if expect(0x5A) || expect(0x7A) {
            guard k == token.count else { throw bad }
            return TOMLDateTime(date: date, time: t, offsetMinutes: 0)
        }
        guard k < token.count, token[k] == 0x2B || token[k] == 0x2D else { throw bad }
        let sign = token[k] == 0x2D ? -1 : 1
        k += 1
        guard let oh = number(2), expect(0x3A), let om = number(2), k == token.count else { throw bad }
        guard oh <= 23, om <= 59 else {
            throw .syntax(start, "'\(shown)' has an offset out of range", hint: "offsets run from -23:59 to +23:59")
        }
        return TOMLDateTime(date: date, time: t, offsetMinutes: sign * (oh * 60 + om))
    }
}
