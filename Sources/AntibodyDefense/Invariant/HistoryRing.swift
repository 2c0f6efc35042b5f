/// A bounded, time-bucketed history of one field, answering "what was the value `d` ago?" for the
/// invariant language's `ago` and `pct_change`.
///
/// Samples are kept at a resolution of `lookback / 512` (at least 1 ms): a new sample opens a new
/// bucket, later samples in the same bucket overwrite it. Capacity is fixed at creation, so
/// recording never allocates; memory is O(512) per (field, lookback) pair.
public struct HistoryRing: Sendable {
    /// The handle of the recorded field.
    public let handle: FieldHandle
    /// The longest look-back this ring serves.
    public let lookback: Int64
    @usableFromInline let resolution: Int64
    @usableFromInline var times: [Int64]
    @usableFromInline var exact: [Int128]
    @usableFromInline var floats: [Double]
    @usableFromInline var bucketStart: Int64 = .min
    @usableFromInline var head = 0
    @usableFromInline var count = 0

    /// A ring for `handle` serving look-backs up to `lookback` milliseconds.
    public init(handle: FieldHandle, lookback: Int64) {
        self.handle = handle
        self.lookback = lookback
        resolution = max(1, lookback / 512)
        let capacity = Int(lookback / max(1, lookback / 512)) + 4
        times = Array(repeating: 0, count: capacity)
        exact = Array(repeating: 0, count: handle.isFloat ? 0 : capacity)
        floats = Array(repeating: 0, count: handle.isFloat ? capacity : 0)
    }

    @inlinable var capacity: Int { times.count }

    /// Records the field's current value in `store` at `time` (non-decreasing).
    @inlinable
    public mutating func record(from store: borrowing StateStore, at time: Int64) {
        let position: Int
        if count > 0, time - bucketStart < resolution {
            position = (head + count - 1) % capacity
        } else {
            bucketStart = time
            if count == capacity {
                head = (head + 1) % capacity
                count -= 1
            }
            position = (head + count) % capacity
            count += 1
        }
        times[position] = time
        if handle.isFloat { floats[position] = store.floats[handle.slot] } else { exact[position] = store.exact[handle.slot] }
    }

    /// Index of the latest sample at or before `time`, or of the oldest sample when none is that
    /// old (warm-up), or `nil` when empty.
    @inlinable
    func index(atOrBefore time: Int64) -> Int? {
        guard count > 0 else { return nil }
        var lo = 0
        var hi = count - 1
        if times[head] > time { return head }
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if times[(head + mid) % capacity] <= time { lo = mid } else { hi = mid - 1 }
        }
        return (head + lo) % capacity
    }

    /// The exact value `d` before `now` (see ``index(atOrBefore:)``), or `fallback` with no samples.
    @inlinable
    public func exactValue(ago d: Int64, now: Int64, fallback: Int128) -> Int128 {
        guard let i = index(atOrBefore: now - d) else { return fallback }
        return exact[i]
    }

    /// The float value `d` before `now`, or `fallback` with no samples.
    @inlinable
    public func floatValue(ago d: Int64, now: Int64, fallback: Double) -> Double {
        guard let i = index(atOrBefore: now - d) else { return fallback }
        return floats[i]
    }
}
