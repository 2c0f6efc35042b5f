public import AntibodyCore
public import AntibodyTrust

/// An engine ``Action`` translated for the Guardian contract by ``GuardianPort``: what
/// ``GuardianExecutor`` signs and submits.
public struct GuardianOrder: Hashable, Sendable {
    /// The engine's action, as decided.
    public var action: Action
    /// The Guardian action.
    public var guardianAction: GuardianAction
    /// The contract the action applies to (the vault).
    public var target: EthereumAddress
    /// The ActionRequest's `params`, or `nil` when the executor must build them from chain state
    /// (a parameter change needs the limiter's other current parameters).
    public var params: [UInt8]?
    /// The parameter change, for ``GuardianAction/setParameter``: the asset token, the parameter's
    /// name and new value.
    public var parameterChange: ParameterChange?
    /// The request nonce: derived from the action (kind, target, params, decision time, reason), so
    /// sentinel nodes that decide the same action from the same events sign the same request.
    public var nonce: UInt64
    /// The last second at which the request may execute: the decision time plus the lifetime.
    public var expiry: UInt64

    /// One limiter parameter to change.
    public struct ParameterChange: Hashable, Sendable {
        /// The asset token whose limiter changes.
        public var asset: EthereumAddress
        /// `windowSeconds`, `minRetainedBps`, `cooldownSeconds` or `holdOnTrip`.
        public var name: String
        /// The new value (`holdOnTrip`: non-zero is true).
        public var value: Double
    }

    /// The request to sign, once `params` are known.
    public func request(params: [UInt8]) -> ActionRequest {
        ActionRequest(action: guardianAction, target: target, params: params, nonce: nonce, expiry: expiry)
    }
}
