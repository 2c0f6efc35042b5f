import AntibodyCore
import AntibodyDefense
import Testing

/// Exhaustive exploration: every sequence of abstract events up to a depth is run through the real
/// state machine (value types, so each branch copies the state), and properties are checked after
/// every step against an independent model kept by the explorer.
func explore<State, Letter>(
    depth: Int, alphabet: [Letter], initial: State, step: (inout State, Letter) -> Bool
) -> Int {
    var visited = 0
    func go(_ state: State, _ remaining: Int) -> Bool {
        if remaining == 0 { return true }
        for letter in alphabet {
            var next = state
            visited += 1
            guard step(&next, letter) else { return false }
            guard go(next, remaining - 1) else { return false }
        }
        return true
    }
    _ = go(initial, depth)
    return visited
}

@Suite struct StateExplorationTests {
    // MARK: Breaker

    struct BreakerWorld {
        var breaker: CircuitBreaker
        var now: Int64 = 0  // minutes
        var lastAnomaly: Int64?
        var streak = 0
        var pausedAt: Int64?
    }

    enum BreakerLetter: CaseIterable {
        case anomalous, clean, tick
    }

    @Test func breakerNeverResumesWithoutItsConditionAndNeverStaysOpenPastCooldownPlusProbe() {
        let cooldown: Int64 = 10
        let probe: Int64 = 5
        let config = CircuitBreaker.Configuration(
            name: "x", scope: .protocolWide, threshold: 0.5, tripAfter: 2,
            cooldown: .minutes(cooldown), probe: .minutes(probe))
        let letters: [(BreakerLetter, Int64)] = BreakerLetter.allCases.flatMap { l in [0, 3, 5, 10, 16].map { (l, $0) }
        }
        var failures: [String] = []
        let visited = explore(depth: 5, alphabet: letters, initial: BreakerWorld(breaker: CircuitBreaker(config))) {
            world, letter in
            let (kind, dt) = letter
            world.now += dt
            let t = Timestamp(seconds: world.now * 60)
            let wasPaused = world.breaker.isPaused
            let step: CircuitBreaker.Step
            switch kind {
            case .anomalous:
                step = world.breaker.handle(score: 0.9, at: t)
            case .clean:
                step = world.breaker.handle(score: 0.1, at: t)
            case .tick:
                step = world.breaker.tick(at: t)
            }
            // Independent model of the conditions.
            if kind == .anomalous { world.streak += 1 } else if kind == .clean { world.streak = 0 }
            let resumed = wasPaused && !world.breaker.isPaused
            if resumed {
                // No resume without its condition: cooldown + probe of quiet since the last anomaly.
                guard let last = world.lastAnomaly, world.now - last >= cooldown + probe, kind != .anomalous else {
                    failures.append("resumed at \(world.now) without its condition")
                    return false
                }
                guard step.action?.kind == .unpause else {
                    failures.append("resume without an unpause action")
                    return false
                }
            }
            if !wasPaused && world.breaker.isPaused {
                guard kind == .anomalous, world.streak >= 2, step.action?.kind == .pause else {
                    failures.append("paused without two consecutive anomalies")
                    return false
                }
            }
            if kind == .anomalous { world.lastAnomaly = world.now }
            // Clean signals never keep it open past cooldown + probe after the last anomaly.
            if world.breaker.isPaused, let last = world.lastAnomaly, world.now - last >= cooldown + probe {
                failures.append("still paused \(world.now - last) min after the last anomaly")
                return false
            }
            if kind == .anomalous && !world.breaker.isPaused { world.streak = world.streak >= 2 ? 1 : world.streak }
            return true
        }
        #expect(failures.isEmpty, "\(failures)")
        #expect(visited == (1...5).reduce(0) { $0 + pow10(15, $1) })
    }

    // MARK: Limiter

    struct LimiterWorld {
        var limiter: OutflowLimiter
        var now: Int64 = 3_600
        var log: [(time: Int64, amount: Int128)] = []
        var graceOrOverridden = false
    }

    enum LimiterLetter {
        case inflow(Int128), outflow(Int128), advance(Int64), override, overrideExpired
    }

    func checkLimiter(bps: Int, revert: Bool) -> (failures: [String], visited: Int) {
        let window: Int64 = 4 * 3600
        let tick: Int64 = 300
        let config = OutflowLimiter.Configuration(
            asset: "X", minLiquidityRetainedBps: bps, limitBeginThreshold: 100,
            withdrawalPeriod: window, tickLength: tick, cooldown: 6 * 3600,
            gracePeriod: 600)
        let alphabet: [LimiterLetter] = [
            .inflow(1_000), .inflow(50), .outflow(100), .outflow(250), .outflow(400), .advance(tick), .advance(3_600),
            .advance(window), .override, .overrideExpired,
        ]
        var failures: [String] = []
        let visited = explore(depth: 6, alphabet: alphabet, initial: LimiterWorld(limiter: OutflowLimiter(config))) {
            world, letter in
            let t = Timestamp(seconds: world.now)
            switch letter {
            case .inflow(let a):
                world.limiter.inflow(a, at: t)
                world.log.append((world.now, a))
            case .outflow(let a):
                var actions: [Action] = []
                let inGrace = world.limiter.isInGracePeriod(at: t)
                let result = world.limiter.outflow(a, to: "u", revertOnLimit: revert, at: t, actions: &actions)
                if result != .reverted { world.log.append((world.now, -a)) }
                if result == .released && !inGrace {
                    // Independent oracle: base = net of records in ticks at least a window old,
                    // net = records in younger ticks (held outflows count, as the reference records them).
                    let cut = world.now - window
                    let base = world.log.filter { $0.time - $0.time % tick <= cut }.reduce(Int128(0)) { $0 + $1.amount }
                    let recent = world.log.filter { $0.time - $0.time % tick > cut }.reduce(Int128(0)) {
                        $0 + $1.amount
                    }
                    if base >= 100 && (base + recent) * 10_000 < base * Int128(bps) {
                        failures.append("released \(a) at \(world.now): window net \(recent) vs base \(base)")
                        return false
                    }
                }
                if case .held(true) = result, actions.count != 1 {
                    failures.append("trip without a limit action")
                    return false
                }
                if result == .released && world.limiter.isRateLimited {
                    failures.append("released while limited")
                    return false
                }
            case .advance(let d):
                world.now += d
            case .override:
                _ = world.limiter.override(at: t)
            case .overrideExpired:
                let wasLimited = world.limiter.isRateLimited
                let lastTrip = world.limiter.lastTrip
                let lifted = world.limiter.overrideExpired(at: t)
                if lifted && (!wasLimited || world.now - lastTrip < 6 * 3600) {
                    failures.append("lifted before the cooldown")
                    return false
                }
            }
            return true
        }
        return (failures, visited)
    }

    @Test(arguments: [(7000, false), (7000, true), (5000, false)])
    func limiterNeverReleasesMoreThanItsBoundInAnyWindow(_ bps: Int, _ revert: Bool) {
        let (failures, visited) = checkLimiter(bps: bps, revert: revert)
        #expect(failures.isEmpty, "\(failures)")
        #expect(visited == (1...6).reduce(0) { $0 + Int(pow10(10, $1)) })
    }

    func pow10(_ base: Int, _ e: Int) -> Int { (0..<e).reduce(1) { acc, _ in acc * base } }

    // MARK: Governance bounds

    struct ParameterWorld {
        var parameter: BoundedParameter
        var now: Int64 = 0
    }

    @Test func governedParameterStaysWithinItsBounds() {
        let parameter = BoundedParameter(
            name: "ltv", scope: .market("WETH"), initial: 0.8, maxStep: 0.02,
            minInterval: .hours(6), floor: 0.7, ceiling: 0.85, deadband: 0.005)
        let targets: [Double] = [0.0, 0.69, 0.7, 0.75, 0.803, 0.85, 0.9, .nan, .infinity]
        let gaps: [Int64] = [0, 3, 6]
        let alphabet = targets.flatMap { t in gaps.map { (t, $0) } }
        var failures: [String] = []
        let visited = explore(depth: 4, alphabet: alphabet, initial: ParameterWorld(parameter: parameter)) {
            world, letter in
            world.now += letter.1
            let before = world.parameter
            let t = Timestamp(seconds: world.now * 3600)
            let action = world.parameter.propose(letter.0, at: t, reason: "explore")
            let after = world.parameter
            guard (0.7...0.85).contains(after.value) else {
                failures.append("left its bounds: \(after.value)")
                return false
            }
            if let action {
                guard case .setParameter("ltv", let v) = action.kind, v == after.value else {
                    failures.append("action does not match the value")
                    return false
                }
                guard abs(after.value - before.value) <= 0.02 + 1e-12 else {
                    failures.append("step \(after.value - before.value) exceeds max step")
                    return false
                }
                guard abs(after.value - before.value) >= 0.005 - 1e-12 || after.value == 0.7 || after.value == 0.85
                else {
                    failures.append("change within the deadband")
                    return false
                }
                if let last = before.lastChange, last.duration(to: t) < .hours(6) {
                    failures.append("changed again after \(last.duration(to: t).seconds / 3600) h")
                    return false
                }
                // Moves toward the (clamped) target, never past it.
                let goal = min(0.85, max(0.7, letter.0))
                guard (goal - before.value) * (after.value - before.value) > 0,
                    abs(after.value - goal) <= abs(before.value - goal)
                else {
                    failures.append("moved away from the target")
                    return false
                }
            } else if after != before {
                failures.append("changed without an action")
                return false
            }
            return true
        }
        #expect(failures.isEmpty, "\(failures)")
        #expect(visited == (1...4).reduce(0) { $0 + pow10(27, $1) })
    }
}
