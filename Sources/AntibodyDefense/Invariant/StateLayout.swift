/// Where each field of each element lives in a ``StateStore``: exact slots (`int`, `decimal`) and
/// float slots, assigned entity by entity, field by field, element by element.
public struct StateLayout: Hashable, Sendable {
    /// The schema laid out.
    public let schema: StateSchema
    /// First slot of each (entity, field); elements follow consecutively.
    @usableFromInline let bases: [[Int]]
    /// Number of exact slots.
    public let exactCount: Int
    /// Number of float slots.
    public let floatCount: Int

    /// The layout of `schema`.
    public init(schema: StateSchema) {
        self.schema = schema
        var exact = 0
        var float = 0
        var bases: [[Int]] = []
        for entity in schema.entities {
            var row: [Int] = []
            for field in entity.fields {
                if field.type == .float {
                    row.append(float)
                    float += entity.elements.count
                } else {
                    row.append(exact)
                    exact += entity.elements.count
                }
            }
            bases.append(row)
        }
        self.bases = bases
        exactCount = exact
        floatCount = float
    }

    /// The handle of `entity.field` for the element named `element` (or the only element when
    /// `element` is `nil` and the entity has exactly one), or `nil` if any part is unknown.
    public func handle(entity: String, field: String, element: String? = nil) -> FieldHandle? {
        guard let (e, ent) = schema.entity(named: entity),
            let f = ent.fields.firstIndex(where: { $0.name == field })
        else { return nil }
        let elementIndex: Int
        if let element {
            guard let i = ent.elements.firstIndex(of: element) else { return nil }
            elementIndex = i
        } else {
            guard ent.elements.count == 1 else { return nil }
            elementIndex = 0
        }
        return FieldHandle(type: ent.fields[f].type, slot: bases[e][f] + elementIndex)
    }

    /// The handle for a path as events spell it: `"vault.totalAssets"` or `"market.totalBorrows[WETH]"`.
    public func handle(path: String) -> FieldHandle? {
        var text = Substring(path)
        var element: String?
        if text.hasSuffix("]"), let open = text.firstIndex(of: "[") {
            element = String(text[text.index(after: open)..<text.index(before: text.endIndex)])
            text = text[..<open]
        }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return nil }
        return handle(entity: String(parts[0]), field: String(parts[1]), element: element)
    }

    @usableFromInline func base(entity: Int, field: Int) -> Int { bases[entity][field] }
}
