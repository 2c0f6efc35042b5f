import AntibodyCore
import AntibodyDefense
import Testing

@Suite struct CircuitBreakerTests {
    static let config = CircuitBreaker.Configuration(
        name: "eth", scope: .market("WETH"), threshold: 0.9, tripAfter: 2, cooldown: .minutes(30), probe: .minutes(10))

    func t(_ minutes: Int64) -> Timestamp { Timestamp(seconds: minutes * 60) }

    @Test func fullCycleClosedOpenHalfOpenClosed() {
        var breaker = CircuitBreaker(Self.config)
        #expect(breaker.handle(score: 0.95, at: t(0)).action == nil)  // one anomaly: not yet
        let trip = breaker.handle(score: 0.99, at: t(1))
        #expect(trip.transition == .tripped)
        #expect(trip.action?.kind == .pause && trip.action?.scope == .market("WETH"))
        #expect(breaker.isPaused && breaker.trips == 1)
        // Anomaly while open restarts the cooldown.
        #expect(breaker.handle(score: 0.97, at: t(20)).action == nil)
        #expect(breaker.handle(score: 0.1, at: t(49)).transition == .none)  // 29 min after last anomaly
        #expect(breaker.handle(score: 0.1, at: t(50)).transition == .probing)
        #expect(breaker.state == .halfOpen(since: t(50)))
        #expect(breaker.isPaused)
        let close = breaker.handle(score: 0.1, at: t(60))
        #expect(close.transition == .closed && close.action?.kind == .unpause)
        #expect(!breaker.isPaused)
    }

    @Test func anomalyDuringProbeReopens() {
        var breaker = CircuitBreaker(Self.config)
        _ = breaker.handle(score: 1, at: t(0))
        _ = breaker.handle(score: 1, at: t(0))
        _ = breaker.tick(at: t(31))
        #expect(breaker.state == .halfOpen(since: t(30)))
        let step = breaker.handle(score: 0.95, at: t(35))
        #expect(step.transition == .reopened && step.action == nil)
        #expect(breaker.state == .open(since: t(35), lastAnomaly: t(35)))
        // Self-heals 30 + 10 minutes after the last anomaly, with a single tick long after.
        let heal = breaker.tick(at: t(200))
        #expect(heal.transition == .closed && heal.action?.kind == .unpause)
    }

    @Test func cleanStreakResetsAndNaNCountsAsAnomalous() {
        var breaker = CircuitBreaker(Self.config)
        _ = breaker.handle(score: 0.95, at: t(0))
        _ = breaker.handle(score: 0.2, at: t(1))
        #expect(breaker.handle(score: 0.95, at: t(2)).action == nil)
        #expect(breaker.handle(score: .nan, at: t(3)).transition == .tripped)
        #expect(breaker.reset(at: t(4)).action?.kind == .unpause)
        #expect(breaker.state == .closed(streak: 0))
    }
}

@Suite struct CircuitBreakerEdgeTests {
    /// Found by exhaustive exploration: after a long silence an anomalous signal arrives just as
    /// cooldown + probe have run out; the breaker must stay paused, not resume on a bad signal.
    @Test func anomalyArrivingWhenQuietPeriodEndsKeepsItPaused() {
        var breaker = CircuitBreaker(CircuitBreakerTests.config)
        _ = breaker.handle(score: 1, at: Timestamp(seconds: 0))
        _ = breaker.handle(score: 1, at: Timestamp(seconds: 0))
        let step = breaker.handle(score: 1, at: Timestamp(seconds: 41 * 60))
        #expect(step.transition == .reopened && step.action == nil && breaker.isPaused)
    }
}
