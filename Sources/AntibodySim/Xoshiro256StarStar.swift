/// xoshiro256** 1.0 (Blackman and Vigna, "Scrambled linear pseudorandom number generators", 2018;
/// reference `xoshiro256starstar.c`): the simulator's only source of randomness.
///
/// 256 bits of state, period 2²⁵⁶ − 1, passes BigCrush and PractRand; each output is
/// `rotl(s1 · 5, 7) · 9`, then the state advances by the xor/shift/rotate linear engine. A seed
/// (`UInt64`) is expanded to the four state words by four successive ``SplitMix64`` outputs, as
/// the authors recommend, so nearby seeds give unrelated streams and the all-zero state cannot
/// occur. Published check: from state `(1, 2, 3, 4)` the first outputs are 11520, 0, 1509978240,
/// 1215971899390074240, … (the reference implementation's vector).
///
/// Value type: copying a generator forks an identical stream, which is how a replay starts. It is
/// never shared between tasks; Monte Carlo path `i` of a run seeded `s` uses
/// `Xoshiro256StarStar(seed: s &+ i)`, whose SplitMix64 expansion decorrelates the paths.
public struct Xoshiro256StarStar: RandomNumberGenerator, Sendable, Hashable {
    @usableFromInline var s0: UInt64
    @usableFromInline var s1: UInt64
    @usableFromInline var s2: UInt64
    @usableFromInline var s3: UInt64

    /// A generator seeded from `seed` through SplitMix64.
    @inlinable
    public init(seed: UInt64) {
        var mixer = SplitMix64(seed: seed)
        self.init(state: (mixer.next(), mixer.next(), mixer.next(), mixer.next()))
    }

    /// A generator with the exact state words `state` (for reference vectors and replay).
    ///
    /// - Precondition: not all four words are zero (the one state the engine cannot leave).
    @inlinable
    public init(state: (UInt64, UInt64, UInt64, UInt64)) {
        precondition(state != (0, 0, 0, 0), "xoshiro256** state must not be all zero")
        (s0, s1, s2, s3) = state
    }

    /// The four state words.
    @inlinable
    public var state: (UInt64, UInt64, UInt64, UInt64) { (s0, s1, s2, s3) }

    @inlinable
    static func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 &- k)) }

    /// The next 64-bit output. O(1), no allocation.
    @inlinable
    public mutating func next() -> UInt64 {
        let result = Self.rotl(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = Self.rotl(s3, 45)
        return result
    }

    /// A uniform `Double` in `[0, 1)` from the top 53 bits of one output.
    @inlinable
    public mutating func nextUnit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A uniform `Double` in `(0, 1]`, safe as the argument of a logarithm.
    @inlinable
    public mutating func nextOpenUnit() -> Double {
        Double((next() >> 11) &+ 1) * 0x1.0p-53
    }

    /// A standard normal variate by the Box–Muller transform (uses two outputs; the sine branch is
    /// discarded so that each call consumes a fixed amount of the stream, which keeps replays
    /// aligned when code paths differ).
    @inlinable
    public mutating func nextGaussian() -> Double {
        let u1 = nextOpenUnit()
        let u2 = nextUnit()
        return (-2 * _log(u1)).squareRoot() * _cos(2 * Double.pi * u2)
    }

    /// A uniform integer in `0..<bound` without modulo bias (Lemire's method).
    ///
    /// - Precondition: `bound > 0`.
    @inlinable
    public mutating func next(below bound: UInt64) -> UInt64 {
        precondition(bound > 0, "bound must be positive")
        var m = next().multipliedFullWidth(by: bound)
        if m.low < bound {
            let threshold = (0 &- bound) % bound
            while m.low < threshold { m = next().multipliedFullWidth(by: bound) }
        }
        return m.high
    }

    /// A Poisson variate with mean `lambda` (Knuth's multiplication method; intended for the small
    /// per-step jump intensities of jump-diffusion, `lambda ≲ 30`).
    @inlinable
    public mutating func nextPoisson(_ lambda: Double) -> Int {
        if lambda <= 0 { return 0 }
        let limit = _exp(-lambda)
        var k = 0
        var p = nextUnit()
        while p > limit {
            k += 1
            p *= nextUnit()
        }
        return k
    }
}
