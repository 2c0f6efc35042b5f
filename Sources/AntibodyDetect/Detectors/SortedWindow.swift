#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#elseif canImport(Musl)
    import Musl
#endif

/// The last `capacity` values of a stream, kept both in arrival order (a ring) and sorted, for exact
/// order statistics: median, any quantile, and the median absolute deviation.
///
/// **Complexity.** ``push(_:)`` finds positions by binary search (O(log w) comparisons) and shifts the
/// values between the leaving and the entering one (at most w moves of contiguous memory, one
/// `memmove`-like loop; w/3 on average). ``median`` is O(1); ``medianAbsoluteDeviation(around:)`` is
/// O(log w) (a selection over the two sorted runs of deviations left and right of the centre).
/// No allocation after `init`.
public struct SortedWindow: Sendable {
    /// The window's size `w`.
    public let capacity: Int
    @usableFromInline var ring: [Double]
    @usableFromInline var sorted: [Double]
    @usableFromInline var head = 0
    @usableFromInline var _count = 0

    /// An empty window of `capacity` values.
    /// - Precondition: `capacity ≥ 1`.
    public init(capacity: Int) {
        precondition(capacity >= 1, "SortedWindow: capacity must be at least 1")
        self.capacity = capacity
        ring = [Double](repeating: 0, count: capacity)
        sorted = [Double](repeating: 0, count: capacity)
    }

    /// The number of values held (at most ``capacity``).
    @inlinable public var count: Int { _count }
    /// Whether the window holds ``capacity`` values.
    @inlinable public var isFull: Bool { _count == capacity }

    /// Appends `value`, evicting the oldest value once the window is full.
    @inlinable
    public mutating func push(_ value: Double) {
        let n = _count
        sorted.withUnsafeMutableBufferPointer { a in
            if n < capacity {
                let j = Self.lowerBound(a, n, value)
                Self.shift(a, from: j, to: j + 1, count: n - j)
                a[j] = value
            } else {
                let old = ring[head]
                let i = Self.lowerBound(a, n, old)
                let j = Self.lowerBound(a, n, value)
                if j > i {
                    Self.shift(a, from: i + 1, to: i, count: j - 1 - i)
                    a[j - 1] = value
                } else {
                    Self.shift(a, from: j, to: j + 1, count: i - j)
                    a[j] = value
                }
            }
        }
        if n < capacity {
            ring[(head + n) % capacity] = value
            _count = n + 1
        } else {
            ring[head] = value
            head = head + 1 == capacity ? 0 : head + 1
        }
    }

    /// Moves `count` values from index `from` to index `to` (the ranges may overlap).
    @inlinable
    static func shift(_ a: UnsafeMutableBufferPointer<Double>, from: Int, to: Int, count: Int) {
        guard count > 0, let base = a.baseAddress else { return }
        memmove(base + to, base + from, count * MemoryLayout<Double>.stride)
    }

    @inlinable
    static func lowerBound(_ a: UnsafeMutableBufferPointer<Double>, _ n: Int, _ x: Double) -> Int {
        var lo = 0
        var hi = n
        while lo < hi {
            let mid = (lo + hi) >> 1
            if a[mid] < x { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// The `k`-th smallest value held (0-based). - Precondition: `0 ≤ k < count`.
    @inlinable
    public func value(rank k: Int) -> Double { sorted[k] }

    /// The median (the mean of the two middle values when the count is even); 0 when empty.
    @inlinable
    public var median: Double {
        let n = _count
        if n == 0 { return 0 }
        return n & 1 == 1 ? sorted[n >> 1] : 0.5 * (sorted[(n >> 1) - 1] + sorted[n >> 1])
    }

    /// The median of `|x − center|` over the values held, exactly, in O(log w); 0 when empty.
    @inlinable
    public func medianAbsoluteDeviation(around center: Double) -> Double {
        let n = _count
        if n == 0 { return 0 }
        return sorted.withUnsafeBufferPointer { a -> Double in
            // Deviations left of the centre, ascending: center − a[p−1−i]; right: a[p+j] − center.
            var lo = 0
            var hi = n
            while lo < hi {
                let mid = (lo + hi) >> 1
                if a[mid] < center { lo = mid + 1 } else { hi = mid }
            }
            let p = lo
            if n & 1 == 1 { return Self.kth(a, n, p, center, n >> 1) }
            return 0.5 * (Self.kth(a, n, p, center, (n >> 1) - 1) + Self.kth(a, n, p, center, n >> 1))
        }
    }

    /// The `k`-th smallest deviation (0-based) from the two sorted runs split at `p`.
    @inlinable
    static func kth(_ a: UnsafeBufferPointer<Double>, _ n: Int, _ p: Int, _ c: Double, _ k: Int) -> Double {
        let nL = p
        let nR = n - p
        var lo = max(0, k + 1 - nR)
        var hi = min(k + 1, nL)
        while lo < hi {
            let i = (lo + hi) >> 1
            let j = k + 1 - i
            if a[p + j - 1] - c > c - a[p - 1 - i] { lo = i + 1 } else { hi = i }
        }
        let i = lo
        let j = k + 1 - i
        let fromLeft = i > 0 ? c - a[p - i] : -Double.infinity
        let fromRight = j > 0 ? a[p + j - 1] - c : -Double.infinity
        return max(fromLeft, fromRight)
    }
}
