/// A parsed JSON value that keeps numbers as their literal text, so 256-bit integers in typed data
/// (`"value": 115792089237316195423570985008687907853269984665640564039457584007913129639935`) are
/// not rounded through `Double` as `JSONSerialization` and `JSONDecoder` would.
///
/// Parsing is bounded (``Limits``) and never traps on malformed input.
public indirect enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    /// A number, as the literal text from the document (e.g. `"1"`, `"-12"`, `"1.5e3"`).
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// Bounds on untrusted input.
    public enum Limits {
        /// The largest document accepted, in bytes.
        public static let maximumBytes = 1 << 22
        /// The deepest nesting of arrays and objects accepted.
        public static let maximumDepth = 64
    }

    /// Parses a JSON document (RFC 8259; duplicate object keys are refused).
    ///
    /// - Throws: ``TrustError`` naming the byte offset of the first problem.
    public static func parse(_ text: String) throws(TrustError) -> JSONValue {
        try parse(Array(text.utf8))
    }

    /// Parses a JSON document given as UTF-8 bytes.
    public static func parse(_ bytes: [UInt8]) throws(TrustError) -> JSONValue {
        guard bytes.count <= Limits.maximumBytes else {
            throw .invalidInput(
                "JSON document of \(bytes.count) bytes is larger than the \(Limits.maximumBytes) accepted")
        }
        var parser = JSONParser(bytes: bytes)
        let value = try parser.parseValue(depth: 0)
        parser.skipWhitespace()
        guard parser.index == bytes.count else {
            throw parser.error("unexpected text after the JSON value")
        }
        return value
    }

    /// The string, if this is a string.
    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The members, if this is an object.
    public var objectValue: [String: JSONValue]? {
        if case .object(let value) = self { return value }
        return nil
    }

    /// The elements, if this is an array.
    public var arrayValue: [JSONValue]? {
        if case .array(let value) = self { return value }
        return nil
    }

    /// A short name of the kind of value, for error messages.
    public var kindName: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}
