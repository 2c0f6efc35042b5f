import AntibodyCore

/// A contract function: its name and parameter types, its 4-byte selector, and call encoding and
/// result decoding.
public struct ABIFunction: Hashable, Sendable {
    /// The function's name.
    public let name: String
    /// The parameter types.
    public let inputs: [ABIType]
    /// The return types.
    public let outputs: [ABIType]
    /// The first four bytes of Keccak-256 of ``signature``.
    public let selector: [UInt8]

    /// A function from its name and types.
    public init(name: String, inputs: [ABIType], outputs: [ABIType] = []) {
        self.name = name
        self.inputs = inputs
        self.outputs = outputs
        let signature = name + ABIType.tuple(inputs).description
        self.selector = Array(Keccak256.hash(signature).prefix(4))
    }

    /// A function from a signature such as `"transfer(address,uint256)"` and optional output types
    /// such as `"bool"`.
    ///
    /// - Throws: ``ChainError`` if the signature or types do not parse.
    public init(signature: String, outputs: String = "") throws(ChainError) {
        guard let open = signature.firstIndex(of: "("), signature.last == ")" else {
            throw .invalidABI("ABI signature '\(signature)' must look like name(type,…)")
        }
        let name = String(signature[..<open])
        guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "$" }) else {
            throw .invalidABI("ABI signature '\(signature)': bad function name '\(name)'")
        }
        let inside = String(signature[signature.index(after: open)..<signature.index(before: signature.endIndex)])
        self.init(name: name, inputs: try ABIType.parseList(inside), outputs: try ABIType.parseList(outputs))
    }

    /// The canonical signature, e.g. `transfer(address,uint256)`.
    public var signature: String { name + ABIType.tuple(inputs).description }

    /// Call data: the selector followed by the encoded arguments.
    public func encodeCall(_ arguments: [ABIValue]) throws(ChainError) -> [UInt8] {
        selector + (try ABI.encode(arguments, as: inputs))
    }

    /// Decodes the function's return data.
    public func decodeOutput(_ data: [UInt8]) throws(ChainError) -> [ABIValue] {
        try ABI.decode(outputs, from: data)
    }

    /// Decodes call data made for this function (checks the selector).
    public func decodeCall(_ data: [UInt8]) throws(ChainError) -> [ABIValue] {
        guard data.count >= 4, Array(data.prefix(4)) == selector else {
            throw .invalidABI("ABI: call data does not start with the selector of \(signature)")
        }
        return try ABI.decode(inputs, from: Array(data.dropFirst(4)))
    }
}
