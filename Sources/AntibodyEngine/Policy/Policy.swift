public import AntibodyCore
public import AntibodyDefense
public import AntibodyModels
public import AntibodySense

/// A validated policy: what to watch, which invariants must hold, which responses may act and who
/// governs them. Load one with ``Policy/load(source:file:)``; every reference has been resolved and
/// every invariant type-checked, so an engine built from it cannot fail on configuration.
public struct Policy: Sendable {
    /// A price feed: its sources and how `AntibodySense` validates and aggregates them.
    public struct Feed: Hashable, Sendable {
        /// The asset priced.
        public var asset: String
        /// The named sources; empty for a single source of any name.
        public var sources: [String]
        /// A source's price older than this is stale (`heartbeat + grace`); `nil` for no limit.
        public var maxStaleness: Timestamp.Duration?
        /// Prices at or below are refused.
        public var minPrice: Double?
        /// Prices at or above are refused.
        public var maxPrice: Double?
        /// Largest move between consecutive prices of one source, `(max − min) / max`; `nil` for no limit.
        public var maxJump: Double?
        /// Per-source round checks (``FeedGuard``): staleness, bounds, jump between consecutive prices.
        public var guardConfig: FeedConfig
        /// Multi-source aggregation (``SourceAggregator``): median, MAD outliers, quorum, contested moves.
        public var aggregator: AggregatorConfig
        /// The source that is a TWAP, if any: spot sources farther than ``maxTWAPDivergence`` are excluded.
        public var twapSource: String?
        /// Largest relative distance of a spot source from the TWAP source.
        public var maxTWAPDivergence: Double

        /// The implicit feed of an asset the policy declares no `[[feeds]]` entry for: one source of
        /// any name, no bounds, no staleness limit, no jump limit — every finite positive price in
        /// time order is accepted.
        public static func implicit(asset: String) -> Feed {
            Feed(asset: asset, sources: [], maxStaleness: nil, minPrice: nil, maxPrice: nil)
        }

        /// A feed; the Sense configurations are derived from the arguments.
        public init(
            asset: String, sources: [String], maxStaleness: Timestamp.Duration?, minPrice: Double?, maxPrice: Double?,
            grace: Timestamp.Duration = .seconds(0), maxJump: Double? = nil, aggregator: AggregatorConfig? = nil,
            twapSource: String? = nil, maxTWAPDivergence: Double = 0.05
        ) {
            self.asset = asset
            self.sources = sources
            self.maxStaleness = maxStaleness
            self.minPrice = minPrice
            self.maxPrice = maxPrice
            self.twapSource = twapSource
            self.maxJump = maxJump
            self.maxTWAPDivergence = maxTWAPDivergence
            // No limit is a year (FeedConfig's and AggregatorConfig's ceiling), far beyond any run.
            let heartbeat = maxStaleness.map { Timestamp.Duration(milliseconds: $0.milliseconds - grace.milliseconds) }
            // Rounds hold 18 decimals (prices up to 1.7 · 10²⁰), or 8 when max_price needs more room.
            let decimals = max(minPrice ?? 0, maxPrice ?? 0) > 1e20 ? 8 : 18
            let scale = decimals == 8 ? 1e8 : 1e18
            func answer(_ price: Double?, _ rule: FloatingPointRoundingRule) -> Int128? {
                price.map { Int128(exactly: ($0 * scale).rounded(rule)) ?? .max }
            }
            guardConfig = FeedConfig(
                decimals: decimals, heartbeat: heartbeat ?? .hours(24 * 365),
                grace: heartbeat == nil ? .seconds(0) : grace, deviationThreshold: 0.005,
                minAnswer: answer(minPrice, .down), maxAnswer: answer(maxPrice, .up), maxJump: maxJump ?? 1 - 1e-9)
            var config = aggregator ?? AggregatorConfig()
            config.capacity = sources.isEmpty ? 1 : sources.count + 1
            config.maxQuoteAge = maxStaleness ?? .hours(24 * 365)
            config.minimumQuorum = min(config.minimumQuorum, config.capacity)
            self.aggregator = config
        }
    }

    /// The L2 sequencer uptime feed.
    public struct SequencerSpec: Hashable, Sendable {
        /// The observation stream carrying its answer (0 up, 1 down).
        public var stream: String
        /// Grace period after a restart.
        public var grace: Timestamp.Duration
        /// How recent a block must be to contradict a "down" signal.
        public var livenessWindow: Timestamp.Duration
    }

    /// A detector on one stream.
    public struct DetectorSpec: Hashable, Sendable {
        /// What an `AntibodyDetect` detector is fed.
        public enum Input: String, Hashable, Sendable {
            /// The value itself (a price level).
            case value
            /// The log return from the previous value (default; prices are not stationary).
            case logReturn = "log-return"
        }

        public var name: String
        public var stream: String
        public var kind: PolicyDetectorKind
        /// For `AntibodyDetect` detectors: whether they see the value or its log return.
        public var input: Input
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

    /// The haircut controller, its sampling interval and the learned volatility forecaster feeding
    /// it, if the policy names one (verified against governance's commitment when the policy loaded).
    public struct HaircutSpec: Hashable, Sendable {
        public var configuration: HaircutController.Configuration
        public var sampleInterval: Timestamp.Duration
        /// The signed forecaster (`responses.haircuts.forecaster`); its sampling interval equals
        /// ``sampleInterval``.
        public var forecaster: ForecasterArtifact? = nil
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
        /// The Guardian contract: the EIP-712 verifying contract of governance's commitments
        /// (`governance.guardian`; the zero address when not given).
        public var guardian: String? = nil
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
    /// The L2 sequencer feed, if the chain has one.
    public var sequencer: SequencerSpec? = nil
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
    /// The transaction classifier (`[models.flow]`), if any.
    public var flowModel: FlowModelSpec? = nil
}
