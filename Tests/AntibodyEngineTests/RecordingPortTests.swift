import AntibodyCore
import Testing

@Suite struct RecordingPortTests {
    @Test func recordsActionsInOrder() {
        var port = RecordingPort()
        let t = Timestamp(seconds: 10)
        #expect(port.execute(Action(.pause, scope: .market("WETH"), at: t, reason: "test")) == .applied)
        #expect(
            port.execute(
                Action(
                    .setParameter(name: "ltv", value: 0.7), scope: .market("WETH"), at: t,
                    reason: "haircut")) == .applied)
        #expect(port.actions.map(\.kindName) == ["pause", "setParameter"])
        #expect(port.actions[0].scope.description == "market:WETH")
        #expect(Severity.critical > Severity.high && Severity.info < Severity.warning)
    }
}
