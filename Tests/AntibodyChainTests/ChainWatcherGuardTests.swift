import AntibodyCore
import AntibodyEngine
import Testing

@testable import AntibodyChain

/// On-chain feed rounds through the watcher into the engine: the oracle guard checks the real round
/// (`answeredInRound`, `startedAt`, the round id), not a round made up from the price.
@Suite("ChainWatcher → engine feed guard")
struct ChainWatcherGuardTests {
    static let feed = ChainWatcherTests.feed
    static let policy = """
        version = 1
        [protocol]
        name = "t"
        chain_id = 1
        kind = "bridge"
        assets = ["ETH"]
        bridges = ["portal"]
        [[feeds]]
        asset = "ETH"
        max_staleness = "1h"
        """

    /// One block per round, 12 s apart; each round updated 2 s before its block.
    static func events(_ rounds: [FeedRound]) throws -> [Event] {
        var watcher = ChainWatcher(configuration: ChainWatcherTests.configuration())
        let blocks = rounds.enumerated().map { n, round in
            var block = ChainWatcherTests.block(UInt64(n))
            block.feedRounds[Self.feed] = round
            return block
        }
        guard case .events(let events) = try watcher.ingest(blocks) else {
            Issue.record("expected events")
            return []
        }
        return events
    }

    static func round(
        _ id: UInt128, _ answer: Int128, block: Int64, startedAt: Int64? = nil, answeredIn: UInt128? = nil
    ) -> FeedRound {
        let updated = Timestamp(seconds: 1_000 + 12 * block - 2)
        return FeedRound(
            roundId: id, answer: answer, startedAt: startedAt.map { Timestamp(seconds: $0) } ?? updated,
            updatedAt: updated, answeredInRound: answeredIn ?? id)
    }

    static func run(_ events: [Event]) throws -> Engine<RecordingPort, CollectingRecorder> {
        var engine = Engine(
            policy: try Policy.load(source: policy, file: "t.toml"), port: RecordingPort(),
            recorder: CollectingRecorder())
        for event in events { engine.handle(event) }
        return engine
    }

    static func price(_ engine: Engine<RecordingPort, CollectingRecorder>) -> Double? {
        engine.store.layout.handle(path: "asset.price[ETH]").map { engine.store.value($0) }
    }

    @Test("complete rounds with increasing ids pass")
    func normalRoundsPass() throws {
        let events = try Self.events([
            Self.round(1, 2_000_00000000, block: 0), Self.round(2, 2_010_00000000, block: 1),
        ])
        let engine = try Self.run(events)
        #expect(engine.recorder.decisions.filter { $0.kind == .inputRejected }.isEmpty)
        #expect(Self.price(engine) == 2_010)
    }

    @Test("answeredInRound < roundId: the carried-over answer is rejected as an incomplete round")
    func incompleteRoundIsRejected() throws {
        let events = try Self.events([
            Self.round(1, 2_000_00000000, block: 0),
            Self.round(2, 2_500_00000000, block: 1, answeredIn: 1),
        ])
        let engine = try Self.run(events)
        let rejected = engine.recorder.decisions.filter { $0.kind == .inputRejected }.map(\.message)
        #expect(rejected.count == 1)
        #expect(rejected.first?.contains("price 2500.0") == true)
        #expect(rejected.first?.contains("incomplete-round") == true, "\(rejected)")
        #expect(Self.price(engine) == 2_000)

        // Control: the same prices as plain observations (no round) get made-up complete rounds and pass.
        let plain = events.map { event -> Event in
            guard case .observation(var o) = event else { return event }
            o.round = nil
            return .observation(o)
        }
        let believing = try Self.run(plain)
        #expect(believing.recorder.decisions.filter { $0.kind == .inputRejected }.isEmpty)
        #expect(Self.price(believing) == 2_500)
    }

    @Test("a round that never started, or an older round id, is rejected; a later good round passes")
    func unstartedAndOlderRoundsAreRejected() throws {
        let events = try Self.events([
            Self.round(5, 2_000_00000000, block: 0),
            Self.round(6, 2_001_00000000, block: 1, startedAt: 0),
            Self.round(4, 2_002_00000000, block: 2),
            Self.round(7, 2_003_00000000, block: 3),
        ])
        let engine = try Self.run(events)
        let rejected = engine.recorder.decisions.filter { $0.kind == .inputRejected }.map(\.message)
        #expect(rejected.count == 2, "\(rejected)")
        #expect(rejected.first?.contains("invalid-timestamp") == true, "\(rejected)")
        #expect(rejected.last?.contains("round-id-not-increasing") == true, "\(rejected)")
        #expect(Self.price(engine) == 2_003)
    }
}
