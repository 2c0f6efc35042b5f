public import AntibodyCore
public import AntibodyTrust

/// A Guardian operation queued by governance (an unpause or a parameter change waiting for its
/// timelock), as `operations(bytes32)` returns it.
public struct GuardianOperation: Hashable, Sendable {
    /// The operation's state on chain.
    public enum State: UInt8, Hashable, Sendable {
        /// Never queued.
        case none = 0
        /// Waiting for the timelock (or executable).
        case queued = 1
        /// Executed.
        case executed = 2
        /// Cancelled by a governor.
        case cancelled = 3
    }

    /// The action (2 unpause, 3 set parameters).
    public var action: UInt8
    /// The target contract.
    public var target: EthereumAddress
    /// Keccak-256 of the request's params.
    public var paramsHash: Bytes32
    /// The earliest execution time (block timestamp).
    public var eta: UInt64
    /// The state.
    public var state: State

    /// An operation.
    public init(action: UInt8, target: EthereumAddress, paramsHash: Bytes32, eta: UInt64, state: State) {
        self.action = action
        self.target = target
        self.paramsHash = paramsHash
        self.eta = eta
        self.state = state
    }
}
