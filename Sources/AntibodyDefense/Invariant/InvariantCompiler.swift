/// Type-checks invariant expressions against a ``StateLayout`` and compiles them to closures.
///
/// Checking finds every unknown entity or field, every type error and every misuse of aggregates
/// and time functions before anything runs, with the position of the offending node. The compiler
/// also plans the histories the time functions need; ``makeStore()`` creates a store with them.
public struct InvariantCompiler: Sendable {
    typealias ExactFn = @Sendable (inout StateStore) throws(EvalError) -> Int128
    typealias FloatFn = @Sendable (inout StateStore) throws(EvalError) -> Double
    typealias BoolFn = @Sendable (inout StateStore) throws(EvalError) -> Bool

    /// An exact operand: leaves (literals, field reads) are evaluated inline by a switch, only
    /// composite nodes cost a closure call.
    enum ExactOp: Sendable, Evaluable {
        case constant(Int128)
        case field(base: Int, entity: Int)
        case previous(base: Int, entity: Int)
        case code(ExactFn)

        @inline(__always)
        func callAsFunction(_ s: inout StateStore) throws(EvalError) -> Int128 {
            switch self {
            case .constant(let v): return v
            case .field(let base, let e): return s.exact[base &+ s.cursors[e]]
            case .previous(let base, let e):
                return s.hasPrevious ? s.previousExact[base &+ s.cursors[e]] : s.exact[base &+ s.cursors[e]]
            case .code(let f): return try f(&s)
            }
        }
    }

    /// A float operand; see ``ExactOp``.
    enum FloatOp: Sendable, Evaluable {
        case constant(Double)
        case field(base: Int, entity: Int)
        case previous(base: Int, entity: Int)
        case code(FloatFn)

        @inline(__always)
        func callAsFunction(_ s: inout StateStore) throws(EvalError) -> Double {
            switch self {
            case .constant(let v): return v
            case .field(let base, let e): return s.floats[base &+ s.cursors[e]]
            case .previous(let base, let e):
                return s.hasPrevious ? s.previousFloats[base &+ s.cursors[e]] : s.floats[base &+ s.cursors[e]]
            case .code(let f): return try f(&s)
            }
        }
    }

    enum Code {
        case exactOp(ExactOp)
        case floatOp(FloatOp)
        case bool(BoolFn)
        case duration(Int64)

        static func exact(_ f: @escaping ExactFn) -> Code { .exactOp(.code(f)) }
        static func float(_ f: @escaping FloatFn) -> Code { .floatOp(.code(f)) }
    }

    struct Checked {
        var type: ValueType
        var code: Code
        var literal: Expr.NumberLiteral?
        /// The collection entity the value ranges over, if any (never `protocol`).
        var entity: Int?
        var hasAggregate = false
        /// For a plain field reference: its entity and field indices.
        var field: (entity: Int, field: Int)?
        var position: SourcePosition
    }

    /// The layout compiled against.
    public let layout: StateLayout
    /// The histories needed so far: (handle, look-back ms), in ring order.
    public private(set) var historyPlan: [(handle: FieldHandle, lookback: Int64)] = []

    /// A compiler for `layout`.
    public init(layout: StateLayout) {
        self.layout = layout
    }

    /// A store for the layout with every history the compiled invariants need.
    public func makeStore() -> StateStore {
        var store = StateStore(layout: layout)
        for (handle, lookback) in historyPlan { _ = store.appendHistory(handle: handle, lookback: lookback) }
        return store
    }

    /// Parses, checks and compiles `source`, which must be a condition (`bool`).
    public mutating func compile(_ source: String) throws(InvariantError) -> CompiledInvariant {
        let expr = try Parser.parse(source)
        let checked = try check(expr, inAggregate: false)
        guard checked.type == .bool, case .bool(let code) = checked.code else {
            throw .type(
                expr.position, "an invariant must be a condition, but this expression is \(checked.type)",
                hint: "compare it with something, e.g. '… >= 0'")
        }
        var quantifier: (Int, String, [String])?
        if let e = checked.entity {
            let entity = layout.schema.entities[e]
            quantifier = (e, entity.name, entity.elements)
        }
        return CompiledInvariant(source: source, expression: expr, code: code, quantifier: quantifier)
    }

    /// Parses and type-checks `source` and returns its type, without requiring a condition.
    public mutating func typeOf(_ source: String) throws(InvariantError) -> ValueType {
        try check(try Parser.parse(source), inAggregate: false).type
    }

    // MARK: - Checking

    private mutating func check(_ expr: Expr, inAggregate: Bool) throws(InvariantError) -> Checked {
        switch expr {
        case .number(let literal, let p):
            return literalChecked(literal, p)
        case .boolean(let value, let p):
            return Checked(type: .bool, code: .bool({ _ in value }), position: p)
        case .duration(let ms, let p):
            return Checked(type: .duration, code: .duration(ms), position: p)
        case .field(let entityName, let fieldName, let p):
            return try field(entityName, fieldName, p, previous: false)
        case .previous(let inner, let p):
            guard case .field(let entityName, let fieldName, let fp) = inner else {
                throw .type(
                    p, "@prev applies to a field, not to a computed expression",
                    hint: "write a@prev * b@prev instead of (a * b)@prev")
            }
            return try field(entityName, fieldName, fp, previous: true)
        case .unary(let op, let operand, let p):
            return try unary(op, try check(operand, inAggregate: inAggregate), p)
        case .binary(let op, let l, let r, let p):
            let lhs = try check(l, inAggregate: inAggregate)
            let rhs = try check(r, inAggregate: inAggregate)
            return try binary(op, lhs, rhs, p)
        case .call(let name, let args, let p):
            return try call(name, args, p, inAggregate: inAggregate)
        }
    }

    private func literalChecked(_ literal: Expr.NumberLiteral, _ p: SourcePosition) -> Checked {
        switch literal {
        case .integer(let v): Checked(type: .int, code: .exactOp(.constant(v)), literal: literal, position: p)
        case .decimal(let w, _): Checked(type: .decimal, code: .exactOp(.constant(w)), literal: literal, position: p)
        case .float(let d): Checked(type: .float, code: .floatOp(.constant(d)), literal: literal, position: p)
        }
    }

    private func field(
        _ entityName: String, _ fieldName: String, _ p: SourcePosition, previous: Bool
    )
        throws(InvariantError) -> Checked
    {
        let schema = layout.schema
        guard let (e, entity) = schema.entity(named: entityName) else {
            let names = schema.entities.map(\.name)
            throw .unknownField(
                p, "unknown entity '\(entityName)'",
                hint: suggestion(entityName, names) + "entities are " + names.joined(separator: ", "))
        }
        guard let f = entity.fields.firstIndex(where: { $0.name == fieldName }) else {
            let names = entity.fields.map(\.name)
            throw .unknownField(
                p, "\(entityName) has no field '\(fieldName)'",
                hint: suggestion(fieldName, names) + "\(entityName) fields are "
                    + names.joined(separator: ", "))
        }
        guard !entity.elements.isEmpty else {
            throw .type(
                p, "\(entityName).\(fieldName) refers to \(entityName)s but the protocol declares none",
                hint: "declare them under [protocol] (e.g. \(entityName)s = [...]) or remove this invariant")
        }
        let type = entity.fields[f].type
        let base = layout.base(entity: e, field: f)
        let rangeEntity: Int? = entityName == "protocol" ? nil : e
        let code: Code
        if type == .float {
            code = .floatOp(previous ? .previous(base: base, entity: e) : .field(base: base, entity: e))
        } else {
            code = .exactOp(previous ? .previous(base: base, entity: e) : .field(base: base, entity: e))
        }
        return Checked(type: type, code: code, entity: rangeEntity, field: (e, f), position: p)
    }

    private func suggestion(_ name: String, _ candidates: [String]) -> String {
        let best = candidates.map { ($0, editDistance($0.lowercased(), name.lowercased())) }.min { $0.1 < $1.1 }
        if let best, best.1 <= max(2, name.count / 3) { return "did you mean '\(best.0)'? " }
        return ""
    }

    private func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.utf8)
        let b = Array(b.utf8)
        if a.isEmpty { return b.count }
        var row = Array(0...b.count)
        for i in 1...a.count {
            var previous = row[0]
            row[0] = i
            if b.isEmpty { continue }
            for j in 1...b.count {
                let saved = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = saved
            }
        }
        return row[b.count]
    }

    private func mergeEntity(_ a: Checked, _ b: Checked, _ p: SourcePosition) throws(InvariantError) -> Int? {
        if let x = a.entity, let y = b.entity, x != y {
            let nx = layout.schema.entities[x].name
            let ny = layout.schema.entities[y].name
            throw .type(
                p, "this mixes \(nx) and \(ny) fields outside an aggregate",
                hint: "an invariant ranges over one entity; wrap the other in sum/min/max/count, e.g. sum(\(ny).…)")
        }
        return a.entity ?? b.entity
    }

    /// Converts `c` to `target` (int → decimal widening, literals adapting), or `nil` if not allowed.
    private func coerce(_ c: Checked, to target: ValueType) -> Code? {
        if let literal = c.literal {
            switch (literal, target) {
            case (.integer(let v), .int): return .exactOp(.constant(v))
            case (.integer(let v), .decimal):
                let (w, o) = v.multipliedReportingOverflow(by: Wad.one)
                return o ? nil : .exactOp(.constant(w))
            case (.integer(let v), .float): return .floatOp(.constant(Double(v)))
            case (.decimal(let w, _), .decimal): return .exactOp(.constant(w))
            case (.decimal(_, let d), .float): return .floatOp(.constant(d))
            case (.float(let d), .float): return .floatOp(.constant(d))
            default: return nil
            }
        }
        if c.type == target { return c.code }
        if c.type == .int, target == .decimal, case .exactOp(let f) = c.code {
            let p = c.position
            return .exact({ s throws(EvalError) in
                let (w, o) = try f(&s).multipliedReportingOverflow(by: Wad.one)
                if o { throw EvalError(.overflow, at: p) }
                return w
            })
        }
        return nil
    }

    /// The common numeric type of two operands, or a type error.
    private func unify(
        _ a: Checked, _ b: Checked, _ op: String, _ p: SourcePosition
    ) throws(InvariantError)
        -> ValueType
    {
        guard a.type.isNumeric, b.type.isNumeric else {
            let bad = a.type.isNumeric ? b : a
            throw .type(
                bad.position, "'\(op)' needs numbers, but this operand is \(bad.type)",
                hint: bad.type == .duration
                    ? "durations are only arguments of ago() and pct_change()"
                    : "use a numeric field or literal")
        }
        switch (a.literal != nil, b.literal != nil) {
        case (true, true):
            if a.type == .float || b.type == .float { return .float }
            if a.type == .decimal || b.type == .decimal { return .decimal }
            return .int
        case (true, false):
            return (b.type == .int && a.type == .decimal) ? .decimal : b.type
        case (false, true):
            return (a.type == .int && b.type == .decimal) ? .decimal : a.type
        case (false, false):
            if a.type == b.type { return a.type }
            if Set([a.type, b.type]) == [.int, .decimal] { return .decimal }
            throw .type(
                p, "'\(op)' mixes \(a.type) and \(b.type)",
                hint: "convert explicitly with float(x) or decimal(x); float and exact numbers never mix implicitly")
        }
    }

    private func coerceOrThrow(_ c: Checked, _ t: ValueType, _ op: String) throws(InvariantError) -> Code {
        guard let code = coerce(c, to: t) else {
            throw .type(
                c.position, "this \(c.type) operand of '\(op)' cannot be used as \(t)",
                hint: t == .int
                    ? "an int operation needs whole numbers; use decimal fields or literals"
                    : "convert it explicitly, e.g. \(t)(x)")
        }
        return code
    }

    private func unary(_ op: String, _ c: Checked, _ p: SourcePosition) throws(InvariantError) -> Checked {
        var result = c
        result.literal = nil
        result.field = nil
        result.position = p
        if op == "not" {
            guard case .bool(let f) = c.code else {
                throw .type(
                    c.position, "'not' needs a condition, but this is \(c.type)",
                    hint: "compare it first, e.g. not (x > 0)")
            }
            result.code = .bool({ s throws(EvalError) in try !f(&s) })
            return result
        }
        switch c.code {
        case .exactOp(let f):
            if case .integer(let v)? = c.literal, v != Int128.min {
                result.literal = .integer(-v)
            } else if case .decimal(let w, let d)? = c.literal, w != Int128.min {
                result.literal = .decimal(wad: -w, double: -d)
            }
            result.code = .exact({ s throws(EvalError) in
                let v = try f(&s)
                if v == Int128.min { throw EvalError(.overflow, at: p) }
                return -v
            })
        case .floatOp(let f):
            if case .float(let d)? = c.literal { result.literal = .float(-d) }
            result.code = .float({ s throws(EvalError) in try -f(&s) })
        default:
            throw .type(
                c.position, "unary '-' needs a number, but this is \(c.type)", hint: "negate a numeric expression")
        }
        return result
    }

    private func binary(_ op: String, _ a: Checked, _ b: Checked, _ p: SourcePosition) throws(InvariantError) -> Checked
    {
        let entity = try mergeEntity(a, b, p)
        let hasAggregate = a.hasAggregate || b.hasAggregate
        if op == "and" || op == "or" {
            guard case .bool(let f) = a.code else {
                throw .type(
                    a.position, "'\(op)' needs conditions, but this operand is \(a.type)",
                    hint: "compare it, e.g. x > 0")
            }
            guard case .bool(let g) = b.code else {
                throw .type(
                    b.position, "'\(op)' needs conditions, but this operand is \(b.type)",
                    hint: "compare it, e.g. x > 0")
            }
            let code: BoolFn
            if op == "and" {
                code = { s throws(EvalError) in
                    if try !f(&s) { return false }
                    return try g(&s)
                }
            } else {
                code = { s throws(EvalError) in
                    if try f(&s) { return true }
                    return try g(&s)
                }
            }
            return Checked(type: .bool, code: .bool(code), entity: entity, hasAggregate: hasAggregate, position: p)
        }
        if a.type == .bool || b.type == .bool {
            if (op == "==" || op == "!="), case .bool(let f) = a.code, case .bool(let g) = b.code {
                let eq = op == "=="
                return Checked(
                    type: .bool, code: .bool({ s throws(EvalError) in try (f(&s) == g(&s)) == eq }),
                    entity: entity, hasAggregate: hasAggregate, position: p)
            }
            let bad = a.type == .bool ? a : b
            throw .type(
                bad.position, "'\(op)' needs numbers, but this operand is a condition",
                hint: "combine conditions with and/or")
        }
        let t = try unify(a, b, op, p)
        let lc = try coerceOrThrow(a, t, op)
        let rc = try coerceOrThrow(b, t, op)
        var result = Checked(type: t, code: lc, entity: entity, hasAggregate: hasAggregate, position: p)
        switch (lc, rc) {
        case (.exactOp(let f), .exactOp(let g)):
            if let cmp = Self.compare(op, f, g) {
                result.type = .bool
                result.code = .bool(cmp)
            } else {
                result.code = .exact(try exactArithmetic(op, t, f, g, p))
            }
        case (.floatOp(let f), .floatOp(let g)):
            if let cmp = Self.compare(op, f, g) {
                result.type = .bool
                result.code = .bool(cmp)
            } else {
                result.code = .float(try floatArithmetic(op, f, g, p))
            }
        default:
            throw .type(p, "'\(op)' cannot combine \(a.type) and \(b.type)", hint: "convert one side explicitly")
        }
        return result
    }

    private static func compare<O: Evaluable>(_ op: String, _ f: O, _ g: O) -> BoolFn? {
        switch op {
        case "<": { s throws(EvalError) in try f(&s) < g(&s) }
        case "<=": { s throws(EvalError) in try f(&s) <= g(&s) }
        case ">": { s throws(EvalError) in try f(&s) > g(&s) }
        case ">=": { s throws(EvalError) in try f(&s) >= g(&s) }
        case "==": { s throws(EvalError) in try f(&s) == g(&s) }
        case "!=": { s throws(EvalError) in try f(&s) != g(&s) }
        default: nil
        }
    }

    private func exactArithmetic(
        _ op: String, _ t: ValueType, _ f: ExactOp, _ g: ExactOp,
        _ p: SourcePosition
    ) throws(InvariantError) -> ExactFn {
        switch (op, t) {
        case ("+", _):
            return { s throws(EvalError) in
                let (r, o) = try f(&s).addingReportingOverflow(g(&s))
                if o { throw EvalError(.overflow, at: p) }
                return r
            }
        case ("-", _):
            return { s throws(EvalError) in
                let (r, o) = try f(&s).subtractingReportingOverflow(g(&s))
                if o { throw EvalError(.overflow, at: p) }
                return r
            }
        case ("*", .int):
            return { s throws(EvalError) in
                let (r, o) = try f(&s).multipliedReportingOverflow(by: g(&s))
                if o { throw EvalError(.overflow, at: p) }
                return r
            }
        case ("*", _):
            return { s throws(EvalError) in
                guard let r = try Wad.mul(f(&s), g(&s)) else { throw EvalError(.overflow, at: p) }
                return r
            }
        case ("/", .int), ("%", .int):
            let remainder = op == "%"
            return { s throws(EvalError) in
                let x = try f(&s)
                let y = try g(&s)
                if y == 0 { throw EvalError(.divisionByZero, at: p) }
                let (r, o) = remainder ? x.remainderReportingOverflow(dividingBy: y) : x.dividedReportingOverflow(by: y)
                if o { throw EvalError(.overflow, at: p) }
                return r
            }
        case ("/", _):
            return { s throws(EvalError) in
                let x = try f(&s)
                let y = try g(&s)
                if y == 0 { throw EvalError(.divisionByZero, at: p) }
                guard let r = Wad.div(x, y) else { throw EvalError(.overflow, at: p) }
                return r
            }
        default:
            throw .type(p, "'\(op)' is not defined on \(t)", hint: "'%' works on int only; convert with int(x)")
        }
    }

    private func floatArithmetic(
        _ op: String, _ f: FloatOp, _ g: FloatOp, _ p: SourcePosition
    )
        throws(InvariantError) -> FloatFn
    {
        switch op {
        case "+": return { s throws(EvalError) in try Self.finite(f(&s) + g(&s), p) }
        case "-": return { s throws(EvalError) in try Self.finite(f(&s) - g(&s), p) }
        case "*": return { s throws(EvalError) in try Self.finite(f(&s) * g(&s), p) }
        case "/":
            return { s throws(EvalError) in
                let x = try f(&s)
                let y = try g(&s)
                if y == 0 { throw EvalError(.divisionByZero, at: p) }
                return try Self.finite(x / y, p)
            }
        default:
            throw .type(p, "'\(op)' is not defined on float", hint: "'%' works on int only")
        }
    }

    @inline(__always)
    private static func finite(_ x: Double, _ p: SourcePosition) throws(EvalError) -> Double {
        if !x.isFinite { throw EvalError(.notFinite, at: p) }
        return x
    }

    // MARK: - Calls

    private mutating func call(
        _ name: String, _ args: [Expr], _ p: SourcePosition, inAggregate: Bool
    )
        throws(InvariantError) -> Checked
    {
        switch name {
        case "sum", "count", "min", "max":
            if (name == "min" || name == "max") && args.count >= 2 {
                return try pairwise(name, args, p, inAggregate: inAggregate)
            }
            guard args.count == 1 else {
                throw .type(
                    p, "\(name) takes one collection argument, got \(args.count)",
                    hint: "e.g. \(name)(market.totalBorrows)")
            }
            guard !inAggregate else {
                throw .type(p, "aggregates cannot be nested", hint: "aggregate once, e.g. sum(market.totalBorrows)")
            }
            let arg = try check(args[0], inAggregate: true)
            return try aggregate(name, arg, p)
        case "ago", "pct_change":
            guard args.count == 2 else {
                throw .type(
                    p, "\(name) takes a field and a duration, got \(args.count) arguments",
                    hint: "e.g. \(name)(asset.price, 4h)")
            }
            return try timeFunction(name, args, p)
        case "float", "decimal", "int", "abs":
            guard args.count == 1 else {
                throw .type(p, "\(name) takes one argument, got \(args.count)", hint: "e.g. \(name)(x)")
            }
            return try conversion(name, try check(args[0], inAggregate: inAggregate), p)
        default:
            throw .unknownField(
                p, "unknown function '\(name)'",
                hint: "functions are sum, min, max, count, ago, pct_change, float, decimal, int, abs")
        }
    }

    private func aggregate(_ name: String, _ arg: Checked, _ p: SourcePosition) throws(InvariantError) -> Checked {
        guard let e = arg.entity else {
            throw .type(
                arg.position,
                "\(name) needs a collection such as market.totalBorrows, but its argument ranges over nothing",
                hint: "aggregate a field of market, pool, vault, bridge or asset")
        }
        let n = layout.schema.entities[e].elements.count
        if name == "count" {
            if case .bool(let f) = arg.code {
                return Checked(
                    type: .int,
                    code: .exact({ s throws(EvalError) in
                        let saved = s.cursors[e]
                        defer { s.cursors[e] = saved }
                        var total: Int128 = 0
                        for i in 0..<n {
                            s.cursors[e] = i
                            if try f(&s) { total += 1 }
                        }
                        return total
                    }), hasAggregate: true, position: p)
            }
            let count = Int128(n)
            return Checked(type: .int, code: .exactOp(.constant(count)), hasAggregate: true, position: p)
        }
        switch arg.code {
        case .exactOp(let f):
            let isDecimal = arg.type == .decimal
            _ = isDecimal
            let op = name
            return Checked(
                type: arg.type,
                code: .exact({ s throws(EvalError) in
                    let saved = s.cursors[e]
                    defer { s.cursors[e] = saved }
                    s.cursors[e] = 0
                    var acc: Int128 = op == "sum" ? 0 : try f(&s)
                    for i in 0..<n {
                        s.cursors[e] = i
                        let v = try f(&s)
                        switch op {
                        case "sum":
                            let (r, o) = acc.addingReportingOverflow(v)
                            if o { throw EvalError(.overflow, at: p) }
                            acc = r
                        case "min": acc = Swift.min(acc, v)
                        default: acc = Swift.max(acc, v)
                        }
                    }
                    return acc
                }), hasAggregate: true, position: p)
        case .floatOp(let f):
            let op = name
            return Checked(
                type: .float,
                code: .float({ s throws(EvalError) in
                    let saved = s.cursors[e]
                    defer { s.cursors[e] = saved }
                    s.cursors[e] = 0
                    var acc: Double = op == "sum" ? 0 : try f(&s)
                    for i in 0..<n {
                        s.cursors[e] = i
                        let v = try f(&s)
                        switch op {
                        case "sum": acc += v
                        case "min": acc = Swift.min(acc, v)
                        default: acc = Swift.max(acc, v)
                        }
                    }
                    if !acc.isFinite { throw EvalError(.notFinite, at: p) }
                    return acc
                }), hasAggregate: true, position: p)
        default:
            throw .type(
                arg.position, "\(name) needs numbers, but its argument is \(arg.type)",
                hint: name == "sum"
                    ? "use count(…) to count elements where a condition holds" : "aggregate a numeric field")
        }
    }

    private mutating func pairwise(
        _ name: String, _ args: [Expr], _ p: SourcePosition, inAggregate: Bool
    )
        throws(InvariantError) -> Checked
    {
        var acc = try check(args[0], inAggregate: inAggregate)
        for arg in args.dropFirst() {
            let next = try check(arg, inAggregate: inAggregate)
            let entity = try mergeEntity(acc, next, p)
            let t = try unify(acc, next, name, p)
            let lc = try coerceOrThrow(acc, t, name)
            let rc = try coerceOrThrow(next, t, name)
            let isMin = name == "min"
            let code: Code
            switch (lc, rc) {
            case (.exactOp(let f), .exactOp(let g)):
                code = .exact({ s throws(EvalError) in
                    let x = try f(&s)
                    let y = try g(&s)
                    return isMin ? Swift.min(x, y) : Swift.max(x, y)
                })
            case (.floatOp(let f), .floatOp(let g)):
                code = .float({ s throws(EvalError) in
                    let x = try f(&s)
                    let y = try g(&s)
                    return isMin ? Swift.min(x, y) : Swift.max(x, y)
                })
            default:
                throw .type(p, "\(name) needs numbers", hint: "pass numeric arguments")
            }
            acc = Checked(
                type: t, code: code, entity: entity, hasAggregate: acc.hasAggregate || next.hasAggregate,
                position: p)
        }
        return acc
    }

    private mutating func timeFunction(
        _ name: String, _ args: [Expr], _ p: SourcePosition
    ) throws(InvariantError)
        -> Checked
    {
        guard case .field(let entityName, let fieldName, let fp) = args[0] else {
            throw .type(
                args[0].position, "\(name) applies to a field, not to a computed expression",
                hint: "e.g. \(name)(asset.price, 1h)")
        }
        guard case .duration(let ms, _) = args[1] else {
            throw .type(
                args[1].position, "the second argument of \(name) must be a duration literal",
                hint: "e.g. 30m, 4h or 1d")
        }
        guard ms <= 30 * 86_400_000 else {
            throw .type(
                args[1].position, "look-back of \(ms / 3_600_000)h is longer than 30 days",
                hint: "use a look-back of at most 30d")
        }
        let current = try field(entityName, fieldName, fp, previous: false)
        guard let (e, f) = current.field else { fatalError("field() always sets field") }
        let entity = layout.schema.entities[e]
        let ringBase = historyPlan.count
        for i in entity.elements.indices {
            let handle = FieldHandle(type: current.type, slot: layout.base(entity: e, field: f) + i)
            historyPlan.append((handle, ms))
        }
        var result = current
        result.field = nil
        result.position = p
        switch (name, current.code) {
        case ("ago", .exactOp(let now)):
            result.code = .exact({ s throws(EvalError) in
                let fallback = try now(&s)
                return s.histories[ringBase + s.cursors[e]].exactValue(
                    ago: ms, now: s.now.milliseconds, fallback: fallback)
            })
        case ("ago", .floatOp(let now)):
            result.code = .float({ s throws(EvalError) in
                let fallback = try now(&s)
                return s.histories[ringBase + s.cursors[e]].floatValue(
                    ago: ms, now: s.now.milliseconds, fallback: fallback)
            })
        case ("pct_change", .exactOp(let now)):
            result.type = .float
            result.code = .float({ s throws(EvalError) in
                let x = try now(&s)
                let old = s.histories[ringBase + s.cursors[e]].exactValue(ago: ms, now: s.now.milliseconds, fallback: x)
                if old == 0 { throw EvalError(.divisionByZero, at: p) }
                return Double(x - old) / Double(old)
            })
        case ("pct_change", .floatOp(let now)):
            result.type = .float
            result.code = .float({ s throws(EvalError) in
                let x = try now(&s)
                let old = s.histories[ringBase + s.cursors[e]].floatValue(ago: ms, now: s.now.milliseconds, fallback: x)
                if old == 0 { throw EvalError(.divisionByZero, at: p) }
                let r = (x - old) / old
                if !r.isFinite { throw EvalError(.notFinite, at: p) }
                return r
            })
        default:
            throw .type(fp, "\(name) needs a numeric field", hint: "use a numeric field")
        }
        return result
    }

    private func conversion(_ name: String, _ arg: Checked, _ p: SourcePosition) throws(InvariantError) -> Checked {
        var result = arg
        result.literal = nil
        result.field = nil
        result.position = p
        switch (name, arg.type, arg.code) {
        case ("float", .int, .exactOp(let f)):
            result.type = .float
            result.code = .float({ s throws(EvalError) in Double(try f(&s)) })
        case ("float", .decimal, .exactOp(let f)):
            result.type = .float
            result.code = .float({ s throws(EvalError) in Wad.toDouble(try f(&s)) })
        case ("float", .float, _), ("decimal", .decimal, _), ("int", .int, _):
            break
        case ("decimal", .int, _):
            guard let code = coerce(arg, to: .decimal) else { throw .type(p, "cannot convert", hint: "") }
            result.type = .decimal
            result.code = code
        case ("decimal", .float, .floatOp(let f)):
            result.type = .decimal
            result.code = .exact({ s throws(EvalError) in
                guard let w = Wad.fromDouble(try f(&s)) else { throw EvalError(.overflow, at: p) }
                return w
            })
        case ("int", .decimal, .exactOp(let f)):
            result.type = .int
            result.code = .exact({ s throws(EvalError) in try f(&s) / Wad.one })
        case ("int", .float, .floatOp(let f)):
            result.type = .int
            result.code = .exact({ s throws(EvalError) in
                let x = try f(&s)
                guard x.isFinite, abs(x) < 1.7e38 else { throw EvalError(.overflow, at: p) }
                return Wad.int128(integral: x.rounded(.towardZero))
            })
        case ("abs", _, .exactOp(let f)):
            result.code = .exact({ s throws(EvalError) in
                let x = try f(&s)
                if x == Int128.min { throw EvalError(.overflow, at: p) }
                return Swift.abs(x)
            })
        case ("abs", _, .floatOp(let f)):
            result.code = .float({ s throws(EvalError) in Swift.abs(try f(&s)) })
        default:
            throw .type(
                arg.position, "\(name)() needs a number, but its argument is \(arg.type)",
                hint: "pass a numeric expression")
        }
        return result
    }
}

/// An operand the compiled closures evaluate: a literal, a field read or a composite node.
protocol Evaluable: Sendable {
    associatedtype Value: Comparable
    func callAsFunction(_ s: inout StateStore) throws(EvalError) -> Value
}
