/// A price file that cannot be read: which file, which line and what to do.
public struct PriceCSVError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file.
    public let file: String
    /// The 1-based line, 0 for the whole file.
    public let line: Int
    /// What was wrong and what to do.
    public let message: String

    /// An error at `file:line`.
    public init(file: String, line: Int, _ message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String { line > 0 ? "\(file):\(line): \(message)" : "\(file): \(message)" }
}
