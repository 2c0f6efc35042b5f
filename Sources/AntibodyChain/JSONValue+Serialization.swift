import AntibodyCore

extension JSONValue {
    /// The value as compact JSON text.
    public var serialized: String {
        var out = ""
        write(to: &out)
        return out
    }

    private func write(to out: inout String) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let n): out += n
        case .string(let s): JSONString.append(s, to: &out)
        case .array(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                item.write(to: &out)
            }
            out += "]"
        case .object(let members):
            out += "{"
            for (i, key) in members.keys.sorted().enumerated() {
                if i > 0 { out += "," }
                JSONString.append(key, to: &out)
                out += ":"
                members[key]!.write(to: &out)
            }
            out += "}"
        }
    }

    /// The deepest nesting ``init(parsing:)`` accepts.
    public static let maximumDepth = 64

    /// Parses JSON text strictly (RFC 8259), bounding nesting depth.
    ///
    /// - Throws: ``ChainError`` naming the offset of the first problem.
    public init(parsing bytes: [UInt8]) throws(ChainError) {
        var parser = Parser(bytes: bytes)
        parser.skipSpace()
        let value = try parser.value(depth: 0)
        parser.skipSpace()
        guard parser.offset == bytes.count else { throw parser.error("trailing characters") }
        self = value
    }

    private struct Parser {
        let bytes: [UInt8]
        var offset = 0

        func error(_ what: String) -> ChainError {
            .invalidResponse("JSON: \(what) at offset \(offset)")
        }

        mutating func skipSpace() {
            while offset < bytes.count, [0x20, 0x09, 0x0a, 0x0d].contains(bytes[offset]) { offset += 1 }
        }

        mutating func literal(_ text: String, _ value: JSONValue) throws(ChainError) -> JSONValue {
            let utf8 = Array(text.utf8)
            guard bytes.count - offset >= utf8.count, Array(bytes[offset..<offset + utf8.count]) == utf8 else {
                throw error("invalid literal")
            }
            offset += utf8.count
            return value
        }

        mutating func value(depth: Int) throws(ChainError) -> JSONValue {
            guard depth < JSONValue.maximumDepth else { throw error("nesting deeper than \(JSONValue.maximumDepth)") }
            guard offset < bytes.count else { throw error("unexpected end") }
            switch bytes[offset] {
            case UInt8(ascii: "n"): return try literal("null", .null)
            case UInt8(ascii: "t"): return try literal("true", .bool(true))
            case UInt8(ascii: "f"): return try literal("false", .bool(false))
            case UInt8(ascii: "\""): return .string(try string())
            case UInt8(ascii: "["):
                offset += 1
                var items: [JSONValue] = []
                skipSpace()
                if offset < bytes.count && bytes[offset] == UInt8(ascii: "]") {
                    offset += 1
                    return .array(items)
                }
                while true {
                    skipSpace()
                    items.append(try value(depth: depth + 1))
                    skipSpace()
                    guard offset < bytes.count else { throw error("unclosed array") }
                    let c = bytes[offset]
                    offset += 1
                    if c == UInt8(ascii: "]") { return .array(items) }
                    guard c == UInt8(ascii: ",") else { throw error("expected ',' or ']'") }
                }
            case UInt8(ascii: "{"):
                offset += 1
                var members: [String: JSONValue] = [:]
                skipSpace()
                if offset < bytes.count && bytes[offset] == UInt8(ascii: "}") {
                    offset += 1
                    return .object(members)
                }
                while true {
                    skipSpace()
                    guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") else {
                        throw error("expected a key")
                    }
                    let key = try string()
                    skipSpace()
                    guard offset < bytes.count, bytes[offset] == UInt8(ascii: ":") else { throw error("expected ':'") }
                    offset += 1
                    skipSpace()
                    members[key] = try value(depth: depth + 1)
                    skipSpace()
                    guard offset < bytes.count else { throw error("unclosed object") }
                    let c = bytes[offset]
                    offset += 1
                    if c == UInt8(ascii: "}") { return .object(members) }
                    guard c == UInt8(ascii: ",") else { throw error("expected ',' or '}'") }
                }
            default:
                return .number(try number())
            }
        }

        mutating func number() throws(ChainError) -> String {
            let start = offset
            if offset < bytes.count && bytes[offset] == UInt8(ascii: "-") { offset += 1 }
            var digits = 0
            while offset < bytes.count,
                (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[offset])
                    || [UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"), UInt8(ascii: "+"), UInt8(ascii: "-")]
                        .contains(bytes[offset])
            {
                offset += 1
                digits += 1
            }
            guard digits > 0, digits <= 400 else { throw error("invalid number") }
            let text = String(decoding: bytes[start..<offset], as: UTF8.self)
            guard Double(text) != nil else { throw error("invalid number '\(text.prefix(40))'") }
            return text
        }

        mutating func string() throws(ChainError) -> String {
            offset += 1  // the opening quote
            var scalars = String.UnicodeScalarView()
            var run: [UInt8] = []
            func flush() -> Bool {
                guard !run.isEmpty else { return true }
                guard let text = String(validating: run, as: UTF8.self) else { return false }
                scalars.append(contentsOf: text.unicodeScalars)
                run.removeAll(keepingCapacity: true)
                return true
            }
            while offset < bytes.count {
                let c = bytes[offset]
                offset += 1
                switch c {
                case UInt8(ascii: "\""):
                    guard flush() else { throw error("invalid UTF-8 in a string") }
                    return String(scalars)
                case UInt8(ascii: "\\"):
                    guard flush() else { throw error("invalid UTF-8 in a string") }
                    guard offset < bytes.count else { throw error("unterminated escape") }
                    let e = bytes[offset]
                    offset += 1
                    switch e {
                    case UInt8(ascii: "\""): scalars.append("\"")
                    case UInt8(ascii: "\\"): scalars.append("\\")
                    case UInt8(ascii: "/"): scalars.append("/")
                    case UInt8(ascii: "b"): scalars.append("\u{08}")
                    case UInt8(ascii: "f"): scalars.append("\u{0C}")
                    case UInt8(ascii: "n"): scalars.append("\n")
                    case UInt8(ascii: "r"): scalars.append("\r")
                    case UInt8(ascii: "t"): scalars.append("\t")
                    case UInt8(ascii: "u"):
                        var code = try hex4()
                        if (0xD800..<0xDC00).contains(code) {
                            guard bytes.count - offset >= 6, bytes[offset] == UInt8(ascii: "\\"),
                                bytes[offset + 1] == UInt8(ascii: "u")
                            else { throw error("unpaired surrogate") }
                            offset += 2
                            let low = try hex4()
                            guard (0xDC00..<0xE000).contains(low) else { throw error("unpaired surrogate") }
                            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                        }
                        guard let scalar = Unicode.Scalar(code) else { throw error("invalid \\u escape") }
                        scalars.append(scalar)
                    default: throw error("invalid escape")
                    }
                default:
                    guard c >= 0x20 else { throw error("control character in a string") }
                    run.append(c)
                }
            }
            throw error("unterminated string")
        }

        mutating func hex4() throws(ChainError) -> UInt32 {
            guard bytes.count - offset >= 4 else { throw error("short \\u escape") }
            var code: UInt32 = 0
            for _ in 0..<4 {
                let c = bytes[offset]
                offset += 1
                let digit: UInt8
                switch c {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = c - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = c - UInt8(ascii: "a") + 10
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = c - UInt8(ascii: "A") + 10
                default: throw error("invalid hex digit in \\u escape")
                }
                code = code << 4 | UInt32(digit)
            }
            return code
        }
    }
}
