import AntibodyCore
import AntibodySim
import Testing

@Suite struct EventQueueTests {
    @Test func eventsComeOutInTimeOrderAndFIFOOnTies() throws {
        var q = EventQueue<String>(start: Timestamp(seconds: 0))
        try q.schedule("c", at: Timestamp(seconds: 30))
        try q.schedule("a1", at: Timestamp(seconds: 10))
        try q.schedule("b", at: Timestamp(seconds: 20))
        try q.schedule("a2", at: Timestamp(seconds: 10))
        try q.schedule("a3", at: Timestamp(seconds: 10))
        var out: [String] = []
        while let e = q.popNext() {
            out.append(e.payload)
            if e.payload == "b" { try q.schedule("b-followup", at: e.time) }
        }
        #expect(out == ["a1", "a2", "a3", "b", "b-followup", "c"])
        #expect(q.now == Timestamp(seconds: 30))
    }

    @Test func schedulingInThePastIsRejected() throws {
        var q = EventQueue<Int>(start: Timestamp(seconds: 100))
        #expect(throws: SimError.self) { try q.schedule(1, at: Timestamp(seconds: 99)) }
    }

    @Test func randomScheduleMatchesStableSort() throws {
        var g = Xoshiro256StarStar(seed: 11)
        var q = EventQueue<Int>()
        var reference: [(Int64, Int)] = []
        for i in 0..<5_000 {
            let t = Int64(g.next(below: 500))
            try q.schedule(i, at: Timestamp(seconds: t))
            reference.append((t, i))
        }
        reference.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        var out: [Int] = []
        while let e = q.popNext() { out.append(e.payload) }
        #expect(out == reference.map(\.1))
    }

    @Test func clockAdvancesBlocksAndSeconds() {
        var clock = SimClock(block: 100, seconds: 1_000, blockTime: 12)
        clock.advanceBlock()
        clock.advance(blocks: 9)
        #expect(clock.block == 110)
        #expect(clock.seconds == 1_120)
        #expect(clock.timestamp == Timestamp(seconds: 1_120))
    }
}
