/// The shape of the protocol state that invariants read: entities (`vault`, `market`, …), each a
/// collection of named elements, and their typed fields.
///
/// Every entity is a collection over the elements the policy declares (one vault, three markets,
/// …); the `protocol` entity has exactly one element. A field reference outside an aggregate is
/// evaluated for every element of its entity ("for each vault, …").
public struct StateSchema: Hashable, Sendable {
    /// One kind of protocol part and its fields.
    public struct Entity: Hashable, Sendable {
        /// The name used in expressions, e.g. `"vault"`.
        public var name: String
        /// The element names, e.g. `["yvUSDC"]`.
        public var elements: [String]
        /// Field names and their types, in declaration order.
        public var fields: [(name: String, type: ValueType)]

        /// An entity `name` with `elements` and `fields`.
        public init(name: String, elements: [String], fields: [(name: String, type: ValueType)]) {
            self.name = name
            self.elements = elements
            self.fields = fields
        }

        /// The type of `field`, if declared.
        public func type(of field: String) -> ValueType? {
            fields.first { $0.name == field }?.type
        }

        public static func == (lhs: Entity, rhs: Entity) -> Bool {
            lhs.name == rhs.name && lhs.elements == rhs.elements
                && lhs.fields.map(\.name) == rhs.fields.map(\.name) && lhs.fields.map(\.type) == rhs.fields.map(\.type)
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(name)
            hasher.combine(elements)
            hasher.combine(fields.map(\.name))
        }
    }

    /// The entities, in order.
    public private(set) var entities: [Entity]

    /// A schema of `entities`.
    public init(entities: [Entity]) {
        self.entities = entities
    }

    /// The entity named `name`, if any, with its index.
    public func entity(named name: String) -> (index: Int, entity: Entity)? {
        guard let i = entities.firstIndex(where: { $0.name == name }) else { return nil }
        return (i, entities[i])
    }

    /// Adds (or replaces) a field on an entity; used for policy-declared custom fields.
    public mutating func addField(_ field: String, type: ValueType, to entity: String) {
        guard let i = entities.firstIndex(where: { $0.name == entity }) else { return }
        entities[i].fields.removeAll { $0.name == field }
        entities[i].fields.append((field, type))
    }

    /// Built-in fields of each entity kind (see docs/policy.md for their meaning).
    public static let standardFields: [String: [(name: String, type: ValueType)]] = [
        "protocol": [("tvl", .decimal), ("totalDebt", .decimal), ("badDebt", .decimal)],
        "market": [
            ("totalSupply", .decimal), ("totalBorrows", .decimal), ("price", .float), ("ltv", .float),
            ("liquidationThreshold", .float), ("utilization", .float), ("badDebt", .decimal), ("borrowers", .int),
        ],
        "pool": [("reserve0", .decimal), ("reserve1", .decimal), ("k", .decimal), ("price", .float), ("swaps", .int)],
        "vault": [
            ("totalAssets", .decimal), ("totalShares", .decimal), ("sharePrice", .decimal), ("holders", .int),
        ],
        "bridge": [("locked", .decimal), ("minted", .decimal), ("outflow", .decimal), ("messages", .int)],
        "asset": [("price", .float), ("volatility", .float), ("supply", .decimal)],
    ]

    /// The standard schema for a protocol with the given named parts.
    public static func standard(
        markets: [String] = [], pools: [String] = [], vaults: [String] = [], bridges: [String] = [],
        assets: [String] = []
    ) -> StateSchema {
        let parts: [(String, [String])] = [
            ("protocol", ["protocol"]), ("market", markets), ("pool", pools), ("vault", vaults), ("bridge", bridges),
            ("asset", assets),
        ]
        return StateSchema(
            entities: parts.map { name, elements in
                Entity(name: name, elements: elements, fields: standardFields[name] ?? [])
            })
    }
}
