/// Small in-place sorts for the aggregator's scratch buffers: insertion sort, which for the ≤ 64
/// sources an aggregator holds (usually ≤ 16) beats any general sort and never allocates.
@usableFromInline
enum ScratchSort {
    /// Sorts `buffer[0..<count]` ascending. O(count²) worst case; no allocation.
    @inlinable
    static func sort(_ buffer: UnsafeMutableBufferPointer<Double>, count: Int) {
        var i = 1
        while i < count {
            let key = buffer[i]
            var j = i - 1
            while j >= 0 && buffer[j] > key {
                buffer[j + 1] = buffer[j]
                j -= 1
            }
            buffer[j + 1] = key
            i += 1
        }
    }

    /// Sorts `keys[0..<count]` ascending, applying the same permutation to `values`.
    @inlinable
    static func sort(
        _ keys: UnsafeMutableBufferPointer<Double>, carrying values: UnsafeMutableBufferPointer<Double>, count: Int
    ) {
        var i = 1
        while i < count {
            let key = keys[i]
            let value = values[i]
            var j = i - 1
            while j >= 0 && keys[j] > key {
                keys[j + 1] = keys[j]
                values[j + 1] = values[j]
                j -= 1
            }
            keys[j + 1] = key
            values[j + 1] = value
            i += 1
        }
    }

    /// The median of the sorted `buffer[0..<count]` (mean of the middle two for an even count).
    ///
    /// - Precondition: `count > 0`.
    @inlinable
    static func medianOfSorted(_ buffer: UnsafeMutableBufferPointer<Double>, count: Int) -> Double {
        let mid = count / 2
        return count % 2 == 1 ? buffer[mid] : (buffer[mid - 1] + buffer[mid]) / 2
    }
}
