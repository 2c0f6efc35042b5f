import AntibodyCore
import AntibodyDefense
import AntibodyEngine
import Foundation
import Testing

@Suite struct EngineTests {
    static let policySource = """
        version = 1
        [protocol]
        name = "test"
        chain_id = 1
        kind = "bridge"
        assets = ["ETH"]
        bridges = ["portal"]

        [[feeds]]
        asset = "ETH"
        min_price = 10.0
        max_price = 100000.0
        max_staleness = "1h"

        [[detectors]]
        name = "eth-jump"
        stream = "ETH"
        kind = "price-jump"
        window = 2
        max_move = 0.1
        threshold = 1.0
        breaker = "eth"

        [[invariants]]
        name = "backed"
        expression = "bridge.minted <= bridge.locked"
        response = "pause"

        [[responses.breakers]]
        name = "eth"
        scope = "bridge:portal"
        threshold = 1.0
        cooldown = "10m"
        probe = "5m"

        [[responses.outflow_limits]]
        asset = "ETH"
        min_retained_bps = 7000
        limit_begin_threshold = 100

        [responses.pause_decision]
        expected_pause_hours = 1
        fees_per_hour_usd = 100
        user_cost_per_hour_usd = 900
        value_at_risk_usd = 1000000

        [governance]
        signers = ["0x1111111111111111111111111111111111111111"]
        pause_threshold = 1
        unpause_threshold = 1
        timelock = "30m"
        """

    static func minute(_ m: Int64) -> Timestamp { Timestamp(seconds: 1_700_000_000 + m * 60) }

    static func run(_ events: [Event]) throws -> Engine<RecordingPort, CollectingRecorder> {
        let policy = try Policy.load(source: policySource, file: "test.toml")
        var engine = Engine(policy: policy, port: RecordingPort(), recorder: CollectingRecorder())
        for event in events { engine.handle(event) }
        return engine
    }

    static func price(_ m: Int64, _ value: Double) -> Event {
        .observation(Observation(stream: "ETH", timestamp: minute(m), value: value))
    }

    @Test func jumpTripsBreakerWhichSelfHeals() throws {
        var events: [Event] = (0..<5).map { Self.price($0, 2_000) }
        events.append(Self.price(5, 2_400))  // +20 % within 2 samples
        events += (6..<40).map { Self.price($0, 2_400) }
        let engine = try Self.run(events)
        let actions = engine.port.actions
        #expect(actions.map(\.kindName) == ["pause", "unpause"])
        #expect(actions[0].scope == .bridge("portal") && actions[0].timestamp == Self.minute(5))
        // Last anomaly at minute 6 (2400 vs 2000 two samples back) → half-open at 16 → closed at 21.
        #expect(actions[1].timestamp == Self.minute(21))
        let trip = engine.recorder.decisions.first { $0.kind == .breakerTripped }
        #expect(trip?.evidence["expectedLossUSD"] != nil && trip?.evidence["pauseCostUSD"] == 1_000)
        #expect(engine.pauses.count == 1 && engine.pauses[0].end == Self.minute(21))
        #expect(engine.recorder.decisions.filter { $0.kind == .alarm }.count == 1)
    }

    @Test func invalidPricesAreRejectedWithReasons() throws {
        let engine = try Self.run([
            Self.price(10, 2_000), Self.price(11, .nan), Self.price(12, 5), Self.price(13, 200_000),
            Self.price(9, 2_000),
            .observation(Observation(stream: "DOGE", timestamp: Self.minute(14), value: 1)),
        ])
        let rejected = engine.recorder.decisions.filter { $0.kind == .inputRejected }.map(\.message)
        #expect(rejected.count == 5 && engine.eventsRejected == 5)
        #expect(rejected[0].contains("invalid-quote") && rejected[1].contains("at-min-answer"))
        #expect(rejected[2].contains("at-max-answer") && rejected[3].contains("invalid-timestamp"))
        #expect(rejected[4].contains("not an asset"))
        #expect(engine.port.actions.isEmpty)
        // One source: each refused price leaves the feed untrusted until the next good one (none here).
        let alerts = engine.recorder.decisions.filter { $0.kind == .senseAlert }
        #expect(alerts.count == 1 && alerts[0].timestamp == Self.minute(11))
    }

    @Test func invariantViolationPausesUntilItHoldsForTheTimelock() throws {
        let engine = try Self.run([
            .state(path: "bridge.locked", value: 100, timestamp: Self.minute(0)),
            .state(path: "bridge.minted", value: 100, timestamp: Self.minute(1)),
            .state(path: "bridge.minted", value: 150, timestamp: Self.minute(2)),  // unbacked mint
            .state(path: "bridge.minted", value: 160, timestamp: Self.minute(3)),
            .state(path: "bridge.minted", value: 100, timestamp: Self.minute(10)),  // burned back
            .state(path: "bridge.minted", value: 100, timestamp: Self.minute(39)),
            .state(path: "bridge.minted", value: 100, timestamp: Self.minute(40)),
            .state(path: "bridge.nothing", value: 1, timestamp: Self.minute(41)),
        ])
        #expect(engine.port.actions.map(\.kindName) == ["pause", "unpause"])
        #expect(engine.port.actions[0].timestamp == Self.minute(2) && engine.port.actions[0].scope == .bridge("portal"))
        #expect(engine.port.actions[1].timestamp == Self.minute(40))
        let violations = engine.recorder.decisions.filter { $0.kind == .invariantViolated }
        #expect(violations.count == 1 && violations[0].subject == "bridge:portal")
        #expect(engine.eventsRejected == 1)
    }

    @Test func outflowsTripTheLimiter() throws {
        let engine = try Self.run([
            .flow(asset: "ETH", amount: 1_000, account: "lp", timestamp: Self.minute(0)),
            .flow(asset: "ETH", amount: -200, account: "a", timestamp: Self.minute(300)),
            .flow(asset: "ETH", amount: -150, account: "attacker", timestamp: Self.minute(301)),
        ])
        #expect(engine.port.actions.map(\.kindName) == ["limit"])
        #expect(engine.limiters[0].isRateLimited && engine.limiters[0].held["attacker"] == 150)
        #expect(engine.recorder.decisions.last?.kind == .limiterChanged)
    }

    @Test func sameEventsSameDecisions() throws {
        var events: [Event] = []
        var x = 2_000.0
        for m in 0..<2_000 {
            x *= m % 97 == 0 ? 1.15 : (m % 13 == 0 ? 0.995 : 1.001)
            events.append(Self.price(Int64(m), x))
        }
        let a = try Self.run(events)
        let b = try Self.run(events)
        #expect(a.recorder.decisions == b.recorder.decisions)
        #expect(a.port.actions == b.port.actions)
        #expect(!a.port.actions.isEmpty)
    }
}

/// Where the shared market data lives, if present (`ANTIBODY_DATA` or `../shared/data` upwards).
let marketData: String? = {
    if let env = ProcessInfo.processInfo.environment["ANTIBODY_DATA"] { return env + "/markets" }
    var dir = repositoryRoot
    for _ in 0..<4 {
        let candidate = dir + "/../shared/data/markets"
        if FileManager.default.fileExists(atPath: candidate + "/README.md") { return candidate }
        dir += "/.."
    }
    return nil
}()

@Suite struct BacktestTests {
    @Test(.enabled(if: marketData != nil, "needs ../shared/data/markets"))
    func june2022CrashWithTheLendingPolicy() throws {
        let policy = try Policy.load(contentsOf: "\(repositoryRoot)/policies/aave-like-lending.toml")
        let btc = try PriceCSV.read(path: marketData! + "/june-2022-crash/BTC_USDT_1m.csv", asset: "WBTC")
        let usdc = try PriceCSV.read(path: marketData! + "/june-2022-crash/USDC_USDT_1m.csv", asset: "USDC")
        #expect(btc.prices.count == 12_960 && usdc.prices.count == 12_960)
        #expect(btc.timestamps[0] == Timestamp(seconds: 1_654_992_000))  // 2022-06-12T00:00:00Z
        var calls = 0
        let report = Backtest.run(policy: policy, series: [btc, usdc]) { _, _ in calls += 1 }
        #expect(calls >= 100)
        #expect(report.events == 25_920 && report.rejected == 0)
        // The crash trips the WBTC market breaker; USDC stays calm (no peg alarm on a steady stablecoin).
        #expect(report.breakerTrips >= 1)
        #expect(report.pauses.allSatisfy { $0.scope == "market:WBTC" && $0.hours > 0 && $0.hours < 24 })
        #expect(!report.alarms.contains { $0.asset == "USDC" })
        let hours = report.pauses.reduce(0) { $0 + $1.hours }
        #expect(abs(report.pauseCostUSD - hours * 10_000) < 1e-6)
        // Deterministic: a second run gives the same report.
        #expect(Backtest.run(policy: policy, series: [btc, usdc]) == report)
    }

    @Test func csvFormats() throws {
        let iso = Array(
            "timestamp,price,source\n2022-06-12T00:00:00Z,1.5,binance\n2022-06-12T02:00:00.250+02:00,2,x\n".utf8)
        let a = try PriceCSV.parse(iso, file: "a.csv", asset: "A")
        #expect(a.timestamps == [Timestamp(seconds: 1_654_992_000), Timestamp(milliseconds: 1_654_992_000_250)])
        #expect(a.prices == [1.5, 2] && a.sources == ["binance", "x"])
        let unix = Array("timestamp,price\n1654992000,10\n1654992060.5,11\n".utf8)
        let b = try PriceCSV.parse(unix, file: "b.csv", asset: "B")
        #expect(b.timestamps == [Timestamp(seconds: 1_654_992_000), Timestamp(milliseconds: 1_654_992_060_500)])
        // 1970-01-01 and a leap day, computed independently: 2024-02-29 = 19782 days after the epoch.
        #expect(PriceCSV.timestamp(ArraySlice("1970-01-01T00:00:00Z".utf8)) == Timestamp(seconds: 0))
        #expect(
            PriceCSV.timestamp(ArraySlice("2024-02-29T12:00:00Z".utf8)) == Timestamp(seconds: 19_782 * 86_400 + 43_200))
    }

    @Test(arguments: [
        ("", "file is empty"), ("time,value\n1,2\n", "no 'price'"), ("price\n1\n", "no 'timestamp'"),
        ("timestamp,price\nyesterday,1\n", "line 2"), ("timestamp,price\n1,-5\n", "not a positive number"),
        ("timestamp,price\n2,1\n1,1\n", "goes backwards"), ("timestamp,price\n", "no price rows"),
        ("timestamp,price\n2022-13-01T00:00:00Z,1\n", "neither ISO-8601"),
    ])
    func badCSVIsRejected(_ text: String, _ words: String) {
        do {
            _ = try PriceCSV.parse(Array(text.utf8), file: "bad.csv", asset: "X")
            Issue.record("accepted \(text)")
        } catch {
            #expect(error.description.contains(words) || "line \(error.line)".contains(words), "\(error)")
        }
    }
}

@Suite struct DetectIntegrationTests {
    /// A detector from AntibodyDetect named in the policy runs inside the engine on log returns.
    @Test(arguments: ["robust-z", "ewma-z", "ensemble"])
    func detectDetectorsPlugIntoTheEngine(_ kind: String) throws {
        let source = """
            version = 1
            [protocol]
            name = "t"
            chain_id = 1
            kind = "other"
            assets = ["ETH"]
            [[detectors]]
            name = "d"
            stream = "ETH"
            kind = "\(kind)"
            window = 64
            threshold = 0.9
            """
        let policy = try Policy.load(source: source, file: "t.toml")
        #expect(policy.detectors[0].input == .logReturn)
        var engine = Engine(policy: policy, port: RecordingPort(), recorder: CollectingRecorder())
        var rng = SplitMix(state: 3)
        var price = 2_000.0
        for minute in 0..<600 {
            price *= minute == 500 ? 1.3 : 1 + 0.0005 * (rng.unit() - 0.5)
            engine.handle(
                .observation(
                    Observation(
                        stream: "ETH", timestamp: Timestamp(seconds: Int64(minute) * 60),
                        value: price)))
        }
        let alarms = engine.recorder.decisions.filter { $0.kind == .alarm }
        #expect(alarms.contains { $0.timestamp == Timestamp(seconds: 500 * 60) }, "\(kind): \(alarms.map(\.timestamp))")
    }
}

struct SplitMix {
    var state: UInt64
    mutating func unit() -> Double {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Double((z ^ (z >> 31)) >> 11) / Double(1 << 53)
    }
}
