/// An invariant expression parsed, type-checked and compiled to a tree of typed closures.
///
/// Evaluation walks the closures over a ``StateStore``: no parsing, no lookups by name, no
/// allocation. An invariant whose fields range over an entity (`vault.totalAssets >= …` with
/// several vaults) is checked for every element and reports the first one that fails.
public struct CompiledInvariant: Sendable {
    /// The expression as written.
    public let source: String
    /// Its syntax tree.
    public let expression: Expr
    @usableFromInline let code: @Sendable (inout StateStore) throws(EvalError) -> Bool
    /// The entity it ranges over (index into the schema) and its element names, if any.
    @usableFromInline let quantifier: (entity: Int, name: String, elements: [String])?

    init(
        source: String, expression: Expr, code: @escaping @Sendable (inout StateStore) throws(EvalError) -> Bool,
        quantifier: (entity: Int, name: String, elements: [String])?
    ) {
        self.source = source
        self.expression = expression
        self.code = code
        self.quantifier = quantifier
    }

    /// The number of syntax-tree nodes.
    public var nodeCount: Int { expression.nodeCount }

    /// The entity name it ranges over, if any (e.g. `"vault"`).
    public var rangesOver: String? { quantifier?.name }

    /// Evaluates the invariant against `store` at the store's current time.
    @inlinable
    public func evaluate(_ store: inout StateStore) -> InvariantOutcome {
        guard let quantifier else {
            do {
                return try code(&store) ? .holds : .violated(element: nil)
            } catch {
                return .failed(error, element: nil)
            }
        }
        let saved = store.cursors[quantifier.entity]
        defer { store.cursors[quantifier.entity] = saved }
        for i in 0..<quantifier.elements.count {
            store.cursors[quantifier.entity] = i
            do {
                if try !code(&store) { return .violated(element: "\(quantifier.name):\(quantifier.elements[i])") }
            } catch {
                return .failed(error, element: "\(quantifier.name):\(quantifier.elements[i])")
            }
        }
        return .holds
    }

    /// Evaluates and returns `true` only if the invariant holds; allocation-free fast path for
    /// benchmarks and for the common case (callers re-run ``evaluate(_:)`` to learn details).
    @inlinable
    public func holds(_ store: inout StateStore) -> Bool {
        guard let quantifier else { return (try? code(&store)) ?? false }
        let saved = store.cursors[quantifier.entity]
        defer { store.cursors[quantifier.entity] = saved }
        for i in 0..<quantifier.elements.count {
            store.cursors[quantifier.entity] = i
            guard (try? code(&store)) == true else { return false }
        }
        return true
    }
}
