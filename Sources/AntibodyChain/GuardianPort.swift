public import AntibodyCore
import AntibodyTrust

/// The ``ProtocolPort`` that executes the engine's actions on chain through the Guardian contract.
///
/// **Synchronous port, asynchronous chain.** `ProtocolPort.execute` is synchronous so that the engine
/// stays deterministic. This port therefore only *translates* an action into a ``GuardianOrder``
/// (target, params, nonce, expiry — pure functions of the action), puts it on a bounded queue and
/// returns ``ActionOutcome/queued``; a ``GuardianExecutor`` task drains the queue, collects the
/// sentinel signatures, submits the transaction and reports the final outcome as a
/// ``GuardianReport``. Actions without an on-chain form are refused at once with
/// ``ActionOutcome/rejected(_:)``, as is an order arriving while the queue is full or closed.
///
/// Mapping (docs/chain.md):
///
/// | engine action | scope | Guardian |
/// |---|---|---|
/// | `pause` | protocol, or a scope in ``GuardianTargets/scopes`` | `pause(target)` (f + 1) |
/// | `pause`, `isolate` | `asset:X` | `isolate(protocolTarget, abi(token X))` (f + 1) |
/// | `unpause` | as `pause` | `queue(2, target)` (2f + 1, timelock; the sender must be a governor) |
/// | `clearIsolation` | `asset:X` | `queue(2, protocolTarget, abi(token X))` |
/// | `setParameter(name, v)` | `asset:X` | `queue(3, protocolTarget, abi(token X, limiter params))` with `name` changed |
/// | `limit`, `pauseLiquidations`, `unpauseLiquidations` | — | refused: the vault has no such entry point |
public struct GuardianPort: ProtocolPort, Sendable {
    /// The mapping of scopes to contracts.
    public let targets: GuardianTargets
    private let queue: AsyncStream<GuardianOrder>.Continuation

    /// A port and the stream its orders arrive on (hand the stream to ``GuardianExecutor/run(_:report:)``).
    /// At most `capacity` orders wait; more are refused.
    public static func make(
        targets: GuardianTargets, capacity: Int = 64
    ) -> (port: GuardianPort, orders: AsyncStream<GuardianOrder>) {
        let (stream, continuation) = AsyncStream.makeStream(
            of: GuardianOrder.self, bufferingPolicy: .bufferingOldest(max(capacity, 1)))
        return (GuardianPort(targets: targets, queue: continuation), stream)
    }

    private init(targets: GuardianTargets, queue: AsyncStream<GuardianOrder>.Continuation) {
        self.targets = targets
        self.queue = queue
    }

    /// Translates `action` and enqueues it: ``ActionOutcome/queued``, or ``ActionOutcome/rejected(_:)``
    /// with the reason it has no on-chain form or the queue is full or closed.
    public mutating func execute(_ action: Action) -> ActionOutcome {
        let order: GuardianOrder
        switch Self.translate(action, targets: targets) {
        case .success(let translated): order = translated
        case .failure(let error): return .rejected(error.message)
        }
        switch queue.yield(order) {
        case .enqueued: return .queued
        case .dropped: return .rejected("guardian executor queue full; the action was not submitted")
        case .terminated: return .rejected("guardian executor stopped; the action was not submitted")
        @unknown default: return .rejected("guardian executor did not accept the action")
        }
    }

    /// Ends the order stream: the executor finishes the queued orders and returns.
    public func close() { queue.finish() }

    /// The order for `action`, or why it has none. Pure: the same action always gives the same order.
    public static func translate(_ action: Action, targets: GuardianTargets) -> Result<GuardianOrder, ChainError> {
        let expiry = UInt64(clamping: max(action.timestamp.seconds, 0)) &+ targets.requestLifetime
        func order(
            _ kind: GuardianAction, _ target: EthereumAddress, _ params: [UInt8]?,
            _ change: GuardianOrder.ParameterChange? = nil
        ) -> Result<GuardianOrder, ChainError> {
            .success(
                GuardianOrder(
                    action: action, guardianAction: kind, target: target, params: params, parameterChange: change,
                    nonce: nonce(action, kind, target, params ?? []), expiry: expiry))
        }
        func token(_ name: String) -> Result<EthereumAddress, ChainError> {
            guard let token = targets.assets[name] else {
                return .failure(.refused("asset '\(name)' has no token address in the guardian targets"))
            }
            return .success(token)
        }
        func scopeTarget() -> Result<EthereumAddress, ChainError> {
            if action.scope == .protocolWide { return .success(targets.protocolTarget) }
            guard let target = targets.scopes[action.scope.description] else {
                return .failure(.refused("scope \(action.scope) has no contract in the guardian targets"))
            }
            return .success(target)
        }
        switch (action.kind, action.scope) {
        case (.pause, .asset(let name)), (.isolate, .asset(let name)):
            return token(name).flatMap {
                order(.isolate, targets.protocolTarget, GuardianContract.isolateParams(asset: $0))
            }
        case (.pause, _):
            return scopeTarget().flatMap { order(.pause, $0, []) }
        case (.isolate, _):
            return .failure(.refused("isolate needs an asset scope (asset:X), not \(action.scope)"))
        case (.clearIsolation, .asset(let name)):
            return token(name).flatMap {
                order(.unpause, targets.protocolTarget, GuardianContract.isolateParams(asset: $0))
            }
        case (.clearIsolation, _):
            return .failure(.refused("clearIsolation needs an asset scope (asset:X), not \(action.scope)"))
        case (.unpause, _):
            return scopeTarget().flatMap { order(.unpause, $0, []) }
        case (.setParameter(let name, let value), .asset(let asset)):
            guard GuardianTargets.limiterParameters.contains(name) else {
                return .failure(
                    .refused(
                        "setParameter '\(name)' is not a vault limiter parameter "
                            + "(\(GuardianTargets.limiterParameters.sorted().joined(separator: ", ")))"))
            }
            guard value.isFinite, value >= 0, value < 1e15 else {
                return .failure(.refused("setParameter \(name) = \(value) is out of range"))
            }
            return token(asset).flatMap {
                order(.setParameter, targets.protocolTarget, nil, .init(asset: $0, name: name, value: value))
            }
        case (.setParameter, _):
            return .failure(.refused("setParameter needs an asset scope (asset:X), not \(action.scope)"))
        case (.limit, _), (.pauseLiquidations, _), (.unpauseLiquidations, _):
            return .failure(
                .refused("\(action.kindName) has no Guardian entry point (the vault's limiter is on chain already)"))
        }
    }

    /// The first 8 bytes of Keccak-256 over (action, target, params, decision time ms, reason).
    static func nonce(_ action: Action, _ kind: GuardianAction, _ target: EthereumAddress, _ params: [UInt8]) -> UInt64
    {
        var bytes: [UInt8] = [kind.rawValue] + target.bytes + params
        let ms = UInt64(bitPattern: action.timestamp.milliseconds)
        for i in 0..<8 { bytes.append(UInt8(truncatingIfNeeded: ms >> (56 - 8 * i))) }
        bytes += Array(action.kindName.utf8) + Array(action.reason.utf8)
        let digest = Keccak256.hash(bytes)
        return digest.prefix(8).reduce(0) { $0 << 8 | UInt64($1) }
    }
}
