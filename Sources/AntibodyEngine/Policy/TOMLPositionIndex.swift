public import AntibodyDefense

/// Positions of keys and values in a TOML source, by dotted path (`responses.breakers[1].cooldown`),
/// found by scanning the text: TOMLKit parses values but does not report where keys are.
///
/// Understands table headers (`[a.b]`), arrays of tables (`[[a.b]]`, counted per path), bare,
/// quoted and dotted keys, and comments. Keys inside inline tables and elements of arrays are not
/// indexed; lookups fall back to the nearest indexed ancestor, so every error still has a position.
public struct TOMLPositionIndex: Sendable {
    /// Where a key and its value start.
    public struct Entry: Hashable, Sendable {
        /// The key's first character.
        public var key: SourcePosition
        /// The value's first character (for a table header: the header's `[`).
        public var value: SourcePosition
    }

    private var entries: [String: Entry] = [:]

    /// Indexes `source`.
    public init(source: String) {
        var table: [String] = []
        var arrayCounts: [String: Int] = [:]
        var lineNumber = 0
        var inMultilineString = false
        for rawLine in source.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = Array(rawLine.utf8)
            if inMultilineString {
                if Self.count(of: "\"\"\"", in: line) % 2 == 1 { inMultilineString = false }
                continue
            }
            var i = 0
            while i < line.count, line[i] == 32 || line[i] == 9 { i += 1 }
            guard i < line.count, line[i] != 35, line[i] != 13 else { continue }
            let column = i + 1
            if line[i] == 91 {  // [
                let isArray = i + 1 < line.count && line[i + 1] == 91
                let start = i + (isArray ? 2 : 1)
                guard let close = line[start...].firstIndex(of: 93) else { continue }
                let parts = Self.splitKey(Array(line[start..<close]))
                var path = ""
                for (n, part) in parts.enumerated() {
                    path += (n == 0 ? "" : ".") + part
                    if n < parts.count - 1, let k = arrayCounts[path] { path += "[\(k - 1)]" }
                }
                if isArray {
                    let k = arrayCounts[path, default: 0]
                    arrayCounts[path] = k + 1
                    let position = SourcePosition(line: lineNumber, column: column)
                    entries[path] = entries[path] ?? Entry(key: position, value: position)
                    path += "[\(k)]"
                }
                let position = SourcePosition(line: lineNumber, column: column)
                entries[path] = Entry(key: position, value: position)
                table = path.isEmpty ? [] : [path]
                continue
            }
            // key = value
            guard let equals = Self.firstUnquoted(61, in: line, from: i) else { continue }
            var keyEnd = equals
            while keyEnd > i, line[keyEnd - 1] == 32 || line[keyEnd - 1] == 9 { keyEnd -= 1 }
            let parts = Self.splitKey(Array(line[i..<keyEnd]))
            guard !parts.isEmpty else { continue }
            var v = equals + 1
            while v < line.count, line[v] == 32 || line[v] == 9 { v += 1 }
            let prefix = table.first.map { $0 + "." } ?? ""
            let path = prefix + parts.joined(separator: ".")
            entries[path] = Entry(
                key: SourcePosition(line: lineNumber, column: column),
                value: SourcePosition(line: lineNumber, column: v + 1))
            if Self.count(of: "\"\"\"", in: Array(line[v...])) % 2 == 1
                || Self.count(of: "'''", in: Array(line[v...])) % 2 == 1
            {
                inMultilineString = true
            }
        }
    }

    /// The entry for `path`, or for its nearest indexed ancestor, or line 1 column 1.
    public func entry(for path: String) -> Entry {
        var p = path
        while true {
            if let e = entries[p] { return e }
            guard let cut = p.lastIndex(where: { $0 == "." || $0 == "[" }) else { break }
            p = String(p[..<cut])
        }
        let origin = SourcePosition(line: 1, column: 1)
        return Entry(key: origin, value: origin)
    }

    /// Whether `path` itself is indexed.
    public func contains(_ path: String) -> Bool { entries[path] != nil }

    private static func count(of needle: String, in line: [UInt8]) -> Int {
        let n = Array(needle.utf8)
        guard line.count >= n.count else { return 0 }
        var count = 0
        var i = 0
        while i + n.count <= line.count {
            if Array(line[i..<(i + n.count)]) == n {
                count += 1
                i += n.count
            } else {
                i += 1
            }
        }
        return count
    }

    private static func firstUnquoted(_ byte: UInt8, in line: [UInt8], from start: Int) -> Int? {
        var quote: UInt8?
        for i in start..<line.count {
            let c = line[i]
            if let q = quote {
                if c == q { quote = nil }
            } else if c == 34 || c == 39 {
                quote = c
            } else if c == byte {
                return i
            } else if c == 35 {
                return nil
            }
        }
        return nil
    }

    /// Splits a dotted key, honouring quotes, and trims spaces: `a."b.c" . d` → `[a, b.c, d]`.
    private static func splitKey(_ bytes: [UInt8]) -> [String] {
        var parts: [String] = []
        var current: [UInt8] = []
        var quote: UInt8?
        for c in bytes {
            if let q = quote {
                if c == q { quote = nil } else { current.append(c) }
            } else if c == 34 || c == 39 {
                quote = c
            } else if c == 46 {
                parts.append(String(decoding: current, as: UTF8.self).trimmingSpaces)
                current = []
            } else {
                current.append(c)
            }
        }
        parts.append(String(decoding: current, as: UTF8.self).trimmingSpaces)
        return parts
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " || s.first == "\t" { s = s.dropFirst() }
        while s.last == " " || s.last == "\t" { s = s.dropLast() }
        return String(s)
    }
}
