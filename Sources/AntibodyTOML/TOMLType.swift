/// The type of a TOML value.
public enum TOMLType: String, Hashable, Sendable, CaseIterable {
    case string
    case int
    case double
    case bool
    /// An offset or local date-time.
    case dateTime
    /// A local date.
    case date
    /// A local time.
    case time
    case array
    case table

    /// The type with an article, for messages: "an integer", "a float".
    public var described: String {
        switch self {
        case .string: "a string"
        case .int: "an integer"
        case .double: "a float"
        case .bool: "a boolean"
        case .dateTime: "a date-time"
        case .date: "a date"
        case .time: "a time"
        case .array: "an array"
        case .table: "a table"
        }
    }
}
