/// How unexpected a value's bin is after the bins of the values just before it: a variable-free
/// Markov model of the series' shape, with counts in fixed hashed tables.
///
/// **Maths.** A value is put in one of `bins` equal bins of the range seen so far. The context is the
/// previous `order` bins. Counts `n(context)` and `n(context → bin)` are kept in two tables of `2^bits`
/// counters indexed by a hash (collisions only merge rare contexts). The raw surprise is
/// `1 − n(context → bin)/n(context)` (1 for a context never seen), in `[0, 1]`; the counts are
/// updated after scoring. Counts are halved when a context reaches `maxCount`, so the model
/// follows a series whose shape changes.
///
/// **Complexity.** O(order) per value, no allocation after `init` (two tables of `2^bits` `UInt32`).
public struct SequenceSurprise: Sendable {
    /// Number of bins over the range.
    public let bins: Int
    /// Number of previous bins forming the context.
    public let order: Int
    /// Count at which a context's counts are halved.
    public let maxCount: UInt32
    @usableFromInline let mask: Int
    @usableFromInline var contextCounts: [UInt32]
    @usableFromInline var transitionCounts: [UInt32]
    @usableFromInline var history: UInt64 = 0
    @usableFromInline var seen = 0

    /// A model with `bins` bins, contexts of `order` bins and tables of `2^bits` counters.
    /// - Precondition: `2 ≤ bins ≤ 255`, `1 ≤ order ≤ 7`, `8 ≤ bits ≤ 24`.
    public init(bins: Int = 20, order: Int = 2, bits: Int = 16, maxCount: UInt32 = 1 << 20) {
        precondition(
            bins >= 2 && bins <= 255 && order >= 1 && order <= 7 && bits >= 8 && bits <= 24,
            "SequenceSurprise: parameters out of range")
        self.bins = bins
        self.order = order
        self.maxCount = maxCount
        mask = (1 << bits) - 1
        contextCounts = [UInt32](repeating: 0, count: 1 << bits)
        transitionCounts = [UInt32](repeating: 0, count: 1 << bits)
    }

    /// Feeds `value` given the current range `[low, high]`; returns the raw surprise in `[0, 1]`.
    @inlinable
    public mutating func update(_ value: Double, low: Double, high: Double) -> Double {
        var bin = 0
        if high > low {
            bin = Int(((value - low) / (high - low) * Double(bins)).rounded(.down))
            bin = max(0, min(bins - 1, bin))
        }
        var surprise = 0.0
        let contextMask: UInt64 = order >= 8 ? ~0 : (UInt64(1) << UInt64(8 * order)) - 1
        let context = history & contextMask
        if seen >= order {
            let c = Self.hash(context, 0xFF) & mask
            let t = Self.hash(context, UInt64(bin)) & mask
            let total = contextCounts[c]
            surprise = total == 0 ? 1 : 1 - min(1, Double(transitionCounts[t]) / Double(total))
            if total >= maxCount {
                contextCounts[c] = total / 2
                transitionCounts[t] /= 2
            }
            contextCounts[c] &+= 1
            transitionCounts[t] &+= 1
        }
        history = (history << 8) | UInt64(bin)
        seen &+= 1
        return surprise
    }

    @inlinable
    static func hash(_ context: UInt64, _ bin: UInt64) -> Int {
        var h = context &* 0x9E37_79B9_7F4A_7C15 ^ (bin &+ 0x632B_E59B_D9B4_E019) &* 0xBF58_476D_1CE4_E5B9
        h ^= h >> 31
        h = h &* 0x94D0_49BB_1331_11EB
        h ^= h >> 29
        return Int(truncatingIfNeeded: h)
    }
}
