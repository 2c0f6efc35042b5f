import AntibodyCore
import AntibodySense
import Testing

@Suite struct OracleReplaySequencerTests {
    let t0: Int64 = 1_652_313_600

    @Test func sequencerOutageAndGraceShowInTheReplay() throws {
        let rounds = (0..<12).map { i in
            FeedRound(roundId: UInt128(i + 1), answer: 2_000_00000000, updatedAt: Timestamp(seconds: t0 + Int64(i) * 600))
        }
        let csv = """
            timestamp,answer,startedAt
            \(t0),0,\(t0 - 86_400)
            \(t0 + 900),1,\(t0 + 850)
            \(t0 + 1_500),0,\(t0 + 1_450)
            """
        let readings = try SequencerCSV.parse(csv)
        let changes = try OracleReplay().run(rounds: rounds, sources: [], sequencer: readings)
        #expect(changes.map(\.status) == [.ok, .untrusted, .degraded, .ok, .untrusted])
        #expect(changes[1].reasons.contains(.sequencerDown))
        #expect(changes[1].timestamp == Timestamp(seconds: t0 + 900))
        #expect(changes[2].reasons.contains(.sequencerGracePeriod))
        #expect(changes[2].price == 2_000)
        // Aave: allowed once now − startedAt > 3,600 s.
        #expect(changes[3].timestamp > Timestamp(seconds: t0 + 1_450 + 3_600))
        #expect(changes[3].reasons.isEmpty)
        #expect(changes[4].reasons.contains(.stale))
        #expect(throws: SenseError.self) { try SequencerCSV.parse("timestamp,answer,startedAt\n1,up,1") }
    }
}
