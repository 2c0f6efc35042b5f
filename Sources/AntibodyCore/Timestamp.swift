/// A point in event time: whole **milliseconds since the Unix epoch** (1970-01-01T00:00:00Z, UTC).
///
/// Milliseconds cover every source Antibody reads without loss — block timestamps and oracle rounds
/// (seconds), exchange candles and NAB rows (seconds or minutes) and node-to-node messages
/// (milliseconds) — and an `Int64` of them spans ±292 million years. Time always arrives with an
/// event; no stage of the pipeline reads the wall clock.
public struct Timestamp: Hashable, Comparable, Sendable, Codable {
    /// Milliseconds since the Unix epoch; negative values are before 1970.
    public var milliseconds: Int64

    /// A timestamp `milliseconds` after the Unix epoch.
    @inlinable
    public init(milliseconds: Int64) {
        self.milliseconds = milliseconds
    }

    /// A timestamp `seconds` after the Unix epoch (exact; no rounding).
    ///
    /// - Precondition: `seconds` fits in milliseconds, i.e. `|seconds| ≤ Int64.max / 1000`.
    @inlinable
    public init(seconds: Int64) {
        self.milliseconds = seconds * 1000
    }

    /// Whole seconds since the Unix epoch, rounded toward negative infinity.
    @inlinable
    public var seconds: Int64 {
        milliseconds >= 0 ? milliseconds / 1000 : -((-milliseconds + 999) / 1000)
    }

    /// Seconds since the Unix epoch as a `Double` (fractional part kept).
    @inlinable
    public var secondsDouble: Double { Double(milliseconds) / 1000 }

    /// The Unix epoch.
    public static let epoch = Timestamp(milliseconds: 0)

    @inlinable
    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        lhs.milliseconds < rhs.milliseconds
    }

    /// The timestamp `duration` later (`duration` may be negative).
    @inlinable
    public func advanced(by duration: Duration) -> Timestamp {
        Timestamp(milliseconds: milliseconds + duration.milliseconds)
    }

    /// The signed time from `self` to `other`.
    @inlinable
    public func duration(to other: Timestamp) -> Duration {
        Duration(milliseconds: other.milliseconds - milliseconds)
    }

    /// Encodes as a bare integer of milliseconds.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(milliseconds)
    }

    /// Decodes from a bare integer of milliseconds.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        self.milliseconds = try container.decode(Int64.self)
    }
}

extension Timestamp {
    /// A signed span of event time in whole milliseconds.
    ///
    /// Not `Swift.Duration`: that type carries attoseconds in 128 bits, which is more than event
    /// time needs and slower on the hot path.
    public struct Duration: Hashable, Comparable, Sendable, Codable {
        /// The span in milliseconds.
        public var milliseconds: Int64

        /// A span of `milliseconds`.
        @inlinable
        public init(milliseconds: Int64) { self.milliseconds = milliseconds }

        /// A span of `value` seconds.
        @inlinable
        public static func seconds(_ value: Int64) -> Duration { Duration(milliseconds: value * 1000) }

        /// A span of `value` minutes.
        @inlinable
        public static func minutes(_ value: Int64) -> Duration { Duration(milliseconds: value * 60_000) }

        /// A span of `value` hours.
        @inlinable
        public static func hours(_ value: Int64) -> Duration { Duration(milliseconds: value * 3_600_000) }

        /// The span in seconds as a `Double`.
        @inlinable
        public var seconds: Double { Double(milliseconds) / 1000 }

        @inlinable
        public static func < (lhs: Duration, rhs: Duration) -> Bool { lhs.milliseconds < rhs.milliseconds }
    }
}
