/// A TOML 1.0 parser over UTF-8 bytes: recursive descent, one pass, positions on everything.
///
/// Every check is explicit (no force unwraps, no unchecked arithmetic on input values), and
/// recursion is bounded by `maxDepth`, so no input can trap or exhaust the stack.
struct TOMLParser {
    let bytes: [UInt8]
    let maxBytes: Int
    let maxDepth: Int
    /// The next byte to read.
    var i = 0
    /// The current line (1-based) and the index of its first byte.
    var line = 1
    var lineStart = 0

    /// One part of a dotted key, with where it is written.
    struct KeyPart {
        var name: String
        var position: TOMLPosition
    }

    init(_ bytes: [UInt8], maxBytes: Int, maxDepth: Int) {
        self.bytes = bytes
        self.maxBytes = maxBytes
        self.maxDepth = maxDepth
    }

    // MARK: Positions and characters

    /// The position of the next byte.
    var position: TOMLPosition { TOMLPosition(line: line, column: i - lineStart + 1) }

    /// The position of byte `index` on the current line.
    func position(at index: Int) -> TOMLPosition { TOMLPosition(line: line, column: index - lineStart + 1) }

    var peek: UInt8? { i < bytes.count ? bytes[i] : nil }

    func byte(at index: Int) -> UInt8? { index >= 0 && index < bytes.count ? bytes[index] : nil }

    static func isBareKey(_ c: UInt8) -> Bool {
        (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == 0x5F || c == 0x2D
    }

    static func isDigit(_ c: UInt8?) -> Bool {
        guard let c else { return false }
        return c >= 0x30 && c <= 0x39
    }

    /// Control characters TOML forbids in strings and comments: all but tab.
    static func isControl(_ c: UInt8) -> Bool { (c < 0x20 && c != 0x09) || c == 0x7F }

    /// The character at `index` for a message: `'x'`, `a line break`, `U+0001`, `'é' (U+00E9)`.
    func describe(at index: Int) -> String {
        guard let c = byte(at: index) else { return "the end of the file" }
        switch c {
        case 0x0A, 0x0D: return "a line break"
        case 0x09: return "a tab"
        case 0x20: return "a space"
        default: break
        }
        if c < 0x80 {
            if Self.isControl(c) { return "the control character U+\(Self.hex(UInt32(c), 4))" }
            return "'\(Character(Unicode.Scalar(c)))'"
        }
        let end = min(bytes.count, index + 4)
        if let scalar = String(decoding: bytes[index..<end], as: UTF8.self).unicodeScalars.first {
            return "'\(Character(scalar))' (U+\(Self.hex(scalar.value, 4)))"
        }
        return "a non-ASCII character"
    }

    static func hex(_ value: UInt32, _ width: Int) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    // MARK: Whitespace, comments, line ends

    mutating func skipWhitespace() {
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 { i += 1 }
    }

    /// Consumes a line feed or CR LF at `i`.
    mutating func newline() throws(TOMLError) {
        if bytes[i] == 0x0D {
            guard byte(at: i + 1) == 0x0A else {
                throw .syntax(
                    position, "a carriage return not followed by a line feed",
                    hint: "end lines with LF or CR LF")
            }
            i += 1
        }
        i += 1
        line += 1
        lineStart = i
    }

    /// Consumes a comment from `#` up to (not including) the line end.
    mutating func skipComment() throws(TOMLError) {
        i += 1
        while i < bytes.count {
            let c = bytes[i]
            if c == 0x0A || (c == 0x0D && byte(at: i + 1) == 0x0A) { return }
            if Self.isControl(c) {
                throw .syntax(position, "\(describe(at: i)) in a comment", hint: "remove it; only tabs are allowed")
            }
            i += 1
        }
    }

    /// Skips whitespace, comments and line ends (inside arrays).
    mutating func skipBlank() throws(TOMLError) {
        while let c = peek {
            if c == 0x20 || c == 0x09 {
                i += 1
            } else if c == 0x23 {
                try skipComment()
            } else if c == 0x0A || c == 0x0D {
                try newline()
            } else {
                return
            }
        }
    }

    /// After a key/value pair or a header: only whitespace and a comment may follow on the line.
    mutating func endOfLine() throws(TOMLError) {
        skipWhitespace()
        if peek == 0x23 { try skipComment() }
        guard let c = peek else { return }
        if c == 0x0A || c == 0x0D {
            try newline()
            return
        }
        throw .syntax(
            position, "expected the end of the line, found \(describe(at: i))",
            hint: "write one key = value or one [table] header per line")
    }

    // MARK: Document

    mutating func parseDocument() throws(TOMLError) -> TOMLTable {
        let origin = TOMLPosition(line: 1, column: 1)
        guard bytes.count <= maxBytes else {
            throw .limit(
                origin, "the document is \(bytes.count) bytes, over the limit of \(maxBytes)",
                hint: "keep the file under \(maxBytes) bytes")
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            i = 3
            lineStart = 3
        }
        let root = TOMLTableBuilder(origin: .header, position: origin, depth: 0)
        var current = root
        while true {
            skipWhitespace()
            guard let c = peek else { break }
            if c == 0x0A || c == 0x0D {
                try newline()
                continue
            }
            if c == 0x23 {
                try skipComment()
            } else if c == 0x5B {
                current = try parseHeader(root)
            } else {
                try parseKeyValue(into: current)
            }
            try endOfLine()
        }
        return root.build()
    }

    // MARK: Keys

    /// A dotted key: `a`, `"quoted key"`, `'literal'`, `a . b."c"`.
    mutating func parseKey() throws(TOMLError) -> [KeyPart] {
        var parts: [KeyPart] = []
        while true {
            skipWhitespace()
            parts.append(try parseSimpleKey())
            if parts.count > maxDepth {
                throw .limit(
                    parts[parts.count - 1].position, "a key with more than \(maxDepth) dotted parts",
                    hint: "use fewer levels of nesting")
            }
            skipWhitespace()
            guard peek == 0x2E else { return parts }
            i += 1
        }
    }

    mutating func parseSimpleKey() throws(TOMLError) -> KeyPart {
        let start = position
        guard let c = peek else {
            throw .syntax(start, "expected a key, found the end of the file", hint: "write key = value")
        }
        if c == 0x22 || c == 0x27 {
            if byte(at: i + 1) == c, byte(at: i + 2) == c {
                throw .syntax(
                    start, "a key cannot be a multi-line string",
                    hint: "quote the key with a single \(c == 0x22 ? "\"" : "'")")
            }
            let name = c == 0x22 ? try parseBasicString() : try parseLiteralString()
            return KeyPart(name: name, position: start)
        }
        var j = i
        while j < bytes.count, Self.isBareKey(bytes[j]) { j += 1 }
        guard j > i else {
            throw .syntax(
                start, "expected a key, found \(describe(at: i))",
                hint: "a bare key is letters, digits, '_' and '-'; quote any other key")
        }
        let name = String(decoding: bytes[i..<j], as: UTF8.self)
        i = j
        return KeyPart(name: name, position: start)
    }

    static func dotted(_ parts: some Sequence<KeyPart>) -> String {
        parts.map { part in
            part.name.utf8.allSatisfy(isBareKey) && !part.name.isEmpty ? part.name : "\"\(part.name)\""
        }.joined(separator: ".")
    }

    // MARK: Tables

    /// `[a.b]` or `[[a.b]]`: returns the table that following keys go into.
    mutating func parseHeader(_ root: TOMLTableBuilder) throws(TOMLError) -> TOMLTableBuilder {
        let start = position
        i += 1
        let isArray = peek == 0x5B
        if isArray { i += 1 }
        let parts = try parseKey()
        let name = Self.dotted(parts)
        let shown = isArray ? "[[\(name)]]" : "[\(name)]"
        guard peek == 0x5D else {
            throw .syntax(
                position, "expected '\(isArray ? "]]" : "]")' to close the header \(shown), found \(describe(at: i))",
                hint: "write \(shown) on a line of its own")
        }
        i += 1
        if isArray {
            guard peek == 0x5D else {
                throw .syntax(
                    position, "expected ']]' to close the array-of-tables header \(shown), found \(describe(at: i))",
                    hint: "write \(shown)")
            }
            i += 1
        }
        var table = root
        for (n, part) in parts.dropLast().enumerated() {
            table = try headerParent(table, part, path: parts.prefix(n + 1))
        }
        guard let last = parts.last else { return table }
        let depth = table.depth + 1
        let existing = table[last.name]
        if isArray {
            switch existing?.slot {
            case nil:
                let array = TOMLTableArrayBuilder(position: start)
                let item = TOMLTableBuilder(origin: .header, position: start, depth: depth)
                array.items.append(item)
                table.set(last.name, keyPosition: start, .tableArray(array))
                return item
            case .tableArray(let array):
                let item = TOMLTableBuilder(origin: .header, position: start, depth: depth)
                array.items.append(item)
                return item
            case .table(let other):
                throw .redefinition(
                    last.position, "\(shown) names the table [\(name)] defined at \(other.position)",
                    hint: "a key is either a table or an array of tables; rename one of them")
            case .value(let value):
                throw .redefinition(
                    last.position,
                    "\(shown) names '\(name)', already \(value.type.described) at \(value.position)"
                        + (value.type == .array ? " (an array written inline cannot be extended)" : ""),
                    hint: "rename one of them")
            }
        }
        switch existing?.slot {
        case nil:
            let child = TOMLTableBuilder(origin: .header, position: start, depth: depth)
            table.set(last.name, keyPosition: start, .table(child))
            return child
        case .table(let child):
            switch child.origin {
            case .implicit:
                child.origin = .header
                child.position = start
                table.set(last.name, keyPosition: start, .table(child))
                return child
            case .header:
                throw .redefinition(
                    start, "table \(shown) is defined twice; it was first defined at \(child.position)",
                    hint: "merge the two sections into one")
            case .dotted:
                throw .redefinition(
                    start, "table \(shown) was already defined by the dotted key at \(child.position)",
                    hint: "put its keys in one place: either the dotted keys or the [\(name)] section")
            }
        case .tableArray(let array):
            throw .redefinition(
                start, "\(shown) names the array of tables [[\(name)]] defined at \(array.position)",
                hint: "write [[\(name)]] to add an element, or rename the table")
        case .value(let value):
            throw .redefinition(
                start, "\(shown) names '\(name)', already \(value.type.described) at \(value.position)",
                hint: "rename one of them")
        }
    }

    /// The table a header's intermediate key `part` names inside `table`, created if absent.
    mutating func headerParent(
        _ table: TOMLTableBuilder, _ part: KeyPart, path: ArraySlice<KeyPart>
    ) throws(TOMLError) -> TOMLTableBuilder {
        switch table[part.name]?.slot {
        case nil:
            let child = TOMLTableBuilder(origin: .implicit, position: part.position, depth: table.depth + 1)
            table.set(part.name, keyPosition: part.position, .table(child))
            return child
        case .table(let child):
            return child
        case .tableArray(let array):
            guard let lastItem = array.items.last else { return table }
            return lastItem
        case .value(let value):
            let name = Self.dotted(path)
            throw .redefinition(
                part.position,
                value.type == .table
                    ? "'\(name)' is the inline table at \(value.position); an inline table cannot be extended"
                    : "'\(name)' is already \(value.type.described) at \(value.position), not a table",
                hint: value.type == .table ? "write all its keys inside the { … }" : "rename the header or the key")
        }
    }

    /// The table a dotted key's intermediate `part` names inside `table`, created if absent.
    mutating func dottedParent(
        _ table: TOMLTableBuilder, _ part: KeyPart, path: ArraySlice<KeyPart>
    ) throws(TOMLError) -> TOMLTableBuilder {
        let name = Self.dotted(path)
        switch table[part.name]?.slot {
        case nil:
            let child = TOMLTableBuilder(origin: .dotted, position: part.position, depth: table.depth + 1)
            table.set(part.name, keyPosition: part.position, .table(child))
            return child
        case .table(let child):
            guard child.origin == .dotted else {
                throw .redefinition(
                    part.position,
                    "dotted key '\(name)' adds to a table already created by the header at \(child.position)",
                    hint: "write the key inside that table's section instead")
            }
            return child
        case .tableArray(let array):
            throw .redefinition(
                part.position, "dotted key '\(name)' adds to the array of tables defined at \(array.position)",
                hint: "write the key inside a [[\(name)]] section instead")
        case .value(let value):
            throw .redefinition(
                part.position,
                value.type == .table
                    ? "'\(name)' is the inline table at \(value.position); an inline table cannot be extended"
                    : "'\(name)' is already \(value.type.described) at \(value.position), not a table",
                hint: value.type == .table ? "write all its keys inside the { … }" : "rename one of the keys")
        }
    }

    /// `key = value` into `table`.
    mutating func parseKeyValue(into table: TOMLTableBuilder) throws(TOMLError) {
        let parts = try parseKey()
        guard peek == 0x3D else {
            throw .syntax(
                position, "expected '=' after the key '\(Self.dotted(parts))', found \(describe(at: i))",
                hint: "write key = value")
        }
        i += 1
        skipWhitespace()
        guard table.depth + parts.count <= maxDepth, let last = parts.last else {
            throw .limit(
                parts.first?.position ?? position, "keys nested deeper than \(maxDepth) levels",
                hint: "use fewer levels of nesting")
        }
        var target = table
        for (n, part) in parts.dropLast().enumerated() {
            target = try dottedParent(target, part, path: parts.prefix(n + 1))
        }
        if let existing = target[last.name] {
            throw .redefinition(
                last.position, "key '\(Self.dotted(parts))' is already defined at \(existing.keyPosition)",
                hint: "remove one of the two")
        }
        let value = try parseValue(depth: table.depth + parts.count)
        target.set(last.name, keyPosition: last.position, .value(value))
    }

    // MARK: Values

    mutating func parseValue(depth: Int) throws(TOMLError) -> TOMLValue {
        let start = position
        guard depth <= maxDepth else {
            throw .limit(start, "values nested deeper than \(maxDepth) levels", hint: "use fewer levels of nesting")
        }
        guard let c = peek else {
            throw .syntax(start, "expected a value, found the end of the file", hint: "write key = value")
        }
        switch c {
        case 0x22:
            if byte(at: i + 1) == 0x22, byte(at: i + 2) == 0x22 {
                let (text, content) = try parseMultilineString(quote: 0x22)
                return TOMLValue(.string(text), at: start, contentAt: content)
            }
            let text = try parseBasicString()
            return TOMLValue(
                .string(text), at: start, contentAt: TOMLPosition(line: start.line, column: start.column + 1))
        case 0x27:
            if byte(at: i + 1) == 0x27, byte(at: i + 2) == 0x27 {
                let (text, content) = try parseMultilineString(quote: 0x27)
                return TOMLValue(.string(text), at: start, contentAt: content)
            }
            let text = try parseLiteralString()
            return TOMLValue(
                .string(text), at: start, contentAt: TOMLPosition(line: start.line, column: start.column + 1))
        case 0x5B:
            return try parseArray(depth: depth)
        case 0x7B:
            return try parseInlineTable(depth: depth)
        case 0x74, 0x66:
            let word: [UInt8] = c == 0x74 ? Array("true".utf8) : Array("false".utf8)
            guard bytes[i...].starts(with: word), !(byte(at: i + word.count).map(Self.isBareKey) ?? false) else {
                throw .syntax(
                    start, "expected a value, found '\(token(from: i))'",
                    hint: "booleans are true and false (lower case); quote text: \"…\"")
            }
            i += word.count
            return TOMLValue(.boolean(c == 0x74), at: start)
        case 0x2B, 0x2D, 0x30...0x39, 0x69, 0x6E:
            return try parseNumberOrDate()
        default:
            throw .syntax(
                start, "expected a value, found \(describe(at: i))",
                hint: "a value is a string, number, boolean, date, array [..] or inline table {..}")
        }
    }

    /// A short excerpt of the bare token at `index`, for messages.
    func token(from index: Int) -> String {
        var j = index
        while j < bytes.count, j < index + 32,
            Self.isBareKey(bytes[j]) || bytes[j] == 0x2E || bytes[j] == 0x2B
                || bytes[j] == 0x3A
        {
            j += 1
        }
        return j > index ? String(decoding: bytes[index..<j], as: UTF8.self) : describe(at: index)
    }

    mutating func parseArray(depth: Int) throws(TOMLError) -> TOMLValue {
        let start = position
        i += 1
        var items: [TOMLValue] = []
        while true {
            try skipBlank()
            guard let c = peek else {
                throw .syntax(
                    position, "the array opened at \(start) is not closed", hint: "add ']' after its last element")
            }
            if c == 0x5D {
                i += 1
                break
            }
            items.append(try parseValue(depth: depth + 1))
            try skipBlank()
            if peek == 0x2C {
                i += 1
                continue
            }
            if peek == 0x5D {
                i += 1
                break
            }
            throw .syntax(
                position,
                peek == nil
                    ? "the array opened at \(start) is not closed"
                    : "expected ',' or ']' after an array element, found \(describe(at: i))",
                hint: "separate elements with commas and close the array with ']'")
        }
        return TOMLValue(.array(items), at: start)
    }

    mutating func parseInlineTable(depth: Int) throws(TOMLError) -> TOMLValue {
        let start = position
        i += 1
        let table = TOMLTableBuilder(origin: .dotted, position: start, depth: depth)
        skipWhitespace()
        if peek == 0x7D {
            i += 1
            return TOMLValue(.table(table.build()), at: start)
        }
        while true {
            try parseKeyValue(into: table)
            skipWhitespace()
            if peek == 0x2C {
                i += 1
                skipWhitespace()
                if peek == 0x7D {
                    throw .syntax(
                        position, "a trailing comma in an inline table", hint: "remove the ',' before '}'")
                }
                continue
            }
            if peek == 0x7D {
                i += 1
                break
            }
            throw .syntax(
                position, "expected ',' or '}' in the inline table opened at \(start), found \(describe(at: i))",
                hint: "an inline table stays on one line: { a = 1, b = 2 }")
        }
        return TOMLValue(.table(table.build()), at: start)
    }
}
