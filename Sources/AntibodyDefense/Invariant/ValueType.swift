/// The type of an invariant expression or a protocol state field.
///
/// Types are explicit: `int` is an exact 128-bit integer, `decimal` an exact fixed-point number
/// with 18 fractional digits (WAD, ±1.7 × 10²⁰), `float` an IEEE double. `int` widens to `decimal`
/// implicitly (exactly); mixing `float` with `int` or `decimal` needs an explicit `float(x)` or
/// `decimal(x)`. Numeric literals take the type the other operand needs.
public enum ValueType: String, Hashable, Sendable, Codable, CaseIterable, CustomStringConvertible {
    /// Exact integer (`Int128`), overflow is a runtime error.
    case int
    /// Exact fixed point, 18 decimals; rounding toward zero like Solidity's `wadMul`/`wadDiv`.
    case decimal
    /// IEEE 754 double; a non-finite result is a runtime error.
    case float
    /// `true` or `false`.
    case bool
    /// A span of time (`1h`, `30m`); only as an argument of `ago` and `pct_change`.
    case duration

    /// Whether the type is one of the three number types.
    public var isNumeric: Bool { self == .int || self == .decimal || self == .float }

    public var description: String { rawValue }
}
