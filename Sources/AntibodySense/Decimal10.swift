/// Powers of ten for scaling integer answers, in `Double` and exact 128-bit integers.
@usableFromInline
enum Decimal10 {
    /// `10^n` as a `Double` for `0 ≤ n ≤ 38` (exactly rounded: the literal is parsed, not multiplied).
    @usableFromInline
    static let doubles: [Double] = (0...38).map { Double("1e\($0)")! }

    /// `10^n` as a `Double`.
    @inlinable
    static func power(_ n: Int) -> Double {
        n >= 0 && n < doubles.count ? doubles[n] : Double("1e\(n)") ?? .infinity
    }

    /// `10^n` as a `UInt128` for `0 ≤ n ≤ 38`, or `nil` beyond.
    @inlinable
    static func exact(_ n: Int) -> UInt128? {
        guard n >= 0, n <= 38 else { return nil }
        var value: UInt128 = 1
        for _ in 0..<n { value *= 10 }
        return value
    }

    /// `10^18`, the WAD scale.
    @usableFromInline
    static let wad: UInt128 = 1_000_000_000_000_000_000
}
