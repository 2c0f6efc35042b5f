import AntibodyCore
import AntibodyDefense
import Testing

@Suite struct LiquidationPauseTests {
    @Test func pauseResumeWithGracePeriod() {
        var pause = LiquidationPause(scope: .market("WETH"), grace: .hours(1), minimumPause: .minutes(30))
        let t0 = Timestamp(seconds: 1_000)
        #expect(pause.liquidationsAllowed(at: t0))
        #expect(pause.pause(at: t0, reason: "oracle stale")?.kind == .pauseLiquidations)
        #expect(pause.pause(at: t0, reason: "again") == nil)
        #expect(!pause.liquidationsAllowed(at: t0.advanced(by: .minutes(5))))
        #expect(pause.resume(at: t0.advanced(by: .minutes(40)), conditionMet: false, reason: "x") == nil)
        #expect(pause.resume(at: t0.advanced(by: .minutes(10)), conditionMet: true, reason: "x") == nil)
        let resumed = t0.advanced(by: .minutes(40))
        #expect(
            pause.resume(at: resumed, conditionMet: true, reason: "oracle fresh")?.kind
                == .unpauseLiquidations(grace: .hours(1)))
        #expect(!pause.liquidationsAllowed(at: resumed.advanced(by: .minutes(59))))
        #expect(pause.liquidationsAllowed(at: resumed.advanced(by: .minutes(60))))
        pause.tick(at: resumed.advanced(by: .hours(2)))
        #expect(pause.state == .active && pause.pausedMilliseconds == 40 * 60_000)
    }
}
