import AntibodyCore

/// A small JSON value with deterministic rendering (keys in the order given), for `--json` output.
indirect enum JSONText {
    case string(String)
    case number(Double)
    case bool(Bool)
    case null
    case array([JSONText])
    case object([(String, JSONText)])

    /// Compact JSON text.
    var rendered: String {
        switch self {
        case .string(let s): return JSONString.quoted(s)
        case .number(let x):
            guard x.isFinite else { return "null" }
            if x == x.rounded(), abs(x) < 9e15 { return String(Int64(x)) }
            return "\(x)"
        case .bool(let b): return b ? "true" : "false"
        case .null: return "null"
        case .array(let items): return "[" + items.map(\.rendered).joined(separator: ",") + "]"
        case .object(let pairs):
            return "{" + pairs.map { JSONString.quoted($0.0) + ":" + $0.1.rendered }.joined(separator: ",") + "}"
        }
    }
}
