public import AntibodyCore
public import AntibodyTrust

/// An event of `contracts/Guardian.vy`, decoded from a log.
public enum GuardianEvent: Hashable, Sendable {
    /// `SentinelsConfigured(count, f)` (constructor).
    case sentinelsConfigured(count: UInt64, f: UInt64)
    /// `GovernorsConfigured(count, timelockDelay)` (constructor).
    case governorsConfigured(count: UInt64, timelockDelay: UInt64)
    /// `Paused(target, nonce, signers)`.
    case paused(target: EthereumAddress, nonce: UInt64, signers: UInt64)
    /// `Isolated(target, asset, nonce, signers)`.
    case isolated(target: EthereumAddress, asset: EthereumAddress, nonce: UInt64, signers: UInt64)
    /// `Queued(operationId, action, target, paramsHash, eta)`.
    case queued(operationID: Bytes32, action: UInt8, target: EthereumAddress, paramsHash: Bytes32, eta: UInt64)
    /// `Cancelled(operationId, governor)`.
    case cancelled(operationID: Bytes32, governor: EthereumAddress)
    /// `Executed(operationId, action, target)`.
    case executed(operationID: Bytes32, action: UInt8, target: EthereumAddress)
    /// `Unpaused(target, operationId)`.
    case unpaused(target: EthereumAddress, operationID: Bytes32)
    /// `Unisolated(target, asset, operationId)`.
    case unisolated(target: EthereumAddress, asset: EthereumAddress, operationID: Bytes32)

    /// The events' ABI descriptions (topic 0 = Keccak-256 of the signature).
    public enum Events {
        /// `SentinelsConfigured(uint256,uint256)`.
        public static let sentinelsConfigured = ABIEvent(
            name: "SentinelsConfigured", parameters: [.init("count", .uint256), .init("f", .uint256)])
        /// `GovernorsConfigured(uint256,uint256)`.
        public static let governorsConfigured = ABIEvent(
            name: "GovernorsConfigured", parameters: [.init("count", .uint256), .init("timelockDelay", .uint256)])
        /// `Paused(address indexed,uint256 indexed,uint256)`.
        public static let paused = ABIEvent(
            name: "Paused",
            parameters: [
                .init("target", .address, indexed: true), .init("nonce", .uint256, indexed: true),
                .init("signers", .uint256),
            ])
        /// `Isolated(address indexed,address indexed,uint256,uint256)`.
        public static let isolated = ABIEvent(
            name: "Isolated",
            parameters: [
                .init("target", .address, indexed: true), .init("asset", .address, indexed: true),
                .init("nonce", .uint256), .init("signers", .uint256),
            ])
        /// `Queued(bytes32 indexed,uint8,address indexed,bytes32,uint256)`.
        public static let queued = ABIEvent(
            name: "Queued",
            parameters: [
                .init("operationId", .bytes32, indexed: true), .init("action", .uint(8)),
                .init("target", .address, indexed: true), .init("paramsHash", .bytes32), .init("eta", .uint256),
            ])
        /// `Cancelled(bytes32 indexed,address indexed)`.
        public static let cancelled = ABIEvent(
            name: "Cancelled",
            parameters: [.init("operationId", .bytes32, indexed: true), .init("governor", .address, indexed: true)])
        /// `Executed(bytes32 indexed,uint8,address indexed)`.
        public static let executed = ABIEvent(
            name: "Executed",
            parameters: [
                .init("operationId", .bytes32, indexed: true), .init("action", .uint(8)),
                .init("target", .address, indexed: true),
            ])
        /// `Unpaused(address indexed,bytes32 indexed)`.
        public static let unpaused = ABIEvent(
            name: "Unpaused",
            parameters: [.init("target", .address, indexed: true), .init("operationId", .bytes32, indexed: true)])
        /// `Unisolated(address indexed,address indexed,bytes32 indexed)`.
        public static let unisolated = ABIEvent(
            name: "Unisolated",
            parameters: [
                .init("target", .address, indexed: true), .init("asset", .address, indexed: true),
                .init("operationId", .bytes32, indexed: true),
            ])

        /// Every event above.
        public static let all = [
            sentinelsConfigured, governorsConfigured, paused, isolated, queued, cancelled, executed, unpaused,
            unisolated,
        ]
    }

    /// Decodes `log` if it is one of the Guardian's events; `nil` for other topics.
    ///
    /// - Throws: ``ChainError`` if the topic is the Guardian's but the log does not fit the event.
    public static func decode(_ log: LogEntry) throws(ChainError) -> GuardianEvent? {
        guard let topic = log.topics.first else { return nil }
        func fields(_ event: ABIEvent) throws(ChainError) -> EventFields {
            EventFields(event: event, values: try event.decodeLog(topics: log.topics, data: log.data))
        }
        switch topic {
        case Events.sentinelsConfigured.topic:
            let f = try fields(Events.sentinelsConfigured)
            return .sentinelsConfigured(count: try f.uint64("count"), f: try f.uint64("f"))
        case Events.governorsConfigured.topic:
            let f = try fields(Events.governorsConfigured)
            return .governorsConfigured(count: try f.uint64("count"), timelockDelay: try f.uint64("timelockDelay"))
        case Events.paused.topic:
            let f = try fields(Events.paused)
            return .paused(
                target: try f.address("target"), nonce: try f.uint64("nonce"), signers: try f.uint64("signers"))
        case Events.isolated.topic:
            let f = try fields(Events.isolated)
            return .isolated(
                target: try f.address("target"), asset: try f.address("asset"), nonce: try f.uint64("nonce"),
                signers: try f.uint64("signers"))
        case Events.queued.topic:
            let f = try fields(Events.queued)
            return .queued(
                operationID: try f.bytes32("operationId"), action: UInt8(truncatingIfNeeded: try f.uint64("action")),
                target: try f.address("target"), paramsHash: try f.bytes32("paramsHash"), eta: try f.uint64("eta"))
        case Events.cancelled.topic:
            let f = try fields(Events.cancelled)
            return .cancelled(operationID: try f.bytes32("operationId"), governor: try f.address("governor"))
        case Events.executed.topic:
            let f = try fields(Events.executed)
            return .executed(
                operationID: try f.bytes32("operationId"), action: UInt8(truncatingIfNeeded: try f.uint64("action")),
                target: try f.address("target"))
        case Events.unpaused.topic:
            let f = try fields(Events.unpaused)
            return .unpaused(target: try f.address("target"), operationID: try f.bytes32("operationId"))
        case Events.unisolated.topic:
            let f = try fields(Events.unisolated)
            return .unisolated(
                target: try f.address("target"), asset: try f.address("asset"),
                operationID: try f.bytes32("operationId"))
        default:
            return nil
        }
    }
}
