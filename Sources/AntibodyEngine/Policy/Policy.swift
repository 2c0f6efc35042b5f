public import AntibodyCore
public import AntibodyDefense

/// A validated policy: what to watch, which invariants must hold, which responses may act and who
/// governs them. Load one with ``Policy/load(source:file:)``; every reference has been resolved and
/// every invariant type-checked, so an engine built from it cannot fail on configuration.
public struct Policy: Sendable {
    /// A price feed and its validation bounds.
    public struct Feed: Hashable, Sendable {
        public var asset: String
        public var sources: [String]
        public var maxStaleness: Timestamp.Duration?
        public var minPrice: Double?
        public var maxPrice: Double?
    }

    /// A detector on one stream.
    public struct DetectorSpec: Hashable, Sendable {
        public var name: String
        public var stream: String
        public var kind: DetectorKind
        public var window: Int
        public var threshold: Double
        /// For `price-jump`: the fractional move that scores 1.
        public var maxMove: Double
        public var severity: Severity
        /// Index into ``breakers`` of the breaker it feeds.
        public var breaker: Int?
    }

    /// An invariant as declared, compiled.
    public struct InvariantSpec: Sendable {
        public var named: NamedInvariant
        /// Where its expression starts in the file.
        public var position: SourcePosition
    }

    /// An outflow limiter and what happens to outflows over the limit.
    public struct OutflowLimitSpec: Hashable, Sendable {
        public var configuration: OutflowLimiter.Configuration
        public var revertOnLimit: Bool
    }

    /// The haircut controller and its sampling interval.
    public struct HaircutSpec: Hashable, Sendable {
        public var configuration: HaircutController.Configuration
        public var sampleInterval: Timestamp.Duration
    }

    /// Liquidation pause settings.
    public struct LiquidationPauseSpec: Hashable, Sendable {
        public var scope: ActionScope
        public var grace: Timestamp.Duration
        public var minimumPause: Timestamp.Duration
    }

    /// Pause cost–benefit settings.
    public struct PauseDecisionSpec: Hashable, Sendable {
        public var configuration: PauseDecision.Configuration
        public var valueAtRiskUSD: Double
        public var blockedLiquidationBadDebtUSD: Double
    }

    /// Governance settings.
    public struct Governance: Hashable, Sendable {
        public var signers: [String]
        public var pauseThreshold: Int
        public var unpauseThreshold: Int
        public var timelock: Timestamp.Duration
        public var maxLTVStep: Double?
        public var minChangeInterval: Timestamp.Duration?
        public var maxPause: Timestamp.Duration?
    }

    /// The file it was loaded from (for messages).
    public var file: String
    /// Protocol name.
    public var name: String
    /// EVM chain id.
    public var chainID: Int
    /// Protocol family (`lending`, `vault`, `bridge`, `amm`, `other`).
    public var kind: String
    /// Asset symbols.
    public var assets: [String]
    /// The protocol state schema invariants are checked against.
    public var schema: StateSchema
    /// Feeds.
    public var feeds: [Feed]
    /// Detectors.
    public var detectors: [DetectorSpec]
    /// Invariants, compiled.
    public var invariants: [InvariantSpec]
    /// The compiler the invariants were compiled with (it knows the histories they need).
    public var compiler: InvariantCompiler
    /// Breakers.
    public var breakers: [CircuitBreaker.Configuration]
    /// Outflow limiters.
    public var outflowLimits: [OutflowLimitSpec]
    /// Haircut controller, if any.
    public var haircuts: HaircutSpec?
    /// Liquidation pause, if any.
    public var liquidationPause: LiquidationPauseSpec?
    /// Pause decision, if any.
    public var pauseDecision: PauseDecisionSpec?
    /// Governance.
    public var governance: Governance?
}
