import AntibodyCore
import Testing

@Suite struct TimestampTests {
    @Test func secondsRoundTowardNegativeInfinity() {
        #expect(Timestamp(milliseconds: 1_999).seconds == 1)
        #expect(Timestamp(milliseconds: -1).seconds == -1)
        #expect(Timestamp(milliseconds: -1_000).seconds == -1)
        #expect(Timestamp(milliseconds: -1_001).seconds == -2)
        #expect(Timestamp(seconds: 1_700_000_000).milliseconds == 1_700_000_000_000)
    }

    @Test func durationsAndOrdering() {
        let t = Timestamp(seconds: 100)
        let later = t.advanced(by: .hours(1))
        #expect(later.seconds == 3_700)
        #expect(t < later)
        #expect(t.duration(to: later) == .minutes(60))
        #expect(later.duration(to: t).seconds == -3_600)
    }

    @Test func validatedValuesRejectBadInput() {
        #expect(throws: CoreError.self) { try Price.validated(base: Asset(symbol: "ETH"), value: .nan) }
        #expect(throws: CoreError.self) { try Price.validated(base: Asset(symbol: "ETH"), value: 0) }
        #expect(throws: CoreError.self) { try Asset.validated(symbol: "", decimals: 18) }
        #expect(throws: CoreError.self) { try Asset.validated(symbol: "USDC", decimals: 37) }
        #expect((try? Asset.validated(symbol: "USDC", decimals: 6))?.decimals == 6)
    }
}
