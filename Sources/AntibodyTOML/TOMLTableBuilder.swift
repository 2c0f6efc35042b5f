/// A table under construction while parsing: tables defined by headers and dotted keys stay open
/// for more keys until the document ends, so they are reference types here and become
/// ``TOMLTable`` values at the end.
final class TOMLTableBuilder {
    /// How the table came to exist, which decides what may still add to it (TOML 1.0, "Table").
    enum Origin {
        /// Created as the parent of a header's last key (`a` in `[a.b]`); `[a]` may still define it.
        case implicit
        /// Defined by a `[header]` or `[[header]]`, or the document root.
        case header
        /// Created by a dotted key (`a.b = 1`); more dotted keys in the same table may add to it.
        case dotted
    }

    /// What a key holds.
    enum Slot {
        case value(TOMLValue)
        case table(TOMLTableBuilder)
        case tableArray(TOMLTableArrayBuilder)
    }

    var origin: Origin
    var position: TOMLPosition
    /// Nesting depth: 0 for the root.
    let depth: Int
    private(set) var keys: [String] = []
    private(set) var slots: [String: (keyPosition: TOMLPosition, slot: Slot)] = [:]

    init(origin: Origin, position: TOMLPosition, depth: Int) {
        self.origin = origin
        self.position = position
        self.depth = depth
    }

    subscript(key: String) -> (keyPosition: TOMLPosition, slot: Slot)? { slots[key] }

    /// Adds or replaces `key`.
    func set(_ key: String, keyPosition: TOMLPosition, _ slot: Slot) {
        if slots[key] == nil { keys.append(key) }
        slots[key] = (keyPosition, slot)
    }

    /// The finished table. Recursion is bounded by the parser's depth limit.
    func build() -> TOMLTable {
        var table = TOMLTable()
        for key in keys {
            guard let (keyPosition, slot) = slots[key] else { continue }
            switch slot {
            case .value(let value):
                table.append(key, keyPosition: keyPosition, value: value)
            case .table(let child):
                table.append(key, keyPosition: keyPosition, value: TOMLValue(.table(child.build()), at: child.position))
            case .tableArray(let array):
                let items = array.items.map { TOMLValue(.table($0.build()), at: $0.position) }
                table.append(key, keyPosition: keyPosition, value: TOMLValue(.array(items), at: array.position))
            }
        }
        return table
    }
}

/// An array of tables under construction (`[[a]]`), appended to by each header.
final class TOMLTableArrayBuilder {
    let position: TOMLPosition
    var items: [TOMLTableBuilder] = []

    init(position: TOMLPosition) {
        self.position = position
    }
}
