public import AntibodyDefense

/// Cheap checks on raw TOML text before it reaches the parser, so hostile input cannot exhaust
/// its stack: brackets and braces nested deeper than ``maxDepth`` outside strings are refused.
enum TOMLPreflight {
    /// Deepest `[`/`{` nesting accepted.
    static let maxDepth = 32

    /// The position and a description of a malformed table header: three or more `[`, or a
    /// header whose first key is empty (`[=a]`, `[.a]`). The TOML parser in use aborts the process
    /// on these instead of reporting an error, so they are caught here.
    static func badHeader(_ source: String) -> (SourcePosition, String)? {
        var line = 0
        for raw in source.split(separator: "\n", omittingEmptySubsequences: false) {
            line += 1
            let bytes = Array(raw.utf8)
            var i = 0
            while i < bytes.count, bytes[i] == 32 || bytes[i] == 9 { i += 1 }
            guard i < bytes.count, bytes[i] == 91 else { continue }
            let start = i
            var brackets = 0
            while i < bytes.count, bytes[i] == 91 {
                brackets += 1
                i += 1
            }
            if brackets > 2 {
                return (SourcePosition(line: line, column: start + 1), "a table header cannot start with '[[['")
            }
            while i < bytes.count, bytes[i] == 32 || bytes[i] == 9 { i += 1 }
            guard i < bytes.count, bytes[i] != 13 else {
                return (SourcePosition(line: line, column: start + 1), "a table header must have a key on its line")
            }
            let c = bytes[i]
            let isKeyStart =
                (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c == 95
                || c == 45 || c == 34 || c == 39 || c == 93
            if !isKeyStart {
                return (SourcePosition(line: line, column: i + 1), "a table header must start with a key")
            }
        }
        return nil
    }

    /// The first structural problem the TOML parser in use would abort on or overflow its stack
    /// with: brackets nested deeper than ``maxDepth``, or an array element that starts with `,`
    /// or `}` (a missing value). Returns its position and a message.
    static func structuralProblem(_ source: String) -> (SourcePosition, String)? {
        var depth = 0
        var valueStack: [UInt8] = []  // open arrays ([) and inline tables ({) inside values
        var afterEquals = false
        var expectElement = false
        var line = 1
        var column = 0
        var quote: UInt8?
        var tripleQuote = false
        var comment = false
        let bytes = Array(source.utf8)
        var i = 0
        while i < bytes.count {
            let c = bytes[i]
            column += 1
            if c == 10 {
                line += 1
                column = 0
                comment = false
                if quote != nil && !tripleQuote { quote = nil }
                if valueStack.isEmpty { afterEquals = false }
                i += 1
                continue
            }
            if comment {
                i += 1
                continue
            }
            if quote == nil, c != 32, c != 9, c != 13, c != 35 {
                if expectElement && (c == 44 || c == 125) {
                    return (
                        SourcePosition(line: line, column: column),
                        "expected a value in the array, found '\(c == 44 ? "," : "}")'"
                    )
                }
                expectElement = false
            }
            if let q = quote {
                if c == 92 && q == 34 {  // backslash escape in basic strings
                    i += 2
                    column += 1
                    continue
                }
                if c == q {
                    if tripleQuote {
                        if i + 2 < bytes.count, bytes[i + 1] == q, bytes[i + 2] == q {
                            quote = nil
                            tripleQuote = false
                            i += 3
                            column += 2
                            continue
                        }
                    } else {
                        quote = nil
                    }
                }
                i += 1
                continue
            }
            switch c {
            case 35: comment = true
            case 34, 39:
                quote = c
                if i + 2 < bytes.count, bytes[i + 1] == c, bytes[i + 2] == c {
                    tripleQuote = true
                    i += 3
                    column += 2
                    continue
                }
            case 61:
                if valueStack.isEmpty { afterEquals = true }
            case 91, 123:
                depth += 1
                if depth > maxDepth {
                    return (
                        SourcePosition(line: line, column: column), "brackets nested deeper than \(maxDepth) levels"
                    )
                }
                if afterEquals || !valueStack.isEmpty {
                    valueStack.append(c)
                    expectElement = c == 91
                }
            case 44:
                if valueStack.last == 91 { expectElement = true }
            case 93, 125:
                depth = max(0, depth - 1)
                if !valueStack.isEmpty { valueStack.removeLast() }
            default: break
            }
            i += 1
        }
        return nil
    }
}
