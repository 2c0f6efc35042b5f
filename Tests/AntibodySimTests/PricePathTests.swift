import AntibodyCore
import AntibodySim
import Foundation
import Testing

/// Moments of simulated log-returns against their closed forms, for fixed seeds. Tolerances are
/// four standard errors (or a stated relative band where the sampling distribution is heavy-tailed).
@Suite struct PricePathTests {
    static func logReturns(_ path: inout some PricePath, seed: UInt64, count: Int) -> [Double] {
        var rng = Xoshiro256StarStar(seed: seed)
        var previous = path.price
        var out: [Double] = []
        out.reserveCapacity(count)
        for _ in 0..<count {
            let p = path.next(using: &rng)
            out.append(log(p / previous))
            previous = p
        }
        return out
    }

    static func moments(_ xs: [Double]) -> (mean: Double, variance: Double) {
        let mean = xs.reduce(0, +) / Double(xs.count)
        return (mean, xs.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(xs.count - 1))
    }

    @Test func gbmLogReturnMoments() throws {
        let dt = 1.0 / 365, mu = 0.05, sigma = 0.8, n = 200_000
        var path = try GBMPath(start: 2_000, drift: mu, volatility: sigma, step: dt)
        let (mean, variance) = Self.moments(Self.logReturns(&path, seed: 42, count: n))
        let sd = sigma * dt.squareRoot()
        #expect(abs(mean - (mu - sigma * sigma / 2) * dt) < 4 * sd / Double(n).squareRoot())
        #expect(abs(variance / (sd * sd) - 1) < 4 * (2 / Double(n)).squareRoot())
    }

    @Test func mertonLogReturnMoments() throws {
        let dt = 1.0 / 365, mu = 0.0, sigma = 0.5, lambda = 20.0, muJ = -0.05, sigmaJ = 0.08, n = 300_000
        var path = try MertonJumpPath(
            start: 100, drift: mu, volatility: sigma, jumpIntensity: lambda, jumpMean: muJ,
            jumpVolatility: sigmaJ, step: dt)
        let (mean, variance) = Self.moments(Self.logReturns(&path, seed: 5, count: n))
        let kappa = exp(muJ + sigmaJ * sigmaJ / 2) - 1
        let expectedMean = (mu - lambda * kappa - sigma * sigma / 2 + lambda * muJ) * dt
        let expectedVariance = (sigma * sigma + lambda * (muJ * muJ + sigmaJ * sigmaJ)) * dt
        #expect(abs(mean - expectedMean) < 4 * (expectedVariance / Double(n)).squareRoot())
        #expect(abs(variance / expectedVariance - 1) < 0.03)
    }

    @Test func garchUnconditionalVarianceAndClustering() throws {
        let omega = 1e-5, alpha = 0.1, beta = 0.8, n = 400_000
        var path = try GARCHPath(start: 1, omega: omega, alpha: alpha, beta: beta)
        let r = Self.logReturns(&path, seed: 9, count: n)
        let (mean, variance) = Self.moments(r)
        #expect(abs(mean) < 4 * (variance / Double(n)).squareRoot())
        #expect(abs(variance / (omega / (1 - alpha - beta)) - 1) < 0.05)
        // Lag-1 autocorrelation of squared returns: α(1 − αβ − β²) / (1 − 2αβ − β²).
        let sq = r.map { $0 * $0 }
        let (m2, v2) = Self.moments(sq)
        var cov = 0.0
        for i in 1..<n { cov += (sq[i] - m2) * (sq[i - 1] - m2) }
        let rho = cov / Double(n - 1) / v2
        let expectedRho = alpha * (1 - alpha * beta - beta * beta) / (1 - 2 * alpha * beta - beta * beta)
        #expect(abs(rho - expectedRho) < 0.05)
        // Returns themselves are uncorrelated.
        var cov1 = 0.0
        for i in 1..<n { cov1 += (r[i] - mean) * (r[i - 1] - mean) }
        #expect(abs(cov1 / Double(n - 1) / variance) < 4 / Double(n).squareRoot())
    }

    @Test func regimeOccupancyMatchesStationaryDistribution() throws {
        var path = try RegimeSwitchingPath(
            start: 1,
            regimes: [.init(drift: 0.1, volatility: 0.2), .init(drift: -0.5, volatility: 1.2)],
            transition: [[0.99, 0.01], [0.04, 0.96]], step: 1.0 / 365)
        let stationary = path.stationaryDistribution()
        #expect(abs(stationary[0] - 0.8) < 1e-9)
        var rng = Xoshiro256StarStar(seed: 2)
        var inCalm = 0
        let n = 200_000
        var calmReturns: [Double] = [], stressReturns: [Double] = []
        var previous = path.price
        for _ in 0..<n {
            let p = path.next(using: &rng)
            if path.regime == 0 {
                inCalm += 1; calmReturns.append(log(p / previous))
            } else {
                stressReturns.append(log(p / previous))
            }
            previous = p
        }
        #expect(abs(Double(inCalm) / Double(n) - 0.8) < 0.02)
        let calmSD = Self.moments(calmReturns).variance.squareRoot()
        let stressSD = Self.moments(stressReturns).variance.squareRoot()
        #expect(abs(calmSD / (0.2 / 365.0.squareRoot()) - 1) < 0.02)
        #expect(abs(stressSD / (1.2 / 365.0.squareRoot()) - 1) < 0.03)
    }

    @Test func invalidParametersAreRejected() {
        #expect(throws: SimError.self) { try GBMPath(start: 0, drift: 0, volatility: 0.1, step: 1) }
        #expect(throws: SimError.self) { try GBMPath(start: 1, drift: 0, volatility: -1, step: 1) }
        #expect(throws: SimError.self) { try GARCHPath(start: 1, omega: 1e-5, alpha: 0.5, beta: 0.5) }
        #expect(throws: SimError.self) {
            try RegimeSwitchingPath(
                start: 1, regimes: [.init(drift: 0, volatility: 0.1)], transition: [[0.5]], step: 1)
        }
    }

    @Test func sameSeedSamePath() throws {
        var a = try MertonJumpPath(
            start: 10, drift: 0.1, volatility: 0.3, jumpIntensity: 5, jumpMean: 0, jumpVolatility: 0.1, step: 0.01)
        var b = a
        var ra = Xoshiro256StarStar(seed: 99), rb = Xoshiro256StarStar(seed: 99)
        for _ in 0..<1_000 { #expect(a.next(using: &ra) == b.next(using: &rb)) }
    }
}
