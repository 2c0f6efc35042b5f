/// How the JSON-RPC client retries transient failures (the node unreachable, the connection dropped,
/// no answer in time): a bounded number of attempts with exponential back-off. Never forever.
public struct RetryPolicy: Hashable, Sendable {
    /// Attempts in all, the first included (1 means no retry).
    public var maximumAttempts: Int
    /// The pause before the second attempt.
    public var initialDelay: Duration
    /// The factor by which each pause grows.
    public var multiplier: Int
    /// The longest pause.
    public var maximumDelay: Duration

    /// A policy. `maximumAttempts` is clamped to 1...10 and `multiplier` to 1...10.
    public init(
        maximumAttempts: Int = 3, initialDelay: Duration = .milliseconds(100), multiplier: Int = 2,
        maximumDelay: Duration = .seconds(2)
    ) {
        self.maximumAttempts = min(max(maximumAttempts, 1), 10)
        self.initialDelay = initialDelay
        self.multiplier = min(max(multiplier, 1), 10)
        self.maximumDelay = maximumDelay
    }

    /// No retries.
    public static let none = RetryPolicy(maximumAttempts: 1)

    /// The pause after failed attempt `attempt` (1-based): initialDelay · multiplier^(attempt − 1),
    /// at most ``maximumDelay``.
    public func delay(after attempt: Int) -> Duration {
        var delay = initialDelay
        for _ in 1..<max(attempt, 1) {
            delay = delay * multiplier
            if delay >= maximumDelay { return maximumDelay }
        }
        return min(delay, maximumDelay)
    }
}
