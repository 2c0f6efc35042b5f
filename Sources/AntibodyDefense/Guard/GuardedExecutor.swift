public import AntibodyCore

/// Guarded execution: a protocol transition is applied to a copy of the state, every invariant is
/// checked on the copy, and only if all hold does the copy become the state. A violation (or an
/// invariant that cannot be evaluated) reverts the transition, isolates the offender — the
/// transition's account if it has one, else the element the invariant failed on — so that its
/// further transitions are refused until governance clears it, and raises an alert.
public struct GuardedExecutor: Sendable {
    /// One protocol transition to guard.
    public struct Transition {
        /// Who makes it (an account), if known.
        public var account: String?
        /// The parts it touches (a pool, a vault); refused if any is isolated.
        public var touches: [ActionScope]
        /// A short description for alerts, e.g. `"donate 1e6 USDC to yvUSDC"`.
        public var label: String
        /// The state change.
        public var apply: (inout StateStore) -> Void

        /// A transition by `account` touching `touches`.
        public init(
            account: String?, touches: [ActionScope], label: String, apply: @escaping (inout StateStore) -> Void
        ) {
            self.account = account
            self.touches = touches
            self.label = label
            self.apply = apply
        }
    }

    /// One invariant that did not hold after a transition.
    public struct Violation: Hashable, Sendable {
        /// The invariant's name.
        public var invariant: String
        /// Its severity.
        public var severity: Severity
        /// What evaluation said (`violated` or `failed`).
        public var outcome: InvariantOutcome
    }

    /// What happened to a transition.
    public enum Result: Sendable {
        /// All invariants hold; the state changed.
        case committed
        /// Refused without running: `scope` is isolated.
        case refused(scope: ActionScope)
        /// Reverted: the violations found and the actions taken (isolation, pause).
        case reverted(violations: [Violation], actions: [Action])
    }

    /// The committed state.
    public private(set) var store: StateStore
    /// The invariants checked after every transition.
    public let invariants: [NamedInvariant]
    /// Isolated accounts and parts.
    public private(set) var isolated: Set<ActionScope> = []

    /// An executor over `store` checking `invariants`.
    public init(store: StateStore, invariants: [NamedInvariant]) {
        self.store = store
        self.invariants = invariants
    }

    /// Sets up initial state without guarding (e.g. loading a snapshot), then commits it.
    public mutating func load(at time: Timestamp, _ body: (inout StateStore) -> Void) {
        body(&store)
        store.commit(at: time)
    }

    /// Runs `transition` at `time` under guard.
    public mutating func execute(_ transition: Transition, at time: Timestamp) -> Result {
        if let account = transition.account, isolated.contains(.account(account)) {
            return .refused(scope: .account(account))
        }
        if let scope = transition.touches.first(where: { isolated.contains($0) }) {
            return .refused(scope: scope)
        }
        var candidate = store
        candidate.now = time
        transition.apply(&candidate)
        var violations: [Violation] = []
        for named in invariants {
            let outcome = named.invariant.evaluate(&candidate)
            if outcome != .holds {
                violations.append(Violation(invariant: named.name, severity: named.severity, outcome: outcome))
            }
        }
        guard !violations.isEmpty else {
            candidate.commit(at: time)
            store = candidate
            return .committed
        }
        // Revert: `candidate` is dropped, `store` is untouched.
        var actions: [Action] = []
        let names = violations.map(\.invariant).joined(separator: ", ")
        let reason = "\(transition.label) reverted: invariant \(names) would not hold"
        if let account = transition.account {
            isolated.insert(.account(account))
            actions.append(Action(.isolate, scope: .account(account), at: time, reason: reason))
        } else {
            for violation in violations {
                let element: String? =
                    switch violation.outcome {
                    case .violated(let e), .failed(_, let e): e
                    case .holds: nil
                    }
                let scope = ActionScope(element: element)
                if isolated.insert(scope).inserted {
                    actions.append(Action(.isolate, scope: scope, at: time, reason: reason))
                }
            }
        }
        return .reverted(violations: violations, actions: actions)
    }

    /// Governance: lifts the isolation of `scope`. Returns the action, or `nil` if it was not isolated.
    public mutating func clearIsolation(_ scope: ActionScope, at time: Timestamp, reason: String) -> Action? {
        guard isolated.remove(scope) != nil else { return nil }
        return Action(.clearIsolation, scope: scope, at: time, reason: reason)
    }
}
