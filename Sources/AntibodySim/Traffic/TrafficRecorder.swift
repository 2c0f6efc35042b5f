import AntibodyCore

/// Labelled traffic recorded from the simulator's own event-driven runs, instead of sampled from
/// hand-parameterised archetypes (``TrafficGenerator``).
///
/// Each path runs ``LendingAMMMarket`` — its arbitrageur, noise traders, borrowers and liquidators
/// over a seeded GBM price path whose annual volatility is drawn in [0.4, 1.2] — for
/// ``Configuration/steps`` hourly steps. Attack runs (``ReplayAttack``: every attacker kind
/// ``Configuration/attackRunsPerKind`` times, parameters drawn around the attack structs'
/// defaults) are scheduled at uniformly drawn steps on an ``EventQueue`` and executed, with no
/// defence, when the market reaches them; each runs in its own world (its own pair, lending pool,
/// vault, bridge or governance contract) with the market's volatility and utilisation at that step
/// as ambient state. Every executed interaction of every agent is recorded with the 12
/// ``TransactionFeatures`` derived from the simulated state at that moment (see
/// docs/model-security.md, "Replayed traffic"), labelled by the sender's ``AgentKind``.
///
/// Deterministic: the same configuration and seed give the same rows in the same order.
public struct TrafficRecorder: Sendable {
    /// How much to record.
    public struct Configuration: Hashable, Sendable, Codable {
        /// Market paths (1…10,000).
        public var paths: Int
        /// Hourly steps per path (24…100,000).
        public var steps: Int
        /// Runs of each attacker kind per path (0…100).
        public var attackRunsPerKind: Int

        /// A configuration (defaults: 4 paths of 30 days, each attacker twice per path).
        public init(paths: Int = 4, steps: Int = 720, attackRunsPerKind: Int = 2) {
            self.paths = paths
            self.steps = steps
            self.attackRunsPerKind = attackRunsPerKind
        }
    }

    /// The configuration.
    public let configuration: Configuration

    /// A recorder.
    ///
    /// - Throws: ``SimError`` when a count is out of range.
    public init(configuration: Configuration = Configuration()) throws(SimError) {
        guard (1...10_000).contains(configuration.paths), (24...100_000).contains(configuration.steps),
            (0...100).contains(configuration.attackRunsPerKind)
        else {
            throw .invalidInput(
                "traffic recording needs 1…10,000 paths, 24…100,000 steps and 0…100 attack runs per kind, not "
                    + "\(configuration.paths) paths, \(configuration.steps) steps, "
                    + "\(configuration.attackRunsPerKind) runs")
        }
        self.configuration = configuration
    }

    /// Records every path seeded from `seed` (path `i` uses generators derived from SplitMix64 of
    /// `seed` and `i`).
    ///
    /// - Throws: ``SimError`` from a world (none is expected with the drawn parameters), or when the
    ///   recording would pass 10,000,000 rows.
    public func record(seed: UInt64) throws(SimError) -> [ReplayedTransaction] {
        var rows: [ReplayedTransaction] = []
        var world = 0
        for path in 0..<configuration.paths {
            var mixer = SplitMix64(seed: seed ^ (0x9E37_79B9_7F4A_7C15 &* UInt64(path + 1)))
            var rng = Xoshiro256StarStar(seed: mixer.next())
            var derivation = FeatureDerivation(rng: Xoshiro256StarStar(seed: mixer.next()))
            var parameters = MarketParameters()
            parameters.steps = configuration.steps
            parameters.volatility = 0.4 + 0.8 * rng.nextUnit()
            var market = try LendingAMMMarket(parameters: parameters, rng: Xoshiro256StarStar(seed: mixer.next()))
            // The tap starts at the path's volatility until enough returns are observed.
            market.tap = TransactionTap(volatility: parameters.volatility, periodSeconds: parameters.stepSeconds)
            try market.recordOpenings()
            let marketWorld = world
            world += 1
            var queue = EventQueue<AgentKind>(start: .epoch)
            for kind in AgentKind.attackers {
                for _ in 0..<configuration.attackRunsPerKind {
                    let step = Int64(rng.next(below: UInt64(configuration.steps)))
                    try queue.schedule(kind, at: Timestamp(seconds: step * parameters.stepSeconds))
                }
            }
            var defence = NoDefence()
            for step in 0..<configuration.steps {
                try market.step(index: step, defence: &defence)
                try Self.drain(&market.tap, world: marketWorld, into: &rows, derivation: &derivation)
                let now = Timestamp(seconds: Int64(step) * parameters.stepSeconds)
                while let next = queue.nextTime, next <= now, let event = queue.popNext() {
                    let attack = try ReplayAttack.drawn(event.payload, using: &rng)
                    var tap: TransactionTap? = TransactionTap(
                        volatility: market.tap?.volatility ?? parameters.volatility,
                        ambientUtilisation: market.utilisation, periodSeconds: parameters.stepSeconds)
                    _ = try attack.run(tap: &tap)
                    try Self.drain(&tap, world: world, into: &rows, derivation: &derivation)
                    derivation.close(world: world)
                    world += 1
                }
            }
        }
        return rows
    }

    /// Records one attack run in a world of its own (the tests' entry point), with `volatility` and
    /// `utilisation` as the ambient market state; contract and protocol ages are drawn from `seed`.
    ///
    /// - Throws: ``SimError`` from the attack's world.
    public static func record(
        _ attack: ReplayAttack, seed: UInt64, volatility: Double = 0.8, utilisation: Double = 0
    ) throws(SimError) -> [ReplayedTransaction] {
        var derivation = FeatureDerivation(rng: Xoshiro256StarStar(seed: seed))
        var tap: TransactionTap? = TransactionTap(volatility: volatility, ambientUtilisation: utilisation)
        _ = try attack.run(tap: &tap)
        var rows: [ReplayedTransaction] = []
        try drain(&tap, world: 0, into: &rows, derivation: &derivation)
        return rows
    }

    private static let maximumRows = 10_000_000

    private static func drain(
        _ tap: inout TransactionTap?, world: Int, into rows: inout [ReplayedTransaction],
        derivation: inout FeatureDerivation
    ) throws(SimError) {
        guard let facts = tap?.facts, !facts.isEmpty else { return }
        guard rows.count + facts.count <= maximumRows else {
            throw .invalidInput("traffic recording passed \(maximumRows) rows; record fewer paths or steps")
        }
        for fact in facts {
            rows.append(
                ReplayedTransaction(
                    features: derivation.features(fact, world: world), kind: fact.kind, operation: fact.operation,
                    world: world, block: fact.block))
        }
        tap?.facts.removeAll(keepingCapacity: true)
    }
}
