/// A scenario file that cannot be used: where (file, line, column), what, and what to do.
///
/// Every error is bad input: `antibody simulate` prints it and exits with status 2.
public struct ScenarioError: Error, Hashable, Sendable, CustomStringConvertible {
    private enum Kind: Hashable, Sendable {
        case invalid
        case missingFile(String)
    }

    private let kind: Kind
    /// The scenario file.
    public let file: String
    /// 1-based line.
    public let line: Int
    /// 1-based column.
    public let column: Int
    /// What was wrong.
    public let message: String
    /// What to do about it.
    public let hint: String

    private init(kind: Kind, file: String, line: Int, column: Int, message: String, hint: String) {
        self.kind = kind
        self.file = file
        self.line = max(1, line)
        self.column = max(1, column)
        self.message = message
        self.hint = hint
    }

    /// An invalid value or syntax at `line`:`column` of `file`.
    public static func invalid(_ file: String, line: Int, column: Int, _ message: String, hint: String) -> ScenarioError
    {
        ScenarioError(kind: .invalid, file: file, line: line, column: column, message: message, hint: hint)
    }

    /// A file the scenario names (a price file, a policy) that does not exist or cannot be read.
    public static func missingFile(
        _ path: String, namedIn file: String, line: Int, column: Int,
        what: String
    ) -> ScenarioError {
        ScenarioError(
            kind: .missingFile(path), file: file, line: line, column: column,
            message: "\(what) '\(path)' does not exist or cannot be read",
            hint: "check the path; relative paths are resolved against the scenario file's folder")
    }

    /// The missing path, when the error is a missing file.
    public var missingPath: String? {
        if case .missingFile(let p) = kind { return p }
        return nil
    }

    public var description: String { "\(file):\(line):\(column): error: \(message)\n    hint: \(hint)" }
}
