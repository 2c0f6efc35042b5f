public import AntibodyDefense

/// Cheap checks on raw TOML text before it reaches the parser, so hostile input cannot exhaust
/// its stack: brackets and braces nested deeper than ``maxDepth`` outside strings are refused.
enum TOMLPreflight {
    /// Deepest `[`/`{` nesting accepted.
    static let maxDepth = 32

    /// The position of the first bracket nested too deep, if any.
    static func tooDeep(_ source: String) -> SourcePosition? {
        var depth = 0
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
                i += 1
                continue
            }
            if comment {
                i += 1
                continue
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
            case 91, 123:
                depth += 1
                if depth > maxDepth { return SourcePosition(line: line, column: column) }
            case 93, 125:
                depth = max(0, depth - 1)
            default: break
            }
            i += 1
        }
        return nil
    }
}
