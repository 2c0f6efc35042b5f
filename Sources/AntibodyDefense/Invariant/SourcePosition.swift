/// A 1-based line and column in a source text (an invariant expression or a policy file).
public struct SourcePosition: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    /// The line, starting at 1.
    public var line: Int
    /// The column in UTF-8 bytes, starting at 1.
    public var column: Int

    /// The position at `line`, `column`.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// The same position inside a text that starts at `base` in an enclosing file (e.g. an
    /// expression string inside a TOML file): line 1 columns are shifted by `base.column - 1`.
    public func relative(to base: SourcePosition) -> SourcePosition {
        line == 1
            ? SourcePosition(line: base.line, column: base.column + column - 1)
            : SourcePosition(line: base.line + line - 1, column: column)
    }

    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    public var description: String { "\(line):\(column)" }
}
