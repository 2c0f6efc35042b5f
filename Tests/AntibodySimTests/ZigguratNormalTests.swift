import AntibodySim
import Foundation
import Testing

@Suite struct ZigguratNormalTests {
    /// Mean, variance, kurtosis and tail masses against N(0, 1), plus a Kolmogorov–Smirnov distance.
    @Test func matchesTheStandardNormal() {
        var rng = Xoshiro256StarStar(seed: 12)
        let n = 400_000
        var xs = [Double](repeating: 0, count: n)
        for i in 0..<n { xs[i] = ZigguratNormal.sample(&rng) }
        let mean = xs.reduce(0, +) / Double(n)
        let m2 = xs.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(n)
        let m4 = xs.reduce(0) { $0 + pow($1 - mean, 4) } / Double(n)
        #expect(abs(mean) < 4 / Double(n).squareRoot())
        #expect(abs(m2 - 1) < 4 * (2 / Double(n)).squareRoot())
        #expect(abs(m4 / (m2 * m2) - 3) < 0.05)
        let beyond3 = Double(xs.filter { abs($0) > 3 }.count) / Double(n)
        let beyondR = Double(xs.filter { abs($0) > 3.6541528853610088 }.count) / Double(n)
        #expect(abs(beyond3 - 0.0026997960632601866) < 4 * (0.0027 / Double(n)).squareRoot())
        #expect(abs(beyondR - erfc(3.6541528853610088 / 2.0.squareRoot())) < 4 * (0.00026 / Double(n)).squareRoot())
        xs.sort()
        var d = 0.0
        for (i, x) in xs.enumerated() {
            let cdf = 0.5 * erfc(-x / 2.0.squareRoot())
            d = max(d, abs(cdf - Double(i) / Double(n)), abs(cdf - Double(i + 1) / Double(n)))
        }
        #expect(d < 1.95 / Double(n).squareRoot())  // KS critical value at 0.1 %
    }
}
