import AntibodyCore
import AntibodySense
import Testing

/// Drives the Liquity v1 fallback machine through every branch of `fetchPrice()`, and checks the
/// boundary vectors of Liquity's own test suite (liquity/dev packages/contracts/test/PriceFeedTest.js).
@Suite struct LiquityPriceFeedTests {
    static let now = Timestamp(seconds: 1_700_000_000)
    static let lastGood: UInt128 = 2_000 * 1_000_000_000_000_000_000

    enum CL: String, Sendable { case broken, frozen, jump, live }
    enum TL: String, Sendable { case broken, frozen, similar, differs }

    struct Transition: Sendable, CustomTestStringConvertible {
        var from: LiquityStatus
        var chainlink: CL
        var tellor: TL
        var to: LiquityStatus
        var source: LiquityFetchResult.Source
        var testDescription: String { "\(from) CL \(chainlink.rawValue) T \(tellor.rawValue) → \(to) (\(source))" }
    }

    static func responses(_ cl: CL, _ tl: TL) -> (ChainlinkResponse, ChainlinkResponse, TellorResponse, UInt128, UInt128) {
        let fresh = now.advanced(by: .seconds(-60))
        let frozen = now.advanced(by: .seconds(-14_401))
        let previous = ChainlinkResponse(roundId: 9, answer: 2_000_00000000, timestamp: fresh.advanced(by: .seconds(-60)))
        var current = ChainlinkResponse(roundId: 10, answer: 2_000_00000000, timestamp: fresh)
        switch cl {
        case .broken: current.answer = 0
        case .frozen: current.timestamp = frozen
        case .jump: current.answer = 900_00000000
        case .live: break
        }
        let clPrice: UInt128 = cl == .jump ? 900_000_000_000_000_000_000 : 2_000_000_000_000_000_000_000
        let similarValue: UInt128 = cl == .jump ? 900_000000 : 2_000_000000
        var tellor = TellorResponse(value: similarValue, timestamp: fresh)
        switch tl {
        case .broken: tellor.value = 0
        case .frozen: tellor.timestamp = frozen
        case .similar: break
        case .differs: tellor.value = similarValue * 12 / 10
        }
        return (current, previous, tellor, clPrice, tellor.value * 1_000_000_000_000)
    }

    static let transitions: [Transition] = [
        // CASE 1: chainlinkWorking
        .init(from: .chainlinkWorking, chainlink: .broken, tellor: .broken, to: .bothOraclesUntrusted, source: .lastGoodPrice),
        .init(from: .chainlinkWorking, chainlink: .broken, tellor: .frozen, to: .usingTellorChainlinkUntrusted, source: .lastGoodPrice),
        .init(from: .chainlinkWorking, chainlink: .broken, tellor: .similar, to: .usingTellorChainlinkUntrusted, source: .tellor),
        .init(from: .chainlinkWorking, chainlink: .frozen, tellor: .broken, to: .usingChainlinkTellorUntrusted, source: .lastGoodPrice),
        .init(from: .chainlinkWorking, chainlink: .frozen, tellor: .frozen, to: .usingTellorChainlinkFrozen, source: .lastGoodPrice),
        .init(from: .chainlinkWorking, chainlink: .frozen, tellor: .similar, to: .usingTellorChainlinkFrozen, source: .tellor),
        .init(from: .chainlinkWorking, chainlink: .jump, tellor: .broken, to: .bothOraclesUntrusted, source: .lastGoodPrice),
        .init(from: .chainlinkWorking, chainlink: .jump, tellor: .frozen, to: .usingTellorChainlinkUntrusted, source: .lastGoodPrice),
        .init(from: .chainlinkWorking, chainlink: .jump, tellor: .similar, to: .chainlinkWorking, source: .chainlink),
        .init(from: .chainlinkWorking, chainlink: .jump, tellor: .differs, to: .usingTellorChainlinkUntrusted, source: .tellor),
        .init(from: .chainlinkWorking, chainlink: .live, tellor: .broken, to: .usingChainlinkTellorUntrusted, source: .chainlink),
        .init(from: .chainlinkWorking, chainlink: .live, tellor: .differs, to: .chainlinkWorking, source: .chainlink),
        // CASE 2: usingTellorChainlinkUntrusted
        .init(from: .usingTellorChainlinkUntrusted, chainlink: .live, tellor: .similar, to: .chainlinkWorking, source: .chainlink),
        .init(from: .usingTellorChainlinkUntrusted, chainlink: .live, tellor: .broken, to: .bothOraclesUntrusted, source: .lastGoodPrice),
        .init(from: .usingTellorChainlinkUntrusted, chainlink: .live, tellor: .frozen, to: .usingTellorChainlinkUntrusted, source: .lastGoodPrice),
        .init(from: .usingTellorChainlinkUntrusted, chainlink: .broken, tellor: .similar, to: .usingTellorChainlinkUntrusted, source: .tellor),
        .init(from: .usingTellorChainlinkUntrusted, chainlink: .live, tellor: .differs, to: .usingTellorChainlinkUntrusted, source: .tellor),
        // CASE 3: bothOraclesUntrusted
        .init(from: .bothOraclesUntrusted, chainlink: .live, tellor: .similar, to: .chainlinkWorking, source: .chainlink),
        .init(from: .bothOraclesUntrusted, chainlink: .live, tellor: .differs, to: .bothOraclesUntrusted, source: .lastGoodPrice),
        .init(from: .bothOraclesUntrusted, chainlink: .frozen, tellor: .similar, to: .bothOraclesUntrusted, source: .lastGoodPrice),
        // CASE 4: usingTellorChainlinkFrozen
        .init(from: .usingTellorChainlinkFrozen, chainlink: .broken, tellor: .broken, to: .bothOraclesUntrusted, source: .lastGoodPrice),
        .init(from: .usingTellorChainlinkFrozen, chainlink: .broken, tellor: .frozen, to: .usingTellorChainlinkUntrusted, source: .lastGoodPrice),
        .init(from: .usingTellorChainlinkFrozen, chainlink: .broken, tellor: .similar, to: .usingTellorChainlinkUntrusted, source: .tellor),
        .init(from: .usingTellorChainlinkFrozen, chainlink: .frozen, tellor: .broken, to: .usingChainlinkTellorUntrusted, source: .lastGoodPrice),
        .init(from: .usingTellorChainlinkFrozen, chainlink: .frozen, tellor: .frozen, to: .usingTellorChainlinkFrozen, source: .lastGoodPrice),
        .init(from: .usingTellorChainlinkFrozen, chainlink: .frozen, tellor: .similar, to: .usingTellorChainlinkFrozen, source: .tellor),
        .init(from: .usingTellorChainlinkFrozen, chainlink: .live, tellor: .broken, to: .usingChainlinkTellorUntrusted, source: .chainlink),
        .init(from: .usingTellorChainlinkFrozen, chainlink: .live, tellor: .frozen, to: .usingTellorChainlinkFrozen, source: .lastGoodPrice),
        .init(from: .usingTellorChainlinkFrozen, chainlink: .live, tellor: .similar, to: .chainlinkWorking, source: .chainlink),
        .init(from: .usingTellorChainlinkFrozen, chainlink: .live, tellor: .differs, to: .usingTellorChainlinkUntrusted, source: .tellor),
        // CASE 5: usingChainlinkTellorUntrusted
        .init(from: .usingChainlinkTellorUntrusted, chainlink: .broken, tellor: .similar, to: .bothOraclesUntrusted, source: .lastGoodPrice),
        .init(from: .usingChainlinkTellorUntrusted, chainlink: .frozen, tellor: .similar, to: .usingChainlinkTellorUntrusted, source: .lastGoodPrice),
        .init(from: .usingChainlinkTellorUntrusted, chainlink: .live, tellor: .similar, to: .chainlinkWorking, source: .chainlink),
        .init(from: .usingChainlinkTellorUntrusted, chainlink: .jump, tellor: .differs, to: .bothOraclesUntrusted, source: .lastGoodPrice),
        .init(from: .usingChainlinkTellorUntrusted, chainlink: .live, tellor: .broken, to: .usingChainlinkTellorUntrusted, source: .chainlink),
    ]

    @Test(arguments: transitions)
    func transition(_ t: Transition) throws {
        var feed = try LiquityPriceFeed(status: t.from, lastGoodPrice: Self.lastGood)
        let (cl, prev, tellor, clPrice, tellorPrice) = Self.responses(t.chainlink, t.tellor)
        let result = feed.fetchPrice(chainlink: cl, previousChainlink: prev, tellor: tellor, now: Self.now)
        #expect(feed.status == t.to)
        #expect(result.status == t.to)
        #expect(result.statusChange == (t.from == t.to ? nil : t.to))
        #expect(result.source == t.source)
        switch t.source {
        case .chainlink:
            #expect(result.price == clPrice)
            #expect(result.storedPrice == clPrice)
        case .tellor:
            #expect(result.price == tellorPrice)
            #expect(result.storedPrice == tellorPrice)
        case .lastGoodPrice:
            #expect(result.price == Self.lastGood)
            #expect(result.storedPrice == nil)
        }
        #expect(feed.lastGoodPrice == result.price)
        let verdict = result.verdict(at: Self.now)
        #expect((verdict.status == .untrusted) == (t.source == .lastGoodPrice))
    }

    @Test func everyStatusHasTransitionsTested() {
        for status in LiquityStatus.allCases {
            #expect(Self.transitions.contains { $0.from == status })
            #expect(Self.transitions.contains { $0.to == status })
        }
    }

    // Golden vectors: Liquity's PriceFeedTest.js, "C1 chainlinkWorking: Chainlink price drop of …".
    func fetchC1(prev: Int128, current: Int128, tellor: UInt128) throws -> LiquityFetchResult {
        var feed = try LiquityPriceFeed(status: .chainlinkWorking, lastGoodPrice: 2_000_000_000_000_000_000)
        let t = Self.now.advanced(by: .seconds(-10))
        return feed.fetchPrice(
            chainlink: ChainlinkResponse(roundId: 2, answer: current, timestamp: t),
            previousChainlink: ChainlinkResponse(roundId: 1, answer: prev, timestamp: t),
            tellor: TellorResponse(value: tellor, timestamp: t), now: Self.now)
    }

    @Test func liquityBoundaryVectors() throws {
        // Drop of > 50 % (2 → 0.99999999) with Tellor at 2.03: switch to Tellor, return 2.03e18.
        let drop = try fetchC1(prev: 2_00000000, current: 99_999_999, tellor: 2_030_000)
        #expect(drop.status == .usingTellorChainlinkUntrusted)
        #expect(drop.price == 2_030_000_000_000_000_000)
        // Drop of exactly 50 %: remain chainlinkWorking, return 1e18.
        let half = try fetchC1(prev: 2_00000000, current: 1_00000000, tellor: 2_030_000)
        #expect(half.status == .chainlinkWorking)
        #expect(half.price == 1_000_000_000_000_000_000)
        // Drop to 1.00000001: remain, return 100000001e10.
        #expect(try fetchC1(prev: 2_00000000, current: 100_000_001, tellor: 2_030_000).price == 1_000_000_010_000_000_000)
        // Increase to 4.00000001 (> 100 %): Tellor; to 4: Chainlink; to 3.99999999: Chainlink.
        #expect(try fetchC1(prev: 2_00000000, current: 400_000_001, tellor: 2_030_000).price == 2_030_000_000_000_000_000)
        #expect(try fetchC1(prev: 2_00000000, current: 4_00000000, tellor: 2_030_000).price == 4_000_000_000_000_000_000)
        #expect(try fetchC1(prev: 2_00000000, current: 399_999_999, tellor: 2_030_000).price == 3_999_999_990_000_000_000)
        // Drop > 50 % and Tellor at the same value (0.999999 at 6 digits): remain on Chainlink.
        let matching = try fetchC1(prev: 2_00000000, current: 99_999_999, tellor: 999_999)
        #expect(matching.status == .chainlinkWorking)
        #expect(matching.price == 999_999_990_000_000_000)
        // 1000 → 100 with Tellor 104.999999: within 5 %, stay on Chainlink at 100e18.
        let within = try fetchC1(prev: 1_000_00000000, current: 100_00000000, tellor: 104_999_999)
        #expect(within.status == .chainlinkWorking)
        #expect(within.price == 100_000_000_000_000_000_000)
        // … with Tellor 105.000001: beyond 5 %, switch to Tellor.
        let beyond = try fetchC1(prev: 1_000_00000000, current: 100_00000000, tellor: 105_000_001)
        #expect(beyond.status == .usingTellorChainlinkUntrusted)
        #expect(beyond.price == 105_000_001_000_000_000_000)
    }

    @Test func setupRequiresWorkingCurrentChainlink() throws {
        let t = Self.now.advanced(by: .seconds(-10))
        let good = ChainlinkResponse(roundId: 2, answer: 1_500_00000000, timestamp: t)
        let feed = try LiquityPriceFeed(chainlink: good, previousChainlink: good, now: Self.now)
        #expect(feed.status == .chainlinkWorking)
        #expect(feed.lastGoodPrice == 1_500_000_000_000_000_000_000)
        #expect(throws: SenseError.self) {
            try LiquityPriceFeed(chainlink: .failed, previousChainlink: good, now: Self.now)
        }
        let old = ChainlinkResponse(roundId: 2, answer: 1, timestamp: Self.now.advanced(by: .seconds(-14_401)))
        #expect(throws: SenseError.self) { try LiquityPriceFeed(chainlink: old, previousChainlink: old, now: Self.now) }
        let future = ChainlinkResponse(roundId: 2, answer: 1, timestamp: Self.now.advanced(by: .seconds(1)))
        #expect(throws: SenseError.self) { try LiquityPriceFeed(chainlink: future, previousChainlink: good, now: Self.now) }
    }

    @Test func decimalsAboveEighteenFloorDivideAndHugeAnswersAreBroken() throws {
        var feed = try LiquityPriceFeed(status: .chainlinkWorking, lastGoodPrice: 1)
        let t = Self.now.advanced(by: .seconds(-10))
        let wide = ChainlinkResponse(roundId: 2, answer: 1_234_567_890_123_456_789_999, timestamp: t, decimals: 21)
        let r = feed.fetchPrice(chainlink: wide, previousChainlink: wide, tellor: .failed, now: Self.now)
        #expect(r.price == 1_234_567_890_123_456_789)
        var other = try LiquityPriceFeed(status: .chainlinkWorking, lastGoodPrice: 1)
        let huge = ChainlinkResponse(roundId: 2, answer: Int128.max, timestamp: t, decimals: 0)
        let h = other.fetchPrice(chainlink: huge, previousChainlink: huge, tellor: .failed, now: Self.now)
        #expect(h.source == .lastGoodPrice)
        #expect(h.status == .bothOraclesUntrusted)
    }
}
