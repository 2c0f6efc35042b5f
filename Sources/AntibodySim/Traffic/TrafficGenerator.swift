/// Labelled transaction traffic for training and evaluating the learned detectors: benign agents
/// and attackers (``TrafficArchetype``) drawn by their weights, in a chosen attack share.
///
/// Deterministic: the same seed, count and share give the same rows, in the same order.
public struct TrafficGenerator: Sendable {
    /// The share of attack transactions, in [0, 1].
    public var attackShare: Double
    /// Archetypes excluded from the draw (for held-out-attack studies); empty by default.
    public var excluded: Set<TrafficArchetype>

    /// A generator.
    ///
    /// - Throws: ``SimError`` unless `attackShare` is in [0, 1].
    public init(attackShare: Double = 0.3, excluded: Set<TrafficArchetype> = []) throws(SimError) {
        guard attackShare.isFinite, (0...1).contains(attackShare) else {
            throw .invalidInput("attack share must be in [0, 1], not \(attackShare)")
        }
        let benign = TrafficArchetype.allCases.filter { !$0.isAttack && !excluded.contains($0) }
        let attacks = TrafficArchetype.allCases.filter { $0.isAttack && !excluded.contains($0) }
        guard attackShare == 0 || !attacks.isEmpty, attackShare == 1 || !benign.isEmpty else {
            throw .invalidInput("every archetype of a class is excluded; nothing to draw")
        }
        self.attackShare = attackShare
        self.excluded = excluded
    }

    /// `count` transactions drawn with `seed` (xoshiro256** via ``Xoshiro256StarStar/init(seed:)``).
    ///
    /// - Throws: ``SimError`` unless 0 ≤ count ≤ 10,000,000.
    public func generate(count: Int, seed: UInt64) throws(SimError) -> [LabelledTransaction] {
        guard (0...10_000_000).contains(count) else {
            throw .invalidInput("transaction count must be 0…10,000,000, not \(count)")
        }
        var rng = Xoshiro256StarStar(seed: seed)
        let benign = TrafficArchetype.allCases.filter { !$0.isAttack && !excluded.contains($0) }
        let attacks = TrafficArchetype.allCases.filter { $0.isAttack && !excluded.contains($0) }
        var rows: [LabelledTransaction] = []
        rows.reserveCapacity(count)
        for _ in 0..<count {
            let pool = rng.nextUnit() < attackShare ? attacks : benign
            let archetype = Self.pick(pool, &rng)
            rows.append(LabelledTransaction(features: archetype.sample(&rng), archetype: archetype))
        }
        return rows
    }

    static func pick(_ pool: [TrafficArchetype], _ rng: inout Xoshiro256StarStar) -> TrafficArchetype {
        let total = pool.reduce(0) { $0 + $1.weight }
        var u = rng.nextUnit() * total
        for archetype in pool {
            u -= archetype.weight
            if u < 0 { return archetype }
        }
        return pool[pool.count - 1]
    }
}
