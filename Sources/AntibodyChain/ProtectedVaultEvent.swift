public import AntibodyCore
public import AntibodyMath

/// An event of `contracts/ProtectedVault.vy`, decoded from a log.
public enum ProtectedVaultEvent: Hashable, Sendable {
    /// `Deposit(user, asset, amount)`.
    case deposit(user: EthereumAddress, asset: EthereumAddress, amount: UInt256)
    /// `Withdraw(user, asset, amount)`: paid out.
    case withdraw(user: EthereumAddress, asset: EthereumAddress, amount: UInt256)
    /// `OutflowHeld(recipient, asset, amount)`: held for a later claim (hold mode).
    case outflowHeld(recipient: EthereumAddress, asset: EthereumAddress, amount: UInt256)
    /// `LimiterTripped(asset, until, attempted, windowOutflow)`.
    case limiterTripped(asset: EthereumAddress, until: UInt256, attempted: UInt256, windowOutflow: UInt256)
    /// `Claimed(recipient, asset, amount)`.
    case claimed(recipient: EthereumAddress, asset: EthereumAddress, amount: UInt256)
    /// `LimiterParamsSet(asset, windowSeconds, minRetainedBps, cooldownSeconds, holdOnTrip)`.
    case limiterParamsSet(asset: EthereumAddress, parameters: LimiterParameters)

    /// The events' ABI descriptions.
    public enum Events {
        static func flow(_ name: String, _ who: String) -> ABIEvent {
            ABIEvent(
                name: name,
                parameters: [
                    .init(who, .address, indexed: true), .init("asset", .address, indexed: true),
                    .init("amount", .uint256),
                ])
        }
        /// `Deposit(address indexed,address indexed,uint256)`.
        public static let deposit = flow("Deposit", "user")
        /// `Withdraw(address indexed,address indexed,uint256)`.
        public static let withdraw = flow("Withdraw", "user")
        /// `OutflowHeld(address indexed,address indexed,uint256)`.
        public static let outflowHeld = flow("OutflowHeld", "recipient")
        /// `Claimed(address indexed,address indexed,uint256)`.
        public static let claimed = flow("Claimed", "recipient")
        /// `LimiterTripped(address indexed,uint256,uint256,uint256)`.
        public static let limiterTripped = ABIEvent(
            name: "LimiterTripped",
            parameters: [
                .init("asset", .address, indexed: true), .init("until", .uint256), .init("attempted", .uint256),
                .init("windowOutflow", .uint256),
            ])
        /// `LimiterParamsSet(address indexed,uint256,uint256,uint256,bool)`.
        public static let limiterParamsSet = ABIEvent(
            name: "LimiterParamsSet",
            parameters: [
                .init("asset", .address, indexed: true), .init("windowSeconds", .uint256),
                .init("minRetainedBps", .uint256), .init("cooldownSeconds", .uint256), .init("holdOnTrip", .bool),
            ])

        /// Every event above.
        public static let all = [deposit, withdraw, outflowHeld, claimed, limiterTripped, limiterParamsSet]
    }

    /// Decodes `log` if it is one of the vault's events; `nil` for other topics.
    ///
    /// - Throws: ``ChainError`` if the topic is the vault's but the log does not fit the event.
    public static func decode(_ log: LogEntry) throws(ChainError) -> ProtectedVaultEvent? {
        guard let topic = log.topics.first else { return nil }
        func fields(_ event: ABIEvent) throws(ChainError) -> EventFields {
            EventFields(event: event, values: try event.decodeLog(topics: log.topics, data: log.data))
        }
        switch topic {
        case Events.deposit.topic:
            let f = try fields(Events.deposit)
            return .deposit(user: try f.address("user"), asset: try f.address("asset"), amount: try f.uint("amount"))
        case Events.withdraw.topic:
            let f = try fields(Events.withdraw)
            return .withdraw(user: try f.address("user"), asset: try f.address("asset"), amount: try f.uint("amount"))
        case Events.outflowHeld.topic:
            let f = try fields(Events.outflowHeld)
            return .outflowHeld(
                recipient: try f.address("recipient"), asset: try f.address("asset"), amount: try f.uint("amount"))
        case Events.claimed.topic:
            let f = try fields(Events.claimed)
            return .claimed(
                recipient: try f.address("recipient"), asset: try f.address("asset"), amount: try f.uint("amount"))
        case Events.limiterTripped.topic:
            let f = try fields(Events.limiterTripped)
            return .limiterTripped(
                asset: try f.address("asset"), until: try f.uint("until"), attempted: try f.uint("attempted"),
                windowOutflow: try f.uint("windowOutflow"))
        case Events.limiterParamsSet.topic:
            let f = try fields(Events.limiterParamsSet)
            return .limiterParamsSet(
                asset: try f.address("asset"),
                parameters: LimiterParameters(
                    windowSeconds: try f.uint64("windowSeconds"), minRetainedBps: try f.uint64("minRetainedBps"),
                    cooldownSeconds: try f.uint64("cooldownSeconds"), holdOnTrip: try f.bool("holdOnTrip")))
        default:
            return nil
        }
    }
}
