public import AntibodyCore
public import AntibodyMath

/// A typed binding of `contracts/TestToken.vy`, a plain ERC-20 with a public `mint` — **for tests
/// and local demonstrations only**. The ERC-20 calls (`transfer`, `approve`, `balanceOf`, the
/// `Transfer` event) fit any ERC-20.
public struct TestTokenContract: ContractBinding {
    /// The token's address.
    public let address: EthereumAddress
    /// The client used for reads.
    public let client: JSONRPCClient

    /// A binding of the token at `address`.
    public init(address: EthereumAddress, client: JSONRPCClient) {
        self.address = address
        self.client = client
    }

    /// The contract's functions.
    public enum Functions {
        /// `transfer(address,uint256) -> bool`.
        public static let transfer = ABIFunction(known: "transfer(address,uint256)", outputs: "bool")
        /// `transferFrom(address,address,uint256) -> bool`.
        public static let transferFrom = ABIFunction(known: "transferFrom(address,address,uint256)", outputs: "bool")
        /// `approve(address,uint256) -> bool`.
        public static let approve = ABIFunction(known: "approve(address,uint256)", outputs: "bool")
        /// `mint(address,uint256)`.
        public static let mint = ABIFunction(known: "mint(address,uint256)")
        /// `balanceOf(address) -> uint256`.
        public static let balanceOf = ABIFunction(known: "balanceOf(address)", outputs: "uint256")
        /// `allowance(address,address) -> uint256`.
        public static let allowance = ABIFunction(known: "allowance(address,address)", outputs: "uint256")
        /// `totalSupply() -> uint256`.
        public static let totalSupply = ABIFunction(known: "totalSupply()", outputs: "uint256")
        /// `decimals() -> uint8`.
        public static let decimals = ABIFunction(known: "decimals()", outputs: "uint8")

        /// Every function above.
        public static let all: [ABIFunction] = [
            transfer, transferFrom, approve, mint, balanceOf, allowance, totalSupply, decimals,
        ]
    }

    /// `Transfer(address indexed sender, address indexed receiver, uint256 value)`.
    public static let transferEvent = ABIEvent(
        name: "Transfer",
        parameters: [
            .init("sender", .address, indexed: true), .init("receiver", .address, indexed: true),
            .init("value", .uint256),
        ])

    /// Deploys a token named `name` with `symbol` and `decimals`.
    public static func deploy(
        name: String, symbol: String, decimals: UInt8, from account: ChainAccount
    )
        async throws(ChainError) -> TestTokenContract
    {
        let arguments = try ABI.encode(
            [.string(name), .string(symbol), .uint(UInt256(UInt64(decimals)))], as: [.string, .string, .uint(8)])
        let address = try await account.deploy(ContractArtifacts.testTokenCode + arguments)
        return TestTokenContract(address: address, client: account.client)
    }

    /// Call data of `mint(receiver, amount)`.
    public static func mintCall(to receiver: EthereumAddress, amount: UInt256) -> [UInt8] {
        try! Functions.mint.encodeCall([.address(receiver), .uint(amount)])
    }

    /// Call data of `transfer(receiver, amount)`.
    public static func transferCall(to receiver: EthereumAddress, amount: UInt256) -> [UInt8] {
        try! Functions.transfer.encodeCall([.address(receiver), .uint(amount)])
    }

    /// Call data of `approve(spender, amount)`.
    public static func approveCall(spender: EthereumAddress, amount: UInt256) -> [UInt8] {
        try! Functions.approve.encodeCall([.address(spender), .uint(amount)])
    }

    /// `owner`'s balance.
    public func balance(of owner: EthereumAddress) async throws(ChainError) -> UInt256 {
        try await readUInt(Functions.balanceOf, [.address(owner)])
    }

    /// The total supply.
    public func totalSupply() async throws(ChainError) -> UInt256 { try await readUInt(Functions.totalSupply) }

    /// Decodes a `Transfer` log: (sender, receiver, value); `nil` for other topics.
    public static func decodeTransfer(
        _ log: LogEntry
    ) throws(ChainError) -> (
        sender: EthereumAddress, receiver: EthereumAddress, value: UInt256
    )? {
        guard log.topics.first == transferEvent.topic else { return nil }
        let f = EventFields(
            event: transferEvent, values: try transferEvent.decodeLog(topics: log.topics, data: log.data))
        return (try f.address("sender"), try f.address("receiver"), try f.uint("value"))
    }
}
