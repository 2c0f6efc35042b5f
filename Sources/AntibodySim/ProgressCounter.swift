import Synchronization

/// A lock-free counter shared by Monte Carlo workers to report progress.
final class ProgressCounter: Sendable {
    private let value = Atomic<Int>(0)

    /// Adds one and returns the new count.
    func increment() -> Int {
        value.add(1, ordering: .relaxed).newValue
    }
}
