/// The syntax tree of an invariant expression, as parsed (before type checking).
public indirect enum Expr: Hashable, Sendable {
    /// A numeric literal; its type is fixed when checked against the other operand.
    case number(NumberLiteral, SourcePosition)
    /// `true` or `false`.
    case boolean(Bool, SourcePosition)
    /// A duration literal, in milliseconds.
    case duration(Int64, SourcePosition)
    /// `entity.field`, e.g. `vault.totalAssets`.
    case field(entity: String, field: String, SourcePosition)
    /// `x@prev`: the operand's value in the previous committed state.
    case previous(Expr, SourcePosition)
    /// `-x` or `not x`.
    case unary(String, Expr, SourcePosition)
    /// `a op b` for arithmetic, comparison and boolean operators.
    case binary(String, Expr, Expr, SourcePosition)
    /// `name(args…)`: aggregates, time functions and conversions.
    case call(String, [Expr], SourcePosition)

    /// A numeric literal as written.
    public enum NumberLiteral: Hashable, Sendable {
        /// An integer such as `42`.
        case integer(Int128)
        /// A decimal such as `0.999`, exact (WAD) with its nearest double.
        case decimal(wad: Int128, double: Double)
        /// A float such as `1e-3`.
        case float(Double)
    }

    /// Where the node starts (for operators: the operator).
    public var position: SourcePosition {
        switch self {
        case .number(_, let p), .boolean(_, let p), .duration(_, let p), .field(_, _, let p), .previous(_, let p),
            .unary(_, _, let p), .binary(_, _, _, let p), .call(_, _, let p):
            p
        }
    }

    /// The number of nodes in the tree (each literal, field, operator and call counts one).
    public var nodeCount: Int {
        switch self {
        case .number, .boolean, .duration, .field: 1
        case .previous(let e, _), .unary(_, let e, _): 1 + e.nodeCount
        case .binary(_, let l, let r, _): 1 + l.nodeCount + r.nodeCount
        case .call(_, let args, _): 1 + args.reduce(0) { $0 + $1.nodeCount }
        }
    }
}
