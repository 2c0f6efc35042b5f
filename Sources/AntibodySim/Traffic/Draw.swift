/// The draws ``TrafficArchetype`` needs, over the simulator's generator.
struct Draw {
    var rng: Xoshiro256StarStar

    mutating func uniform(_ low: Double, _ high: Double) -> Double { low + (high - low) * rng.nextUnit() }
    mutating func normal(_ mean: Double, _ sd: Double) -> Double { mean + sd * rng.nextGaussian() }
    mutating func logNormal(_ sigma: Double) -> Double { _exp(sigma * rng.nextGaussian() - sigma * sigma / 2) }
    mutating func chance(_ p: Double) -> Bool { rng.nextUnit() < p }
    mutating func poisson(_ lambda: Double) -> Double { Double(rng.nextPoisson(lambda)) }
}
