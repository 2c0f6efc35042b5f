public import AntibodyDefense
public import AntibodyTOML

/// Positions of keys and values in a parsed TOML document, by dotted path
/// (`responses.breakers[1].cooldown`), so checks on the validated tree can point at the text.
///
/// Every key, table, array element and value is indexed; a lookup of a path that is not in the
/// document (a missing key) falls back to its nearest indexed ancestor, so every error has a position.
public struct TOMLPositionIndex: Sendable {
    /// Where a key and its value start.
    public struct Entry: Hashable, Sendable {
        /// The key's first character (for a table defined by a header: the header's `[`; for an
        /// array element: the element).
        public var key: SourcePosition
        /// The value's first character (a string's opening quote; a header's `[`).
        public var value: SourcePosition
        /// Where a string's content starts (after its quotes); otherwise ``value``.
        public var content: SourcePosition
    }

    private var entries: [String: Entry] = [:]

    /// Indexes the document `root`.
    public init(_ root: TOMLTable) {
        Self.index(root, prefix: "", into: &entries)
    }

    private static func index(_ table: TOMLTable, prefix: String, into entries: inout [String: Entry]) {
        for key in table.keys {
            guard let member = table.member(key) else { continue }
            add(member.value, key: member.keyPosition, path: prefix.isEmpty ? key : "\(prefix).\(key)", into: &entries)
        }
    }

    private static func add(
        _ value: TOMLValue, key: TOMLPosition, path: String, into entries: inout [String: Entry]
    ) {
        entries[path] = Entry(
            key: SourcePosition(key), value: SourcePosition(value.position),
            content: SourcePosition(value.contentPosition))
        switch value.kind {
        case .table(let table):
            index(table, prefix: path, into: &entries)
        case .array(let items):
            for (i, item) in items.enumerated() {
                add(item, key: item.position, path: "\(path)[\(i)]", into: &entries)
            }
        default:
            break
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
        return Entry(key: origin, value: origin, content: origin)
    }

    /// Whether `path` itself is indexed.
    public func contains(_ path: String) -> Bool { entries[path] != nil }
}

extension SourcePosition {
    /// The same line and column as a TOML parser position.
    init(_ position: TOMLPosition) {
        self.init(line: position.line, column: position.column)
    }
}
