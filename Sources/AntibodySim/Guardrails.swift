public import AntibodyCore

/// The protocol-side enforcement state a defence acts on: paused scopes, paused liquidations and
/// rolling-window outflow limits. Every simulated protocol operation asks ``permit(_:outflow:at:)``
/// first, exactly where a guardian contract's modifier would sit; blocked operations are counted.
///
/// Scopes are the engine's scope names (`"protocol"`, `"market:USDC"`, `"pool:TOKEN/USDC"`,
/// `"vault:v"`, `"bridge:b"`, `"asset:USDC"`); pausing `"protocol"` blocks everything. The engine's
/// actions (pause, unpause, limit, pauseLiquidations, unpauseLiquidations) map one-to-one onto the
/// mutating methods here, so the same engine drives the simulator and the live guardian.
public struct Guardrails: Hashable, Sendable {
    /// Scopes whose state-changing operations are refused.
    public private(set) var paused: Set<String> = []
    /// Scopes whose liquidations are refused.
    public private(set) var liquidationsPaused: Set<String> = []
    /// Outflow limits per scope: at most `maxOutflow` units per `window` seconds.
    public private(set) var limits: [String: (maxOutflow: Double, window: Int64)] = [:]
    /// Recent outflows per scope (time, amount), oldest first.
    private var outflows: [String: [(Int64, Double)]] = [:]
    /// Operations refused, by scope.
    public private(set) var blocked: [String: Int] = [:]
    /// Liquidations refused.
    public private(set) var liquidationsBlocked = 0

    /// No restrictions.
    public init() {}

    /// Pauses `scope`.
    public mutating func pause(_ scope: String) { paused.insert(scope) }
    /// Unpauses `scope`.
    public mutating func unpause(_ scope: String) { paused.remove(scope) }
    /// Pauses liquidations in `scope`.
    public mutating func pauseLiquidations(_ scope: String) { liquidationsPaused.insert(scope) }
    /// Resumes liquidations in `scope`.
    public mutating func unpauseLiquidations(_ scope: String) { liquidationsPaused.remove(scope) }
    /// Limits `scope`'s outflows to `maxOutflow` per `window` seconds.
    public mutating func limit(_ scope: String, maxOutflow: Double, window: Int64) {
        limits[scope] = (maxOutflow, max(1, window))
    }

    /// Whether an operation on `scope` moving `outflow` units out may proceed at `now` (seconds);
    /// records the outflow when it may, counts a block when it may not.
    public mutating func permit(_ scope: String, outflow: Double = 0, at now: Int64) -> Bool {
        if paused.contains("protocol") || paused.contains(scope) {
            blocked[scope, default: 0] += 1
            return false
        }
        if outflow > 0, let limit = limits[scope] {
            var window = outflows[scope] ?? []
            window.removeAll { $0.0 <= now - limit.window }
            let used = window.reduce(0) { $0 + $1.1 }
            guard used + outflow <= limit.maxOutflow else {
                blocked[scope, default: 0] += 1
                outflows[scope] = window
                return false
            }
            window.append((now, outflow))
            outflows[scope] = window
        }
        return true
    }

    /// Whether a liquidation in `scope` may proceed; counts it when it may not.
    public mutating func permitLiquidation(_ scope: String) -> Bool {
        if liquidationsPaused.contains(scope) || liquidationsPaused.contains("protocol") {
            liquidationsBlocked += 1
            return false
        }
        return true
    }

    /// Total operations refused.
    public var totalBlocked: Int { blocked.values.reduce(0, +) }

    public static func == (a: Guardrails, b: Guardrails) -> Bool {
        a.paused == b.paused && a.liquidationsPaused == b.liquidationsPaused && a.blocked == b.blocked
            && a.liquidationsBlocked == b.liquidationsBlocked && a.limits.keys == b.limits.keys
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(paused)
        hasher.combine(liquidationsPaused)
        hasher.combine(blocked)
    }
}

/// The defence side of a simulation: it sees every observation the simulator emits (prices,
/// outflows, pool reserves, in event-time order) and may tighten or relax the ``Guardrails``.
///
/// The engine plugs in here (through a ``ProtocolPort`` adapter once the engine is wired); tests
/// and baselines use ``NoDefence`` or a closure.
public protocol DefenceHook {
    /// Reacts to `observation`, possibly changing `guardrails`.
    mutating func observe(_ observation: Observation, guardrails: inout Guardrails)
    /// Reacts to any engine ``Event`` (observations, protocol state, flows); the default passes
    /// observations to ``observe(_:guardrails:)`` and ignores the rest.
    mutating func handle(_ event: Event, guardrails: inout Guardrails)
}

extension DefenceHook {
    public mutating func handle(_ event: Event, guardrails: inout Guardrails) {
        if case .observation(let observation) = event { observe(observation, guardrails: &guardrails) }
    }
}

/// No defence: every operation is allowed (the "defence off" baseline).
public struct NoDefence: DefenceHook, Sendable {
    /// The baseline.
    public init() {}
    public mutating func observe(_ observation: Observation, guardrails: inout Guardrails) {}
}

/// A defence given as a closure (for tests and quick policies).
public struct ClosureDefence: DefenceHook {
    private let body: (Observation, inout Guardrails) -> Void
    /// A defence that runs `body` for each observation.
    public init(_ body: @escaping (Observation, inout Guardrails) -> Void) { self.body = body }
    public mutating func observe(_ observation: Observation, guardrails: inout Guardrails) {
        body(observation, &guardrails)
    }
}
