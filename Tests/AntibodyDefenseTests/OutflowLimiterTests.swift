import AntibodyCore
import AntibodyDefense
import Testing

/// Reproduces the EIP-7265 reference tests (DeFi-Circuit-Breaker, `CircuitBreakerUserOpsTest`):
/// `new CircuitBreaker(admin, 3 days, 4 hours, 5 minutes)`, `registerAsset(token, 7000, 1000e18)`,
/// `vm.warp(1 hours)` in set-up. Amounts are in token units of 10⁻¹⁸ (`e18`).
@Suite struct OutflowLimiterTests {
    static let e18: Int128 = 1_000_000_000_000_000_000
    static func make() -> OutflowLimiter {
        OutflowLimiter(
            .init(
                asset: "USDC", minLiquidityRetainedBps: 7000, limitBeginThreshold: 1000 * e18,
                withdrawalPeriod: 4 * 3600, tickLength: 300, cooldown: 3 * 86_400))
    }

    func h(_ hours: Double) -> Timestamp { Timestamp(milliseconds: Int64(hours * 3_600_000)) }

    @Test func referenceDeposit() {
        let e18 = Self.e18
        var limiter = Self.make()
        limiter.inflow(10 * e18, at: h(1))
        #expect(limiter.status != .triggered)
        #expect(limiter.totalLiquidity == 0 && limiter.liquidityInPeriod == 10 * e18)
        #expect(limiter.ticks.count == 1 && limiter.ticks[0].amount == 10 * e18)
        limiter.inflow(110 * e18, at: h(1))
        #expect(limiter.totalLiquidity == 0 && limiter.liquidityInPeriod == 120 * e18)
        limiter.inflow(10 * e18, at: h(10))
        #expect(limiter.totalLiquidity == 120 * e18 && limiter.liquidityInPeriod == 10 * e18)
        #expect(limiter.head == 36_000 && limiter.ticks.last?.start == 36_000)
        #expect(limiter.head % 300 == 0)
    }

    @Test func referenceClearBacklog() {
        var limiter = Self.make()
        for hour in [1.0, 2, 3, 4, 5] { limiter.inflow(1, at: h(hour)) }
        limiter.sync(at: h(6.5))
        // "only deposits from 2.5 hours and later should be in the window"
        #expect(limiter.liquidityInPeriod == 3 && limiter.totalLiquidity == 2)
        #expect(limiter.head == 3 * 3600 && limiter.ticks.last?.start == 5 * 3600)
    }

    @Test func referenceWithdrawal() {
        let e18 = Self.e18
        var limiter = Self.make()
        var actions: [Action] = []
        limiter.inflow(100 * e18, at: h(1))
        #expect(limiter.outflow(60 * e18, to: "alice", at: h(1), actions: &actions) == .released)
        #expect(limiter.liquidityInPeriod == 40 * e18 && limiter.totalLiquidity == 0)
        limiter.inflow(10 * e18, at: h(10))
        #expect(limiter.liquidityInPeriod == 10 * e18 && limiter.totalLiquidity == 40 * e18)
        #expect(actions.isEmpty)
    }

    @Test func referenceBreach() {
        let e18 = Self.e18
        var limiter = Self.make()
        var actions: [Action] = []
        limiter.inflow(1_000_000 * e18, at: h(1))
        // HACK: 300,001 leaves at 5 h: more than 30 % of 1,000,000 → trips, funds held.
        let withdrawal: Int128 = 300_001 * e18
        #expect(limiter.outflow(withdrawal, to: "alice", at: h(5), actions: &actions) == .held(tripped: true))
        #expect(limiter.isRateLimited)
        #expect(limiter.liquidityInPeriod == -withdrawal && limiter.totalLiquidity == 1_000_000 * e18)
        #expect(limiter.held["alice"] == withdrawal)
        #expect(actions.count == 1 && actions[0].scope == .asset("USDC"))
        if case .limit(let maxOutflow, let window) = actions[0].kind {
            #expect(maxOutflow == 300_000 * 1e18 && window == .hours(4))
        } else {
            Issue.record("expected a limit action")
        }
        // Attempts to withdraw more while limited: held as well.
        let second: Int128 = 10_000 * e18
        #expect(limiter.outflow(second, to: "alice", at: h(6), actions: &actions) == .held(tripped: false))
        #expect(limiter.liquidityInPeriod == -withdrawal - second && limiter.totalLiquidity == 1_000_000 * e18)
        #expect(limiter.held["alice"] == withdrawal + second)
        #expect(limiter.claim(for: "alice") == 0)  // still limited
        // False alarm: governance overrides, alice claims everything.
        let overridden = limiter.override(at: h(6))
        #expect(overridden)
        #expect(limiter.claim(for: "alice") == withdrawal + second)
    }

    @Test func exactlyThirtyPercentDoesNotTrip() {
        let e18 = Self.e18
        var limiter = Self.make()
        var actions: [Action] = []
        limiter.inflow(1_000_000 * e18, at: h(1))
        #expect(limiter.outflow(300_000 * e18, to: "bob", at: h(5), actions: &actions) == .released)
        #expect(limiter.outflow(1, to: "bob", at: h(5), actions: &actions) == .held(tripped: true))
    }

    @Test func referenceBreachAndLimitExpired() {
        var limiter = Self.make()
        var actions: [Action] = []
        limiter.inflow(1_000_000 * Self.e18, at: h(1))
        _ = limiter.outflow(300_001 * Self.e18, to: "alice", at: h(5), actions: &actions)
        let early = limiter.overrideExpired(at: h(5 + 71))  // cooldown is 3 days
        #expect(!early)
        let expired = limiter.overrideExpired(at: h(96))  // vm.warp(4 days)
        #expect(expired)
        #expect(!limiter.isRateLimited)
    }

    @Test func referenceDepositsAndWithdrawalsInSameTick() {
        let e18 = Self.e18
        var limiter = Self.make()
        var actions: [Action] = []
        let day = 86_400.0 / 3600
        limiter.inflow(10 * e18, at: h(day))
        #expect(limiter.head % 300 == 0)
        limiter.inflow(10 * e18, at: h(day + 1.0 / 60))
        _ = limiter.outflow(1 * e18, to: "x", at: h(day + 1.0 / 60), actions: &actions)
        #expect(limiter.ticks.count == 1 && limiter.ticks[0].amount == 19 * e18)
        _ = limiter.outflow(1 * e18, to: "x", at: h(day + 6.0 / 60), actions: &actions)
        #expect(limiter.ticks.count == 2)
        #expect(limiter.ticks[1].start == 86_400 + 360 - 360 % 300)
        #expect(limiter.ticks[0].amount == 19 * e18 && limiter.ticks[1].amount == -1 * e18)
    }

    @Test func revertOnLimitLeavesStateUnchanged() {
        var limiter = Self.make()
        var actions: [Action] = []
        limiter.inflow(1_000_000 * Self.e18, at: h(1))
        let before = limiter
        #expect(
            limiter.outflow(400_000 * Self.e18, to: "a", revertOnLimit: true, at: h(5), actions: &actions) == .reverted)
        #expect(limiter == before && actions.isEmpty)
    }
}
