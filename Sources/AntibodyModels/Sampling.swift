/// Draws over any `RandomNumberGenerator` (the caller passes a seeded one, e.g. the simulator's
/// xoshiro256**; the module never creates a generator of its own, so every run is replayable).
enum Sampling {
    /// Uniform in [0, 1) from the top 53 bits of one output.
    static func unit(_ rng: inout some RandomNumberGenerator) -> Double { Double(rng.next() >> 11) * 0x1.0p-53 }

    /// Standard normal by Box–Muller (two outputs, cosine branch only).
    static func gaussian(_ rng: inout some RandomNumberGenerator) -> Double {
        let u1 = Double((rng.next() >> 11) &+ 1) * 0x1.0p-53
        let u2 = unit(&rng)
        return (-2 * _log(u1)).squareRoot() * _cos(2 * Double.pi * u2)
    }

    /// Laplace with scale `b` by inversion.
    static func laplace(_ rng: inout some RandomNumberGenerator, scale b: Double) -> Double {
        let u = unit(&rng) - 0.5
        let magnitude = -b * _log(max(1 - 2 * abs(u), 0x1.0p-53))
        return u < 0 ? -magnitude : magnitude
    }

    /// A uniform index in 0..<bound.
    static func index(_ rng: inout some RandomNumberGenerator, below bound: Int) -> Int {
        Int(rng.next(upperBound: UInt64(bound)))
    }

    /// A Fisher–Yates shuffle of 0..<count.
    static func permutation(_ count: Int, _ rng: inout some RandomNumberGenerator) -> [Int] {
        var order = Array(0..<count)
        if count > 1 {
            for i in stride(from: count - 1, to: 0, by: -1) { order.swapAt(i, index(&rng, below: i + 1)) }
        }
        return order
    }
}
