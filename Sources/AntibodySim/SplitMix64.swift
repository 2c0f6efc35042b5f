/// SplitMix64 (Steele, Lea and Flood, 2014; reference `splitmix64.c` by Sebastiano Vigna): a 64-bit
/// generator used here only to expand one `UInt64` seed into the 256-bit state of
/// ``Xoshiro256StarStar``, as its authors recommend.
///
/// Each call adds the golden-ratio increment `0x9E3779B97F4A7C15` to the state and returns the
/// state passed through a bijective mixer. Published check: from state `1234567` the first
/// outputs are 6457827717110365317, 3203168211198807973, 9817491932198370423, …
public struct SplitMix64: RandomNumberGenerator, Sendable, Hashable {
    /// The current state (the sum of the seed and every increment so far).
    public var state: UInt64

    /// A generator whose state starts at `seed`.
    @inlinable
    public init(seed: UInt64) { self.state = seed }

    /// The next 64-bit output. O(1), no allocation.
    @inlinable
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
