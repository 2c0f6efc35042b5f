/// A TOML date, time or date-time: an offset date-time (all parts), a local date-time (no
/// offset), a local date (date only) or a local time (time only).
public struct TOMLDateTime: Hashable, Sendable, CustomStringConvertible {
    /// A calendar date, validated (month 1…12, day within the month, leap years).
    public struct Date: Hashable, Sendable {
        public var year: Int
        public var month: Int
        public var day: Int
    }

    /// A time of day: hour 0…23, minute 0…59, second 0…60 (leap second), nanoseconds.
    public struct Time: Hashable, Sendable {
        public var hour: Int
        public var minute: Int
        public var second: Int
        public var nanosecond: Int
        /// Digits written after the decimal point (0 when none), kept for printing.
        public var fractionDigits: Int
    }

    /// The date, when present.
    public var date: Date?
    /// The time, when present.
    public var time: Time?
    /// Offset from UTC in minutes (`Z` is 0); nil for local values.
    public var offsetMinutes: Int?

    /// The value's TOML type: ``TOMLType/dateTime``, ``TOMLType/date`` or ``TOMLType/time``.
    public var type: TOMLType {
        if date == nil { return .time }
        return time == nil ? .date : .dateTime
    }

    /// RFC 3339 text: `1979-05-27T07:32:00.5-07:00`, `1979-05-27`, `07:32:00`.
    public var description: String {
        func pad(_ n: Int, _ width: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        var text = ""
        if let d = date { text += "\(pad(d.year, 4))-\(pad(d.month, 2))-\(pad(d.day, 2))" }
        if let t = time {
            if date != nil { text += "T" }
            text += "\(pad(t.hour, 2)):\(pad(t.minute, 2)):\(pad(t.second, 2))"
            if t.fractionDigits > 0 {
                let digits = pad(t.nanosecond, 9)
                text += "." + digits.prefix(min(9, t.fractionDigits))
            }
        }
        if let offset = offsetMinutes {
            if offset == 0 {
                text += "Z"
            } else {
                text += (offset < 0 ? "-" : "+") + "\(pad(abs(offset) / 60, 2)):\(pad(abs(offset) % 60, 2))"
            }
        }
        return text
    }
}
