import AntibodyCore

extension TypedData {
    /// `encodeType` of EIP-712: the type's own signature followed by those of every struct type it
    /// references (transitively), sorted by name, e.g.
    /// `Mail(Person from,Person to,string contents)Person(string name,address wallet)`.
    ///
    /// - Throws: ``TrustError`` if `name` or a referenced struct type is not defined.
    public func encodeType(_ name: String) throws(TrustError) -> String {
        guard types[name] != nil else {
            throw .typedData("type \(name.prefix(64).debugDescription) is not defined in types")
        }
        var found: Set<String> = [name]
        try collectDependencies(of: name, into: &found)
        found.remove(name)
        return ([name] + found.sorted()).map { typeName in
            let fields = types[typeName]!.map { "\($0.type) \($0.name)" }.joined(separator: ",")
            return "\(typeName)(\(fields))"
        }.joined()
    }

    /// `typeHash` of EIP-712: Keccak-256 of ``encodeType(_:)``.
    public func typeHash(_ name: String) throws(TrustError) -> Bytes32 {
        Bytes32(Keccak256.digest(try encodeType(name).utf8))
    }

    /// `hashStruct` of EIP-712: Keccak-256 of `typeHash ‖ encodeData(value)`.
    ///
    /// - Throws: ``TrustError`` naming the path of the first member that is missing or does not
    ///   fit its type.
    public func hashStruct(_ name: String, _ value: JSONValue) throws(TrustError) -> Bytes32 {
        Bytes32(Keccak256.digest(try encodeData(name, value, path: name, depth: 0)))
    }

    /// `encodeData` of EIP-712: `typeHash` followed by one 32-byte word per member.
    public func encodeData(_ name: String, _ value: JSONValue) throws(TrustError) -> [UInt8] {
        try encodeData(name, value, path: name, depth: 0)
    }

    private func collectDependencies(of name: String, into found: inout Set<String>) throws(TrustError) {
        guard let fields = types[name] else { return }
        for field in fields {
            let base = Self.baseType(of: field.type)
            if types[base] != nil {
                if found.insert(base).inserted { try collectDependencies(of: base, into: &found) }
            } else if !Self.isAtomicOrDynamic(base) {
                throw .typedData(
                    "\(name).\(field.name) has type \(field.type.prefix(64).debugDescription), which is neither a "
                        + "built-in type nor defined in types")
            }
        }
    }

    private func encodeData(
        _ name: String, _ value: JSONValue, path: String, depth: Int
    ) throws(TrustError)
        -> [UInt8]
    {
        guard depth <= JSONValue.Limits.maximumDepth else {
            throw .typedData("\(path): structs nested deeper than \(JSONValue.Limits.maximumDepth)")
        }
        guard let fields = types[name] else {
            throw .typedData("type \(name.prefix(64).debugDescription) is not defined in types")
        }
        guard let object = value.objectValue else {
            throw .typedData("\(path) must be an object of type \(name), not \(value.kindName)")
        }
        var out = try typeHash(name).bytes
        out.reserveCapacity(32 * (fields.count + 1))
        for field in fields {
            guard let member = object[field.name] else {
                throw .typedData("\(path).\(field.name) (\(field.type)) is missing")
            }
            let word = try encodeValue(type: field.type, member, path: "\(path).\(field.name)", depth: depth + 1)
            out += word.bytes
        }
        return out
    }

    private func encodeValue(
        type: String, _ value: JSONValue, path: String, depth: Int
    ) throws(TrustError)
        -> Bytes32
    {
        guard depth <= JSONValue.Limits.maximumDepth else {
            throw .typedData("\(path): values nested deeper than \(JSONValue.Limits.maximumDepth)")
        }
        if type.hasSuffix("]") {
            guard let open = type.lastIndex(of: "[") else {
                throw .typedData("\(path): malformed array type \(type.prefix(64).debugDescription)")
            }
            let elementType = String(type[..<open])
            let lengthText = type[type.index(after: open)..<type.index(before: type.endIndex)]
            guard let elements = value.arrayValue else {
                throw .typedData("\(path) must be an array (\(type)), not \(value.kindName)")
            }
            if !lengthText.isEmpty {
                guard let length = Int(lengthText), length >= 0 else {
                    throw .typedData("\(path): malformed array length in \(type.prefix(64).debugDescription)")
                }
                guard elements.count == length else {
                    throw .typedData("\(path) must have exactly \(length) elements (\(type)), not \(elements.count)")
                }
            }
            var hasher = Keccak256()
            for (position, element) in elements.enumerated() {
                let word = try encodeValue(type: elementType, element, path: "\(path)[\(position)]", depth: depth + 1)
                word.withUnsafeBytes { hasher.update($0) }
            }
            return Bytes32(hasher.finalize())
        }
        if types[type] != nil {
            return Bytes32(Keccak256.digest(try encodeData(type, value, path: path, depth: depth + 1)))
        }
        return try TypedDataAtomic.encode(type: type, value, path: path)
    }

    /// The type with every array suffix removed (`"Person[][3]"` → `"Person"`).
    static func baseType(of type: String) -> String {
        if let open = type.firstIndex(of: "[") { return String(type[..<open]) }
        return type
    }

    static func isAtomicOrDynamic(_ type: String) -> Bool {
        TypedDataAtomic.isKnown(type)
    }
}
