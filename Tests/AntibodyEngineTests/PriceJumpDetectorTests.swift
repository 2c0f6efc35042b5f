import AntibodyCore
import AntibodyEngine
import Foundation
import Testing

@Suite struct PriceJumpDetectorTests {
    static let t = Timestamp(seconds: 0)

    @Test func scoresAJumpBeforeItsWindowHasFilled() {
        var d = PriceJumpDetector(lookback: 60, maxMove: 0.05)
        #expect(d.update(100, at: Self.t) == 0)  // nothing to compare with yet
        #expect(d.update(101, at: Self.t) < 0.25)
        // +10 % on the third sample: ln(1.1) / ln(1.05) > 1, so it scores 1 at once.
        #expect(d.update(110, at: Self.t) == 1)
    }

    @Test func comparesWithTheOldestSampleOfAFullWindow() {
        var d = PriceJumpDetector(lookback: 3, maxMove: 0.1)
        for x in [100.0, 100, 100] { _ = d.update(x, at: Self.t) }
        // Full: 105 is compared with the sample three back (100): ln(1.05) / ln(1.1).
        #expect(abs(d.update(105, at: Self.t) - log(1.05) / log(1.1)) < 1e-12)
        #expect(d.update(105, at: Self.t) == d.update(105, at: Self.t))
        // 100 has left the window: 105 against 105.
        #expect(d.update(105, at: Self.t) == 0)
    }
}
