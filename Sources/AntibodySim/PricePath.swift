/// A stochastic (or recorded) price process sampled at a fixed step.
///
/// Value types driven by an explicit generator, so a path is a pure function of its parameters
/// and seed. `next` is O(1) and does not allocate (except ``ReplayPath``, which only reads).
public protocol PricePath: Sendable {
    /// The current price (strictly positive and finite).
    var price: Double { get }
    /// Advances one step and returns the new price.
    mutating func next(using rng: inout Xoshiro256StarStar) -> Double
}
