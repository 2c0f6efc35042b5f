/// A closed span of scenario time in seconds since the start, e.g. a pause.
public struct ReportInterval: Hashable, Sendable, Codable {
    /// Start, seconds since the scenario's start.
    public var start: Double
    /// End, seconds since the scenario's start (≥ `start`).
    public var end: Double
    /// What it was (the pause's scope and reason).
    public var label: String

    /// A span from `start` to `end` (swapped if given backwards) labelled `label`.
    public init(start: Double, end: Double, label: String) {
        self.start = Swift.min(start, end)
        self.end = Swift.max(start, end)
        self.label = label
    }
}
