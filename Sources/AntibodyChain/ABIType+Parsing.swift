extension ABIType {
    /// The longest type string ``init(parsing:)`` accepts.
    public static let maximumTypeStringLength = 1024

    /// Parses a type string such as `uint256`, `bytes32[]`, `(address,(uint256,bool))[2]`; `uint` and
    /// `int` mean `uint256` and `int256`.
    ///
    /// - Throws: ``ChainError`` naming the position of the first problem.
    public init(parsing text: String) throws(ChainError) {
        guard text.utf8.count <= Self.maximumTypeStringLength else {
            throw .invalidABI(
                "ABI type string of \(text.utf8.count) characters exceeds \(Self.maximumTypeStringLength)")
        }
        var parser = Parser(Array(text.utf8))
        let type = try parser.parseType(depth: 0)
        guard parser.position == parser.input.count else {
            throw .invalidABI("ABI type '\(text)': unexpected character at position \(parser.position)")
        }
        self = type
    }

    /// Parses a comma-separated list of types (the inside of a signature's parentheses).
    public static func parseList(_ text: String) throws(ChainError) -> [ABIType] {
        if text.isEmpty { return [] }
        guard case .tuple(let types) = try ABIType(parsing: "(" + text + ")") else {
            throw .invalidABI("ABI type list '\(text)' is not a list")
        }
        return types
    }

    private struct Parser {
        let input: [UInt8]
        var position = 0

        init(_ input: [UInt8]) { self.input = input }

        var text: String { String(decoding: input, as: UTF8.self) }

        mutating func parseType(depth: Int) throws(ChainError) -> ABIType {
            guard depth < 32 else { throw .invalidABI("ABI type '\(text)' nests deeper than 32") }
            var type: ABIType
            if position < input.count && input[position] == UInt8(ascii: "(") {
                position += 1
                var elements: [ABIType] = []
                if position < input.count && input[position] == UInt8(ascii: ")") {
                    position += 1
                } else {
                    while true {
                        elements.append(try parseType(depth: depth + 1))
                        guard position < input.count else {
                            throw .invalidABI("ABI type '\(text)': unclosed '('")
                        }
                        let c = input[position]
                        position += 1
                        if c == UInt8(ascii: ")") { break }
                        guard c == UInt8(ascii: ",") else {
                            throw .invalidABI("ABI type '\(text)': expected ',' or ')' at position \(position - 1)")
                        }
                    }
                }
                type = .tuple(elements)
            } else {
                let start = position
                while position < input.count, isNameCharacter(input[position]) { position += 1 }
                type = try elementary(String(decoding: input[start..<position], as: UTF8.self), at: start)
            }
            while position < input.count && input[position] == UInt8(ascii: "[") {
                position += 1
                let start = position
                while position < input.count, input[position] >= UInt8(ascii: "0"), input[position] <= UInt8(ascii: "9")
                {
                    position += 1
                }
                guard position < input.count && input[position] == UInt8(ascii: "]") else {
                    throw .invalidABI("ABI type '\(text)': expected ']' at position \(position)")
                }
                let digits = String(decoding: input[start..<position], as: UTF8.self)
                position += 1
                if digits.isEmpty {
                    type = .array(type)
                } else {
                    guard digits.count <= 6, let count = Int(digits), count > 0 else {
                        throw .invalidABI("ABI type '\(text)': array size '\(digits)' must be 1...999999")
                    }
                    type = .fixedArray(type, count)
                }
            }
            return type
        }

        func isNameCharacter(_ c: UInt8) -> Bool {
            (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z")) || (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9"))
        }

        func elementary(_ name: String, at start: Int) throws(ChainError) -> ABIType {
            switch name {
            case "address": return .address
            case "bool": return .bool
            case "bytes": return .bytes
            case "string": return .string
            case "uint": return .uint(256)
            case "int": return .int(256)
            default: break
            }
            for (prefix, make) in [("uint", ABIType.uint), ("int", ABIType.int)] where name.hasPrefix(prefix) {
                if let bits = Int(name.dropFirst(prefix.count)), bits >= 8, bits <= 256, bits % 8 == 0 {
                    return make(bits)
                }
                throw .invalidABI("ABI type '\(text)': '\(name)' at position \(start) needs 8...256 bits in steps of 8")
            }
            if name.hasPrefix("bytes"), let n = Int(name.dropFirst(5)), n >= 1, n <= 32 {
                return .fixedBytes(n)
            }
            throw .invalidABI("ABI type '\(text)': unknown type '\(name)' at position \(start)")
        }
    }
}
