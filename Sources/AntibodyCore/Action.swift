/// Something the engine asks a protocol to do, sent to a ``ProtocolPort``.
///
/// Actions are plain values: the engine decides, the port (simulator, guardian contract) performs.
/// Every action carries the ``scope`` it applies to, the event time it was decided at and a short
/// human-readable `reason` naming the rule that decided it (an invariant, a breaker, a limiter).
public struct Action: Hashable, Sendable, Codable, CustomStringConvertible {
    /// What to do.
    public enum Kind: Hashable, Sendable, Codable {
        /// Stop the scope's state-changing operations (deposits, borrows, swaps, withdrawals).
        case pause
        /// Resume operations paused earlier.
        case unpause
        /// Set a named risk parameter (e.g. `"ltv"`, `"liquidationThreshold"`) to `value`.
        case setParameter(name: String, value: Double)
        /// Allow at most `maxOutflow` units of the scope's asset to leave per `window`; further
        /// outflows are held for later claim or reverted, as the limiter was configured.
        case limit(maxOutflow: Double, window: Timestamp.Duration)
        /// Refuse the scope's further transitions until governance clears it.
        case isolate
        /// Lift an isolation (governance only).
        case clearIsolation
        /// Stop liquidations in the scope (borrowers who cannot repay during a pause are not
        /// liquidated); `unpauseLiquidations` resumes them.
        case pauseLiquidations
        /// Resume liquidations, optionally after a grace period during which borrowers may repay.
        case unpauseLiquidations(grace: Timestamp.Duration)
    }

    /// What to do.
    public var kind: Kind
    /// What it applies to.
    public var scope: ActionScope
    /// When it was decided (event time).
    public var timestamp: Timestamp
    /// Which rule decided it and why, e.g. `"invariant vault-solvency violated"`.
    public var reason: String

    /// An action of `kind` on `scope`, decided at `timestamp` for `reason`.
    public init(_ kind: Kind, scope: ActionScope, at timestamp: Timestamp, reason: String) {
        self.kind = kind
        self.scope = scope
        self.timestamp = timestamp
        self.reason = reason
    }

    /// A short name of the kind: `"pause"`, `"setParameter"`, ….
    public var kindName: String {
        switch kind {
        case .pause: "pause"
        case .unpause: "unpause"
        case .setParameter: "setParameter"
        case .limit: "limit"
        case .isolate: "isolate"
        case .clearIsolation: "clearIsolation"
        case .pauseLiquidations: "pauseLiquidations"
        case .unpauseLiquidations: "unpauseLiquidations"
        }
    }

    public var description: String {
        switch kind {
        case .setParameter(let name, let value): "setParameter \(name)=\(value) on \(scope): \(reason)"
        case .limit(let maxOutflow, let window):
            "limit \(maxOutflow) per \(window.seconds)s on \(scope): \(reason)"
        default: "\(kindName) \(scope): \(reason)"
        }
    }
}
