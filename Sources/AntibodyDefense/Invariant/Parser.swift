/// A precedence-climbing parser for invariant expressions.
///
/// Grammar, loosest to tightest: `or`/`||`, `and`/`&&`, `not`/`!`, comparisons (`< <= > >= == !=`,
/// not chained), `+ -`, `* / %`, unary `-`, postfix `@prev`, primaries (literals, `entity.field`,
/// `name(args)`, parentheses). Nesting is bounded so hostile input cannot exhaust the stack.
public struct Parser {
    private var tokens: [Token]
    private var index = 0
    private var depth = 0
    /// Deepest nesting accepted.
    public static let maxDepth = 64

    /// Parses `source` into an expression tree or throws the first syntax error.
    public static func parse(_ source: String) throws(InvariantError) -> Expr {
        var lexer = Lexer(source)
        var parser = Parser(tokens: try lexer.tokenize())
        let expr = try parser.parseOr()
        guard case .end = parser.peek.kind else {
            throw .syntax(
                parser.peek.position, "unexpected \(parser.describe(parser.peek)) after a complete expression",
                hint: "join conditions with 'and' / 'or'")
        }
        return expr
    }

    private init(tokens: [Token]) { self.tokens = tokens }

    private var peek: Token { tokens[index] }

    private mutating func next() -> Token {
        let token = tokens[index]
        if index < tokens.count - 1 { index += 1 }
        return token
    }

    private func describe(_ token: Token) -> String {
        switch token.kind {
        case .identifier(let name): "'\(name)'"
        case .integer(let v): "number \(v)"
        case .decimal(_, let d): "number \(d)"
        case .float(let d): "number \(d)"
        case .duration(let ms): "duration \(ms)ms"
        case .symbol(let s): "'\(s)'"
        case .end: "end of expression"
        }
    }

    private func isSymbol(_ s: String) -> Bool {
        if case .symbol(let t) = peek.kind { return t == s }
        return false
    }

    private func isKeyword(_ s: String) -> Bool {
        if case .identifier(let t) = peek.kind { return t == s }
        return false
    }

    private mutating func enter() throws(InvariantError) {
        depth += 1
        if depth > Parser.maxDepth {
            throw .syntax(
                peek.position, "expression nests deeper than \(Parser.maxDepth) levels",
                hint: "simplify the expression")
        }
    }

    private mutating func parseOr() throws(InvariantError) -> Expr {
        try enter()
        defer { depth -= 1 }
        var lhs = try parseAnd()
        while isSymbol("||") || isKeyword("or") {
            let op = next()
            lhs = .binary("or", lhs, try parseAnd(), op.position)
        }
        return lhs
    }

    private mutating func parseAnd() throws(InvariantError) -> Expr {
        var lhs = try parseNot()
        while isSymbol("&&") || isKeyword("and") {
            let op = next()
            lhs = .binary("and", lhs, try parseNot(), op.position)
        }
        return lhs
    }

    private mutating func parseNot() throws(InvariantError) -> Expr {
        if isSymbol("!") || isKeyword("not") {
            let op = next()
            try enter()
            defer { depth -= 1 }
            return .unary("not", try parseNot(), op.position)
        }
        return try parseComparison()
    }

    private static let comparisons: Set<String> = ["<", "<=", ">", ">=", "==", "!="]

    private mutating func parseComparison() throws(InvariantError) -> Expr {
        let lhs = try parseAdditive()
        if case .symbol(let s) = peek.kind, Parser.comparisons.contains(s) {
            let op = next()
            let rhs = try parseAdditive()
            if case .symbol(let s2) = peek.kind, Parser.comparisons.contains(s2) {
                throw .syntax(
                    peek.position, "comparisons cannot be chained",
                    hint: "write 'a <= b and b <= c'")
            }
            return .binary(s, lhs, rhs, op.position)
        }
        return lhs
    }

    private mutating func parseAdditive() throws(InvariantError) -> Expr {
        var lhs = try parseMultiplicative()
        while case .symbol(let s) = peek.kind, s == "+" || s == "-" {
            let op = next()
            lhs = .binary(s, lhs, try parseMultiplicative(), op.position)
        }
        return lhs
    }

    private mutating func parseMultiplicative() throws(InvariantError) -> Expr {
        var lhs = try parseUnary()
        while case .symbol(let s) = peek.kind, s == "*" || s == "/" || s == "%" {
            let op = next()
            lhs = .binary(s, lhs, try parseUnary(), op.position)
        }
        return lhs
    }

    private mutating func parseUnary() throws(InvariantError) -> Expr {
        if isSymbol("-") {
            let op = next()
            try enter()
            defer { depth -= 1 }
            return .unary("-", try parseUnary(), op.position)
        }
        return try parsePostfix()
    }

    private mutating func parsePostfix() throws(InvariantError) -> Expr {
        var expr = try parsePrimary()
        while isSymbol("@") {
            let at = next()
            guard case .identifier(let name) = peek.kind, name == "prev" else {
                throw .syntax(
                    peek.position, "expected 'prev' after '@', found \(describe(peek))",
                    hint: "write x@prev; for older values use ago(x, 1h)")
            }
            _ = next()
            expr = .previous(expr, at.position)
        }
        return expr
    }

    private mutating func parsePrimary() throws(InvariantError) -> Expr {
        let token = next()
        switch token.kind {
        case .integer(let v): return .number(.integer(v), token.position)
        case .decimal(let w, let d): return .number(.decimal(wad: w, double: d), token.position)
        case .float(let d): return .number(.float(d), token.position)
        case .duration(let ms): return .duration(ms, token.position)
        case .symbol("("):
            try enter()
            defer { depth -= 1 }
            let inner = try parseOr()
            guard isSymbol(")") else {
                throw .syntax(
                    peek.position, "expected ')' but found \(describe(peek))",
                    hint: "close the parenthesis opened at \(token.position)")
            }
            _ = next()
            return inner
        case .identifier(let name):
            if name == "true" || name == "false" { return .boolean(name == "true", token.position) }
            if ["and", "or", "not", "prev"].contains(name) {
                throw .syntax(
                    token.position, "'\(name)' is a keyword and cannot start an operand",
                    hint: "put an operand before and after 'and' / 'or'")
            }
            if isSymbol("(") {
                _ = next()
                try enter()
                defer { depth -= 1 }
                var args: [Expr] = []
                if !isSymbol(")") {
                    while true {
                        args.append(try parseOr())
                        if isSymbol(",") {
                            _ = next()
                            continue
                        }
                        break
                    }
                }
                guard isSymbol(")") else {
                    throw .syntax(
                        peek.position, "expected ',' or ')' in the arguments of \(name), found \(describe(peek))",
                        hint: "separate arguments with commas and close with ')'")
                }
                _ = next()
                return .call(name, args, token.position)
            }
            guard isSymbol(".") else {
                throw .syntax(
                    token.position, "'\(name)' is not a field",
                    hint: "name a field as entity.field, e.g. vault.totalAssets")
            }
            _ = next()
            guard case .identifier(let field) = peek.kind else {
                throw .syntax(
                    peek.position, "expected a field name after '\(name).', found \(describe(peek))",
                    hint: "e.g. \(name).totalAssets")
            }
            _ = next()
            return .field(entity: name, field: field, token.position)
        default:
            throw .syntax(
                token.position, "expected an operand, found \(describe(token))",
                hint: "operands are numbers, fields such as pool.k, calls such as sum(x), or (…)")
        }
    }
}
