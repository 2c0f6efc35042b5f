/// A parsed TOML table: its keys in the order they were written, each with the key's position
/// and its value (which knows its own position).
///
/// Parse a document with ``parse(_:maxBytes:maxDepth:)``:
/// ```swift
/// let root = try TOMLTable.parse("a.b = 1")
/// root["a"]?.table?["b"]?.int  // 1
/// ```
public struct TOMLTable: Hashable, Sendable {
    /// One key of the table.
    public struct Member: Hashable, Sendable {
        /// Where the key is written (for a table defined by a header: the header's `[`).
        public var keyPosition: TOMLPosition
        /// The value.
        public var value: TOMLValue
    }

    /// Keys in the order they were first written.
    public private(set) var keys: [String] = []
    private var members: [String: Member] = [:]

    /// An empty table.
    public init() {}

    /// The value for `key`.
    public subscript(key: String) -> TOMLValue? { members[key]?.value }

    /// The key and value for `key`.
    public func member(_ key: String) -> Member? { members[key] }

    /// Number of keys.
    public var count: Int { keys.count }

    /// Whether the table has no keys.
    public var isEmpty: Bool { keys.isEmpty }

    /// Adds `key`; the caller has checked that it is new.
    mutating func append(_ key: String, keyPosition: TOMLPosition, value: TOMLValue) {
        keys.append(key)
        members[key] = Member(keyPosition: keyPosition, value: value)
    }

    /// Largest document ``parse(_:maxBytes:maxDepth:)`` accepts by default, in bytes.
    public static let defaultMaxBytes = 1 << 20
    /// Deepest nesting (tables, arrays and inline tables together) accepted by default.
    public static let defaultMaxDepth = 64

    /// Parses a TOML 1.0 document.
    ///
    /// Never traps on any input: every problem is a ``TOMLError`` with its line and column. Runs in
    /// time linear in the input; recursion is bounded by `maxDepth`.
    /// - Throws: ``TOMLError`` for a syntax error, a duplicate key or table, or input over the bounds.
    public static func parse(
        _ source: String, maxBytes: Int = defaultMaxBytes, maxDepth: Int = defaultMaxDepth
    ) throws(TOMLError) -> TOMLTable {
        var parser = TOMLParser(Array(source.utf8), maxBytes: maxBytes, maxDepth: maxDepth)
        return try parser.parseDocument()
    }
}
