/// One lexical token of the invariant language, with its position.
struct Token: Hashable, Sendable {
    enum Kind: Hashable, Sendable {
        case identifier(String)
        /// An integer literal, exact.
        case integer(Int128)
        /// A literal with a fraction and no exponent (`0.999`): exact WAD and nearest double.
        case decimal(wad: Int128, double: Double)
        /// A literal with an exponent (`1e-3`, `2.5e6`): a float.
        case float(Double)
        /// A duration literal in milliseconds (`500ms`, `30s`, `5m`, `4h`, `1d`).
        case duration(Int64)
        /// An operator or punctuation: `+ - * / % ( ) , . @ < <= > >= == != && || !`.
        case symbol(String)
        case end
    }

    var kind: Kind
    var position: SourcePosition
}
