import AntibodyTrust

/// Typed access to a model document's members, with errors naming the member.
struct DocumentReader {
    let members: [String: JSONValue]
    let valid: Bool

    init(_ value: JSONValue) {
        members = value.objectValue ?? [:]
        valid = value.objectValue != nil
    }

    func value(_ key: String) throws(ModelError) -> JSONValue {
        guard valid else { throw .invalidInput("model document: expected an object") }
        guard let value = members[key] else { throw .invalidInput("model document: missing \(key)") }
        return value
    }

    func string(_ key: String) throws(ModelError) -> String {
        guard let text = try value(key).stringValue else {
            throw .invalidInput("model document: \(key) must be a string")
        }
        return text
    }

    func bool(_ key: String) throws(ModelError) -> Bool {
        guard case .bool(let flag) = try value(key) else {
            throw .invalidInput("model document: \(key) must be a boolean")
        }
        return flag
    }

    func number(_ key: String) throws(ModelError) -> Double {
        guard case .number(let literal) = try value(key), let number = Double(literal), number.isFinite else {
            throw .invalidInput("model document: \(key) must be a finite number")
        }
        return number
    }

    func integer(_ key: String, in range: ClosedRange<Int>) throws(ModelError) -> Int {
        let number = try self.number(key)
        guard number == number.rounded(), number >= Double(range.lowerBound), number <= Double(range.upperBound) else {
            throw .invalidInput("model document: \(key) must be an integer in \(range.lowerBound)…\(range.upperBound)")
        }
        return Int(number)
    }

    func numbers(_ key: String) throws(ModelError) -> [Double] {
        guard let items = try value(key).arrayValue, items.count <= 1 << 20 else {
            throw .invalidInput("model document: \(key) must be an array of at most 2^20 numbers")
        }
        var out: [Double] = []
        out.reserveCapacity(items.count)
        for item in items {
            guard case .number(let literal) = item, let number = Double(literal), number.isFinite else {
                throw .invalidInput("model document: \(key) holds a value that is not a finite number")
            }
            out.append(number)
        }
        return out
    }

    func object(_ key: String) throws(ModelError) -> DocumentReader {
        let value = try value(key)
        guard value.objectValue != nil else { throw .invalidInput("model document: \(key) must be an object") }
        return DocumentReader(value)
    }

    func array(_ key: String) throws(ModelError) -> [DocumentReader] {
        guard let items = try value(key).arrayValue, items.count <= 256 else {
            throw .invalidInput("model document: \(key) must be an array of at most 256 objects")
        }
        return items.map(DocumentReader.init)
    }
}
