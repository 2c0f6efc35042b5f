import AntibodyCore
import AntibodySense
import Testing

@Suite struct OracleReplayTests {
    let t0: Int64 = 1_652_313_600

    @Test func feedThatStopsUpdatingTurnsStale() throws {
        let rounds = (0..<3).map { i in
            FeedRound(roundId: UInt128(i + 1), answer: 2_000_00000000, updatedAt: Timestamp(seconds: t0 + Int64(i) * 3_600))
        }
        let changes = try OracleReplay().run(rounds: rounds, sources: [])
        #expect(changes.count == 2)
        #expect(changes[0].status == .ok)
        #expect(changes[0].price == 2_000)
        #expect(changes[1].status == .untrusted)
        #expect(changes[1].reasons.contains(.stale))
        // Stale exactly 1 s after heartbeat + grace past the last round.
        #expect(changes[1].timestamp == Timestamp(seconds: t0 + 7_200 + 3_600 + 60 + 1))
    }

    @Test func nonMonotonicRoundsAreReportedNotSwallowed() throws {
        let rounds = [
            FeedRound(roundId: 5, answer: 100, updatedAt: Timestamp(seconds: t0)),
            FeedRound(roundId: 4, answer: 100, updatedAt: Timestamp(seconds: t0 + 10)),
            FeedRound(roundId: 6, answer: 100, updatedAt: Timestamp(seconds: t0 - 5)),
        ]
        let changes = try OracleReplay().run(rounds: rounds, sources: [])
        #expect(changes.prefix(3).map(\.status) == [.ok, .untrusted, .untrusted])
        #expect(changes[1].reasons.contains(.roundIdNotIncreasing))
        #expect(changes[2].reasons.contains(.invalidTimestamp))
    }

    @Test func lunaFloorNeverYieldsAUsablePrice() throws {
        // LUNA/USD in May 2022: the feed fell to its 0.10 floor (minAnswer) while markets traded near 0.01.
        let answers: [Int128] = [450_000_000, 110_000_000, 70_000_000, 40_000_000, 20_000_000, 10_000_000, 10_000_000]
        let market: [Double] = [4.5, 1.1, 0.7, 0.4, 0.2, 0.012, 0.010]
        let rounds = answers.enumerated().map { i, a in
            FeedRound(roundId: UInt128(i + 1), answer: a, updatedAt: Timestamp(seconds: t0 + Int64(i) * 600))
        }
        let quotes = [0, 1].map { jitter in
            market.enumerated().map { i, p in
                RecordedQuote(timestamp: Timestamp(seconds: t0 + Int64(i) * 600), price: p * (1 + Double(jitter) * 0.001))
            }
        }
        let replay = OracleReplay(
            feed: FeedConfig(decimals: 8, minAnswer: 10_000_000, maxJump: 0.9),
            aggregator: AggregatorConfig(maxQuoteAge: .seconds(900)))
        let changes = try replay.run(rounds: rounds, sources: quotes)
        let floorTime = Timestamp(seconds: t0 + 5 * 600)
        let atFloor = changes.filter { $0.timestamp >= floorTime }
        #expect(!atFloor.isEmpty)
        for verdict in atFloor {
            #expect(verdict.reasons.contains(.atMinAnswer))
            #expect(verdict.usablePrice.map { $0 < 0.02 } ?? true, "never the clamped 0.10")
        }
        #expect(changes.allSatisfy { ($0.price ?? 0) != 0.1 })
    }

    @Test func emptyReplayIsAnError() {
        #expect(throws: SenseError.self) { try OracleReplay().run(rounds: [], sources: []) }
    }
}
