public import AntibodyCore

/// A deterministic discrete-event queue: events come out in event-time order, and events at the
/// same time come out in the order they were scheduled (FIFO), so a run never depends on hash
/// order, thread timing or the wall clock.
///
/// A binary min-heap on `(time, sequence)`; `schedule` and `popNext` are O(log n). Storage grows
/// geometrically and is reused, so a steady-state run does not allocate.
public struct EventQueue<Payload: Sendable>: Sendable {
    @usableFromInline
    struct Entry: Sendable {
        @usableFromInline var time: Timestamp
        @usableFromInline var sequence: UInt64
        @usableFromInline var payload: Payload

        @inlinable
        init(time: Timestamp, sequence: UInt64, payload: Payload) {
            self.time = time
            self.sequence = sequence
            self.payload = payload
        }

        @inlinable
        func precedes(_ other: Entry) -> Bool {
            time != other.time ? time < other.time : sequence < other.sequence
        }
    }

    @usableFromInline var heap: [Entry] = []
    @usableFromInline var nextSequence: UInt64 = 0
    /// The time of the last event taken out; scheduling before it is a causality error.
    public private(set) var now: Timestamp

    /// An empty queue whose current time is `start`.
    public init(start: Timestamp = .epoch) { self.now = start }

    /// The number of pending events.
    @inlinable public var count: Int { heap.count }
    /// Whether no event is pending.
    @inlinable public var isEmpty: Bool { heap.isEmpty }
    /// The time of the next event, if any.
    @inlinable public var nextTime: Timestamp? { heap.first?.time }

    /// Schedules `payload` at `time`.
    ///
    /// - Throws: ``SimError`` if `time` is before the current time (an event cannot be scheduled
    ///   in the past of a discrete-event run).
    public mutating func schedule(_ payload: Payload, at time: Timestamp) throws(SimError) {
        guard time >= now else {
            throw .invalidInput(
                "event scheduled at \(time.milliseconds) ms, before the current time \(now.milliseconds) ms")
        }
        heap.append(Entry(time: time, sequence: nextSequence, payload: payload))
        nextSequence += 1
        siftUp(heap.count - 1)
    }

    /// Removes and returns the earliest pending event (FIFO among equal times), advancing `now`.
    public mutating func popNext() -> (time: Timestamp, payload: Payload)? {
        guard !heap.isEmpty else { return nil }
        heap.swapAt(0, heap.count - 1)
        let top = heap.removeLast()
        if !heap.isEmpty { siftDown(0) }
        now = top.time
        return (top.time, top.payload)
    }

    @usableFromInline
    mutating func siftUp(_ index: Int) {
        var child = index
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[child].precedes(heap[parent]) else { return }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    @usableFromInline
    mutating func siftDown(_ index: Int) {
        var parent = index
        let n = heap.count
        while true {
            let left = 2 * parent + 1
            guard left < n else { return }
            let right = left + 1
            var best = left
            if right < n, heap[right].precedes(heap[left]) { best = right }
            guard heap[best].precedes(heap[parent]) else { return }
            heap.swapAt(best, parent)
            parent = best
        }
    }
}
