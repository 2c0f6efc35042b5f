public import AntibodyCore
public import AntibodyMath

/// A typed binding of `contracts/ProtectedVault.vy`: call data, reads through `eth_call`, events
/// (``ProtectedVaultEvent``) and deployment.
public struct ProtectedVaultContract: ContractBinding {
    /// The vault's address.
    public let address: EthereumAddress
    /// The client used for reads.
    public let client: JSONRPCClient

    /// A binding of the vault at `address`.
    public init(address: EthereumAddress, client: JSONRPCClient) {
        self.address = address
        self.client = client
    }

    /// The contract's functions.
    public enum Functions {
        /// `deposit(address,uint256)`.
        public static let deposit = ABIFunction(known: "deposit(address,uint256)")
        /// `withdraw(address,uint256) -> bool` (true: paid; false: held for claim).
        public static let withdraw = ABIFunction(known: "withdraw(address,uint256)", outputs: "bool")
        /// `claim(address)`.
        public static let claim = ABIFunction(known: "claim(address)")
        /// `setLimiterParams(address,LimiterParams)` (only the Guardian may call it).
        public static let setLimiterParams = ABIFunction(
            known: "setLimiterParams(address,(uint256,uint256,uint256,bool))")
        /// `paused() -> bool`.
        public static let paused = ABIFunction(known: "paused()", outputs: "bool")
        /// `availableOutflow(address) -> uint256`.
        public static let availableOutflow = ABIFunction(known: "availableOutflow(address)", outputs: "uint256")
        /// `guardian() -> address`.
        public static let guardian = ABIFunction(known: "guardian()", outputs: "address")
        /// `assets(uint256) -> address`.
        public static let assets = ABIFunction(known: "assets(uint256)", outputs: "address")
        /// `isAsset(address) -> bool`.
        public static let isAsset = ABIFunction(known: "isAsset(address)", outputs: "bool")
        /// `limiterParams(address) -> LimiterParams`.
        public static let limiterParams = ABIFunction(
            known: "limiterParams(address)", outputs: "(uint256,uint256,uint256,bool)")
        /// `windows(address) -> (start, startLiquidity, inflow, outflow)`.
        public static let windows = ABIFunction(known: "windows(address)", outputs: "(uint256,uint256,uint256,uint256)")
        /// `trippedUntil(address) -> uint256`.
        public static let trippedUntil = ABIFunction(known: "trippedUntil(address)", outputs: "uint256")
        /// `totalAssets(address) -> uint256`.
        public static let totalAssets = ABIFunction(known: "totalAssets(address)", outputs: "uint256")
        /// `totalHeld(address) -> uint256`.
        public static let totalHeld = ABIFunction(known: "totalHeld(address)", outputs: "uint256")
        /// `balanceOf(address user, address asset) -> uint256`.
        public static let balanceOf = ABIFunction(known: "balanceOf(address,address)", outputs: "uint256")
        /// `heldFor(address recipient, address asset) -> uint256`.
        public static let heldFor = ABIFunction(known: "heldFor(address,address)", outputs: "uint256")

        /// Every function above.
        public static let all: [ABIFunction] = [
            deposit, withdraw, claim, setLimiterParams, paused, availableOutflow, guardian, assets, isAsset,
            limiterParams, windows, trippedUntil, totalAssets, totalHeld, balanceOf, heldFor,
        ]
    }

    /// The constructor arguments `(address guardian, address[] assets, LimiterParams[] params)`.
    public static func constructorArguments(
        guardian: EthereumAddress, assets: [EthereumAddress], parameters: [LimiterParameters]
    ) -> [UInt8] {
        try! ABI.encode(
            [.address(guardian), .array(assets.map { .address($0) }), .array(parameters.map(\.abiValue))],
            as: [.address, .array(.address), .array(LimiterParameters.abiType)])
    }

    /// Deploys a vault from ``ContractArtifacts/protectedVaultBytecode`` (one parameter set per asset).
    public static func deploy(
        guardian: EthereumAddress, assets: [EthereumAddress], parameters: [LimiterParameters],
        from account: ChainAccount
    ) async throws(ChainError) -> ProtectedVaultContract {
        let code = ContractArtifacts.protectedVaultCode
        let address = try await account.deploy(
            code + constructorArguments(guardian: guardian, assets: assets, parameters: parameters))
        return ProtectedVaultContract(address: address, client: account.client)
    }

    /// Call data of `deposit(asset, amount)` (the vault pulls with `transferFrom`: approve first).
    public static func depositCall(asset: EthereumAddress, amount: UInt256) -> [UInt8] {
        try! Functions.deposit.encodeCall([.address(asset), .uint(amount)])
    }

    /// Call data of `withdraw(asset, amount)`.
    public static func withdrawCall(asset: EthereumAddress, amount: UInt256) -> [UInt8] {
        try! Functions.withdraw.encodeCall([.address(asset), .uint(amount)])
    }

    /// Call data of `claim(asset)`.
    public static func claimCall(asset: EthereumAddress) -> [UInt8] {
        try! Functions.claim.encodeCall([.address(asset)])
    }

    /// Call data of `setLimiterParams(asset, parameters)` (the Guardian calls it).
    public static func setLimiterParamsCall(asset: EthereumAddress, parameters: LimiterParameters) -> [UInt8] {
        try! Functions.setLimiterParams.encodeCall([.address(asset), parameters.abiValue])
    }

    /// Whether the Guardian has paused the vault.
    public func paused() async throws(ChainError) -> Bool { try await readBool(Functions.paused) }

    /// How much of `asset` may leave in the current window.
    public func availableOutflow(_ asset: EthereumAddress) async throws(ChainError) -> UInt256 {
        try await readUInt(Functions.availableOutflow, [.address(asset)])
    }

    /// The vault's Guardian.
    public func guardian() async throws(ChainError) -> EthereumAddress {
        guard let value = try await read(Functions.guardian).first?.addressValue else {
            throw .invalidABI("guardian() did not return an address")
        }
        return value
    }

    /// Whether `asset` is one of the vault's assets.
    public func isAsset(_ asset: EthereumAddress) async throws(ChainError) -> Bool {
        try await readBool(Functions.isAsset, [.address(asset)])
    }

    /// The limiter parameters of `asset`.
    public func limiterParameters(_ asset: EthereumAddress) async throws(ChainError) -> LimiterParameters {
        guard let value = try await read(Functions.limiterParams, [.address(asset)]).first else {
            throw .invalidABI("limiterParams(address) returned nothing")
        }
        return try LimiterParameters(abiValue: value)
    }

    /// The limiter window of `asset`: start time, starting liquidity, inflow and outflow so far.
    public func window(
        _ asset: EthereumAddress
    ) async throws(ChainError) -> (
        start: UInt256, startLiquidity: UInt256, inflow: UInt256, outflow: UInt256
    ) {
        guard let fields = try await read(Functions.windows, [.address(asset)]).first?.elements, fields.count == 4,
            let start = fields[0].uintValue, let liquidity = fields[1].uintValue, let inflow = fields[2].uintValue,
            let outflow = fields[3].uintValue
        else { throw .invalidABI("windows(address) returned an unexpected shape") }
        return (start, liquidity, inflow, outflow)
    }

    /// Until when (block timestamp) `asset`'s limiter is tripped; 0 if it is not.
    public func trippedUntil(_ asset: EthereumAddress) async throws(ChainError) -> UInt256 {
        try await readUInt(Functions.trippedUntil, [.address(asset)])
    }

    /// All of `asset` the vault holds (including funds held for claim).
    public func totalAssets(_ asset: EthereumAddress) async throws(ChainError) -> UInt256 {
        try await readUInt(Functions.totalAssets, [.address(asset)])
    }

    /// `asset` held for later claims.
    public func totalHeld(_ asset: EthereumAddress) async throws(ChainError) -> UInt256 {
        try await readUInt(Functions.totalHeld, [.address(asset)])
    }

    /// `user`'s deposit of `asset`.
    public func balance(of user: EthereumAddress, asset: EthereumAddress) async throws(ChainError) -> UInt256 {
        try await readUInt(Functions.balanceOf, [.address(user), .address(asset)])
    }

    /// `asset` held for `recipient` to claim.
    public func held(for recipient: EthereumAddress, asset: EthereumAddress) async throws(ChainError) -> UInt256 {
        try await readUInt(Functions.heldFor, [.address(recipient), .address(asset)])
    }
}
