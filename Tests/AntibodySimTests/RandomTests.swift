import AntibodySim
import Testing

@Suite struct RandomTests {
    /// Published vector of the reference implementation (`splitmix64.c`), seed 1234567.
    @Test func splitMix64MatchesPublishedVector() {
        var g = SplitMix64(seed: 1_234_567)
        let expected: [UInt64] = [
            6_457_827_717_110_365_317, 3_203_168_211_198_807_973, 9_817_491_932_198_370_423,
            4_593_380_528_125_082_431, 16_408_922_859_458_223_821,
        ]
        #expect((0..<5).map { _ in g.next() } == expected)
        var zero = SplitMix64(seed: 0)
        #expect(zero.next() == 0xE220_A839_7B1D_CDAF)
    }

    /// Published vector of the reference `xoshiro256starstar.c` from state (1, 2, 3, 4), as used by
    /// the reference test of Rust's rand_xoshiro.
    @Test func xoshiroMatchesPublishedVector() {
        var g = Xoshiro256StarStar(state: (1, 2, 3, 4))
        let expected: [UInt64] = [
            11520, 0, 1_509_978_240, 1_215_971_899_390_074_240, 1_216_172_134_540_287_360,
            607_988_272_756_665_600, 16_172_922_978_634_559_625, 8_476_171_486_693_032_832,
            10_595_114_339_597_558_777, 2_904_607_092_377_533_576,
        ]
        #expect((0..<10).map { _ in g.next() } == expected)
    }

    @Test func seedingIsSplitMixExpansionAndDeterministic() {
        var mixer = SplitMix64(seed: 42)
        let state = (mixer.next(), mixer.next(), mixer.next(), mixer.next())
        var a = Xoshiro256StarStar(seed: 42)
        var b = Xoshiro256StarStar(state: state)
        var c = Xoshiro256StarStar(seed: 43)
        let xs = (0..<100).map { _ in a.next() }
        #expect(xs == (0..<100).map { _ in b.next() })
        #expect(xs != (0..<100).map { _ in c.next() })
    }

    @Test func uniformAndNormalMoments() {
        var g = Xoshiro256StarStar(seed: 7)
        let n = 200_000
        var sum = 0.0, sumSq = 0.0, uSum = 0.0
        for _ in 0..<n {
            let z = g.nextGaussian()
            sum += z
            sumSq += z * z
            uSum += g.nextUnit()
        }
        let mean = sum / Double(n)
        let variance = sumSq / Double(n) - mean * mean
        #expect(abs(mean) < 4 / Double(n).squareRoot())
        #expect(abs(variance - 1) < 4 * (2 / Double(n)).squareRoot())
        #expect(abs(uSum / Double(n) - 0.5) < 4 * (1.0 / 12 / Double(n)).squareRoot())
    }

    @Test func boundedIntegersAreUnbiasedAndInRange() {
        var g = Xoshiro256StarStar(seed: 1)
        var counts = [Int](repeating: 0, count: 6)
        for _ in 0..<60_000 { counts[Int(g.next(below: 6))] += 1 }
        // Chi-square with 5 degrees of freedom; 20.5 is the 0.999 quantile.
        let chi2 = counts.reduce(0.0) { $0 + pow2(Double($1) - 10_000) / 10_000 }
        #expect(chi2 < 20.5)
    }

    @Test func poissonMeanAndVariance() {
        var g = Xoshiro256StarStar(seed: 3)
        let n = 100_000, lambda = 2.5
        let xs = (0..<n).map { _ in Double(g.nextPoisson(lambda)) }
        let mean = xs.reduce(0, +) / Double(n)
        let variance = xs.reduce(0) { $0 + pow2($1 - mean) } / Double(n - 1)
        #expect(abs(mean - lambda) < 4 * (lambda / Double(n)).squareRoot())
        #expect(abs(variance - lambda) / lambda < 0.03)
    }
}

func pow2(_ x: Double) -> Double { x * x }
