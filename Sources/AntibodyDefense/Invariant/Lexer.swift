/// Splits an invariant expression into tokens; rejects any character the language does not use.
struct Lexer {
    private let bytes: [UInt8]
    private var index = 0
    private var line = 1
    private var column = 1

    /// Longest accepted expression, in bytes; longer input is rejected before lexing.
    static let maxLength = 4_096

    init(_ source: String) {
        bytes = Array(source.utf8)
    }

    mutating func tokenize() throws(InvariantError) -> [Token] {
        guard bytes.count <= Lexer.maxLength else {
            throw .syntax(
                SourcePosition(line: 1, column: 1), "expression is \(bytes.count) bytes long",
                hint: "keep an invariant under \(Lexer.maxLength) bytes; split it into several")
        }
        var tokens: [Token] = []
        while true {
            skipSpace()
            let start = SourcePosition(line: line, column: column)
            guard index < bytes.count else {
                tokens.append(Token(kind: .end, position: start))
                return tokens
            }
            let byte = bytes[index]
            if isLetter(byte) {
                tokens.append(Token(kind: .identifier(identifier()), position: start))
            } else if isDigit(byte) {
                tokens.append(Token(kind: try number(start), position: start))
            } else {
                tokens.append(Token(kind: .symbol(try symbol(start)), position: start))
            }
        }
    }

    private func isLetter(_ b: UInt8) -> Bool { (b >= 97 && b <= 122) || (b >= 65 && b <= 90) || b == 95 }
    private func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }

    private mutating func advance() {
        if bytes[index] == 10 {
            line += 1
            column = 1
        } else {
            column += 1
        }
        index += 1
    }

    private mutating func skipSpace() {
        while index < bytes.count, bytes[index] == 32 || bytes[index] == 9 || bytes[index] == 10 || bytes[index] == 13 {
            advance()
        }
    }

    private mutating func identifier() -> String {
        let start = index
        while index < bytes.count, isLetter(bytes[index]) || isDigit(bytes[index]) { advance() }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    private mutating func digits() -> [UInt8] {
        var result: [UInt8] = []
        while index < bytes.count, isDigit(bytes[index]) || bytes[index] == 95 {
            if bytes[index] != 95 { result.append(bytes[index]) }
            advance()
        }
        return result
    }

    private mutating func number(_ start: SourcePosition) throws(InvariantError) -> Token.Kind {
        let whole = digits()
        var fraction: [UInt8] = []
        var hasFraction = false
        if index + 1 < bytes.count, bytes[index] == 46, isDigit(bytes[index + 1]) {
            hasFraction = true
            advance()
            fraction = digits()
        }
        var exponentText = ""
        if index < bytes.count, bytes[index] == 101 || bytes[index] == 69 {
            let save = (index, line, column)
            advance()
            var sign = ""
            if index < bytes.count, bytes[index] == 43 || bytes[index] == 45 {
                sign = bytes[index] == 45 ? "-" : ""
                advance()
            }
            let exponent = digits()
            if exponent.isEmpty {
                (index, line, column) = save
            } else {
                exponentText = sign + String(decoding: exponent, as: UTF8.self)
            }
        }
        let wholeText = String(decoding: whole, as: UTF8.self)
        let fractionText = String(decoding: fraction, as: UTF8.self)
        if !exponentText.isEmpty {
            let text = wholeText + (hasFraction ? "." + fractionText : "") + "e" + exponentText
            guard let value = Double(text), value.isFinite else {
                throw .syntax(start, "float literal \(text) is out of range", hint: "use a finite number")
            }
            return .float(value)
        }
        if hasFraction {
            guard fraction.count <= 18 else {
                throw .syntax(
                    start, "decimal literal has \(fraction.count) fractional digits",
                    hint: "decimals keep 18 fractional digits; use a float literal such as 1e-20")
            }
            let padded = fractionText + String(repeating: "0", count: 18 - fraction.count)
            guard let w = Int128(wholeText), let f = Int128(padded),
                let scaled = w.multipliedReportingOverflow(by: Wad.one).overflow ? nil : w * Wad.one,
                case let (sum, false) = scaled.addingReportingOverflow(f)
            else {
                throw .syntax(
                    start, "decimal literal \(wholeText).\(fractionText) is out of range",
                    hint: "decimals range over ±1.7e20")
            }
            return .decimal(wad: sum, double: Double(wholeText + "." + fractionText) ?? 0)
        }
        // Duration suffix directly after an integer.
        if index < bytes.count, isLetter(bytes[index]) {
            let unitStart = index
            let unit = identifier()
            let factor: Int64? =
                switch unit {
                case "ms": 1
                case "s": 1_000
                case "m": 60_000
                case "h": 3_600_000
                case "d": 86_400_000
                default: nil
                }
            guard let factor else {
                _ = unitStart
                throw .syntax(
                    start, "unknown unit '\(unit)' after \(wholeText)",
                    hint: "durations use ms, s, m, h or d, e.g. 4h")
            }
            guard let amount = Int64(wholeText), case let (ms, false) = amount.multipliedReportingOverflow(by: factor),
                ms > 0
            else {
                throw .syntax(start, "duration \(wholeText)\(unit) is out of range", hint: "use a positive duration")
            }
            return .duration(ms)
        }
        guard let value = Int128(wholeText) else {
            throw .syntax(start, "integer literal \(wholeText) is out of range", hint: "integers range over ±1.7e38")
        }
        return .integer(value)
    }

    private mutating func symbol(_ start: SourcePosition) throws(InvariantError) -> String {
        let byte = bytes[index]
        let next: UInt8 = index + 1 < bytes.count ? bytes[index + 1] : 0
        let two = String(decoding: [byte, next], as: UTF8.self)
        if ["<=", ">=", "==", "!=", "&&", "||"].contains(two) {
            advance()
            advance()
            return two
        }
        let one = String(decoding: [byte], as: UTF8.self)
        if byte < 128, "+-*/%(),.@<>!".contains(one) {
            advance()
            return one
        }
        if byte == 61 {
            throw .syntax(start, "'=' is not an operator", hint: "compare with '=='")
        }
        let shown = byte < 128 && byte >= 32 ? "'\(one)'" : "byte 0x\(String(byte, radix: 16))"
        throw .syntax(
            start, "unexpected character \(shown)",
            hint: "expressions use fields (vault.totalAssets), numbers, + - * / %, comparisons and and/or/not")
    }
}
