/// An error from the detection layer or the NAB runner and scorer: what was wrong, where, and what
/// to do.
///
/// A public struct wrapping a private enum, as swift-nio and swift-crypto do, so cases can be added
/// without breaking callers. Errors about a file carry its path and, for CSV content, the 1-based
/// line (`file:line: message`).
public struct DetectError: Error, Hashable, Sendable, CustomStringConvertible {
    private enum Kind: Hashable, Sendable {
        case malformedInput
        case missingInput
        case invalidArgument
        case io
    }

    private let kind: Kind
    /// A human-readable explanation: what was wrong, where, and what to do.
    public let message: String

    private init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// Malformed content at `file:line` (a CSV row, a JSON document).
    public static func malformed(file: String, line: Int? = nil, _ what: String) -> DetectError {
        let place = line.map { "\(file):\($0)" } ?? file
        return DetectError(.malformedInput, "\(place): \(what)")
    }

    /// A file or entry that must exist is missing.
    public static func missing(_ what: String) -> DetectError { DetectError(.missingInput, what) }

    /// A parameter was out of range; `what` says which and what is accepted.
    public static func invalidArgument(_ what: String) -> DetectError { DetectError(.invalidArgument, what) }

    /// Reading or writing a file failed.
    public static func io(_ what: String) -> DetectError { DetectError(.io, what) }

    /// Whether the error is caused by bad input (malformed or missing data, or a bad argument), as
    /// opposed to an I/O failure. The CLI exits 2 for bad input.
    public var isBadInput: Bool { kind != .io }

    public var description: String { message }
}
