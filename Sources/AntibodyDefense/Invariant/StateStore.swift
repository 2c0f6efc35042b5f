public import AntibodyCore

/// The protocol state invariants read: the current values, the previous committed values (for
/// `@prev`) and bounded histories (for `ago` and `pct_change`).
///
/// A value type. Guarded execution copies it, applies a transition to the copy and keeps the copy
/// only if every invariant holds. ``commit(at:)`` makes the current values the previous ones and
/// records histories; it does not allocate.
public struct StateStore: Sendable {
    /// The layout the slots follow.
    public let layout: StateLayout
    /// Current exact values (`int` as is, `decimal` as WAD).
    public var exact: [Int128]
    /// Current float values.
    public var floats: [Double]
    /// Values at the last commit.
    public internal(set) var previousExact: [Int128]
    /// Float values at the last commit.
    public internal(set) var previousFloats: [Double]
    /// Whether anything has been committed yet; before that `@prev` reads the current value.
    public internal(set) var hasPrevious = false
    /// Histories for time functions, created by ``InvariantSet`` for the look-backs it needs.
    public internal(set) var histories: [HistoryRing] = []
    /// Event time of the evaluation in progress (set by ``commit(at:)`` and the evaluators).
    public var now = Timestamp.epoch
    /// The element each entity's field references read (set while iterating).
    @usableFromInline var cursors: [Int]

    /// A zeroed store for `layout`.
    public init(layout: StateLayout) {
        self.layout = layout
        exact = Array(repeating: 0, count: layout.exactCount)
        floats = Array(repeating: 0, count: layout.floatCount)
        previousExact = exact
        previousFloats = floats
        cursors = Array(repeating: 0, count: layout.schema.entities.count)
    }

    /// Sets a field from a `Double` (an event's value): decimals round to 18 digits, ints must be
    /// whole. Returns `false` (and changes nothing) if the value does not fit the field's type.
    @discardableResult
    public mutating func set(_ handle: FieldHandle, _ value: Double) -> Bool {
        switch handle.type {
        case .float:
            guard value.isFinite else { return false }
            floats[handle.slot] = value
        case .decimal:
            guard let raw = Wad.fromDouble(value) else { return false }
            exact[handle.slot] = raw
        case .int:
            guard value.isFinite, value == value.rounded(), abs(value) < 1.7e38 else { return false }
            exact[handle.slot] = Int128(value)
        case .bool, .duration:
            return false
        }
        return true
    }

    /// Sets an exact field: an `int` as is, a `decimal` as a WAD value.
    @inlinable
    public mutating func set(_ handle: FieldHandle, exact value: Int128) {
        precondition(!handle.isFloat, "float field set with an exact value")
        exact[handle.slot] = value
    }

    /// The current value of a field as a `Double` (decimals converted from WAD).
    public func value(_ handle: FieldHandle) -> Double {
        switch handle.type {
        case .float: floats[handle.slot]
        case .decimal: Wad.toDouble(exact[handle.slot])
        default: Double(exact[handle.slot])
        }
    }

    /// Makes the current values the previous ones and records histories at `time`. No allocation.
    public mutating func commit(at time: Timestamp) {
        now = time
        exact.withUnsafeBufferPointer { src in
            previousExact.withUnsafeMutableBufferPointer { dst in
                for i in src.indices { dst[i] = src[i] }
            }
        }
        floats.withUnsafeBufferPointer { src in
            previousFloats.withUnsafeMutableBufferPointer { dst in
                for i in src.indices { dst[i] = src[i] }
            }
        }
        hasPrevious = true
        for i in histories.indices {
            histories[i].record(from: self, at: time.milliseconds)
        }
    }
}

extension StateStore {
    /// Appends a history ring (used by ``InvariantCompiler/makeStore()``, which fixes ring order).
    mutating func appendHistory(handle: FieldHandle, lookback: Int64) -> Int {
        histories.append(HistoryRing(handle: handle, lookback: lookback))
        return histories.count - 1
    }
}
