import AntibodyCore

/// A contract event: its signature, its topic (Keccak-256 of the signature), and log decoding with
/// indexed parameters taken from the topics and the others from the data.
public struct ABIEvent: Hashable, Sendable {
    /// One parameter of the event.
    public struct Parameter: Hashable, Sendable {
        /// The parameter's name.
        public let name: String
        /// The parameter's type.
        public let type: ABIType
        /// Whether the parameter is in the topics rather than the data.
        public let indexed: Bool

        /// A parameter.
        public init(_ name: String, _ type: ABIType, indexed: Bool = false) {
            self.name = name
            self.type = type
            self.indexed = indexed
        }
    }

    /// The event's name.
    public let name: String
    /// The parameters in declaration order.
    public let parameters: [Parameter]
    /// topic 0: Keccak-256 of the canonical signature.
    public let topic: [UInt8]

    /// An event.
    public init(name: String, parameters: [Parameter]) {
        self.name = name
        self.parameters = parameters
        self.topic = Keccak256.hash(name + ABIType.tuple(parameters.map(\.type)).description)
    }

    /// The canonical signature, e.g. `Transfer(address,address,uint256)`.
    public var signature: String { name + ABIType.tuple(parameters.map(\.type)).description }

    /// Decodes a log of this event into its parameters by name.
    ///
    /// Indexed parameters of dynamic types (`string`, `bytes`, arrays, tuples) appear in topics only
    /// as their Keccak-256 hash; they are returned as `.fixedBytes` of that hash.
    ///
    /// - Throws: ``ChainError`` if topic 0 is not this event's or the topics or data do not fit.
    public func decodeLog(topics: [[UInt8]], data: [UInt8]) throws(ChainError) -> [String: ABIValue] {
        guard let first = topics.first, first == topic else {
            throw .invalidABI("ABI: the log's topic 0 is not that of \(signature)")
        }
        let indexed = parameters.filter(\.indexed)
        guard topics.count == indexed.count + 1 else {
            throw .invalidABI("ABI: \(signature) has \(indexed.count) indexed parameters, the log \(topics.count - 1)")
        }
        var result: [String: ABIValue] = [:]
        for (parameter, word) in zip(indexed, topics.dropFirst()) {
            guard word.count == 32 else { throw .invalidABI("ABI: a topic of \(signature) is not 32 bytes") }
            if parameter.type.isDynamic || { if case .tuple = parameter.type { true } else { false } }()
                || { if case .fixedArray = parameter.type { true } else { false } }()
            {
                result[parameter.name] = .fixedBytes(word)
            } else {
                result[parameter.name] = try ABI.decode([parameter.type], from: word)[0]
            }
        }
        let plain = parameters.filter { !$0.indexed }
        let values = try ABI.decode(plain.map(\.type), from: data)
        for (parameter, value) in zip(plain, values) { result[parameter.name] = value }
        return result
    }
}
