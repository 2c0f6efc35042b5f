/// The shape of a policy file: every table, key, type, range and allowed value. The validator
/// checks files against it and the JSON Schema in `schemas/policy.schema.json` is generated from it
/// (`antibody policy schema`), so the two never disagree.
public enum PolicySchema {
    /// The type of a key's value.
    public indirect enum ValueKind: Sendable {
        case string
        /// A string from a fixed set.
        case choice([String])
        case integer
        /// An integer or a float.
        case number
        case boolean
        /// A string such as `"30s"`, `"5m"`, `"4h"`, `"3d"`, `"500ms"`.
        case duration
        case array(ValueKind)
        case table(Table)
        case tableArray(Table)
    }

    /// One key of a table.
    public struct Field: Sendable {
        public var name: String
        public var kind: ValueKind
        public var required: Bool
        /// Inclusive numeric bounds (numbers, integers, durations in seconds, array lengths excluded).
        public var range: ClosedRange<Double>?
        public var doc: String

        init(
            _ name: String, _ kind: ValueKind, required: Bool = false, range: ClosedRange<Double>? = nil, _ doc: String
        ) {
            self.name = name
            self.kind = kind
            self.required = required
            self.range = range
            self.doc = doc
        }
    }

    /// A table: its keys.
    public struct Table: Sendable {
        public var fields: [Field]
        public var doc: String

        init(_ doc: String, _ fields: [Field]) {
            self.doc = doc
            self.fields = fields
        }

        func field(_ name: String) -> Field? { fields.first { $0.name == name } }
    }

    static let severity = ValueKind.choice(["info", "warning", "high", "critical"])

    /// The whole file.
    public static let root = Table(
        "An Antibody policy.",
        [
            Field("version", .integer, required: true, range: 1...1, "Policy format version; must be 1."),
            Field("protocol", .table(protocolTable), required: true, "The protocol protected."),
            Field("feeds", .tableArray(feed), "Price feeds: sources, validation bounds, aggregation (AntibodySense)."),
            Field("sequencer", .table(sequencer), "L2 sequencer uptime feed (AntibodySense SequencerSentinel)."),
            Field("detectors", .tableArray(detector), "Streaming detectors, one per stream."),
            Field("invariants", .tableArray(invariant), "Conditions over protocol state that must always hold."),
            Field("responses", .table(responses), "Automatic responses."),
            Field("governance", .table(governance), "Who approves what, and bounds on automatic changes."),
            Field("models", .table(models), "Learned models: the transaction classifier ([models.flow])."),
        ])

    static let protocolTable = Table(
        "The protocol protected.",
        [
            Field("name", .string, required: true, "Human-readable name."),
            Field("chain_id", .integer, required: true, range: 1...4_294_967_295, "EVM chain id."),
            Field("kind", .choice(["lending", "vault", "bridge", "amm", "other"]), required: true, "Protocol family."),
            Field("assets", .array(.string), required: true, "Asset symbols watched (prices are asset.price)."),
            Field("markets", .array(.string), "Lending markets (reserves), by name."),
            Field("pools", .array(.string), "AMM pools, by name."),
            Field("vaults", .array(.string), "Vaults (e.g. ERC-4626), by name."),
            Field("bridges", .array(.string), "Bridges, by name."),
            Field("fields", .tableArray(customField), "Extra state fields beyond the built-in ones."),
        ])

    static let customField = Table(
        "An extra state field.",
        [
            Field(
                "entity", .choice(["protocol", "market", "pool", "vault", "bridge", "asset"]), required: true,
                "Entity it belongs to."),
            Field("name", .string, required: true, "Field name (letters, digits, _)."),
            Field("type", .choice(["int", "decimal", "float"]), required: true, "Value type."),
        ])

    static let feed = Table(
        "A price feed.",
        [
            Field("asset", .string, required: true, "Asset priced (must be in protocol.assets)."),
            Field(
                "sources", .array(.string),
                "Source names (exchanges, oracles); with several, the price is their median after outlier rejection."),
            Field(
                "max_staleness", .duration, range: 1...604_800,
                "A source's price older than this is stale (same as heartbeat with grace 0; default: no limit)."),
            Field("heartbeat", .duration, range: 1...604_800, "Longest time between a source's updates."),
            Field("grace", .duration, range: 0...86_400, "Latency allowed past the heartbeat (default 60s)."),
            Field("min_price", .number, range: 0...1e30, "Prices at or below are refused (a clamp, not a price)."),
            Field("max_price", .number, range: 0...1e30, "Prices at or above are refused (a clamp, not a price)."),
            Field(
                "max_jump", .number, range: 0.01...0.99,
                "Largest move between consecutive prices of one source, (max − min) / max (default: no limit)."),
            Field(
                "quorum", .integer, range: 1...64,
                "Sources that must agree before a price is accepted, at least (default 1)."),
            Field(
                "quorum_fraction", .number, range: 0...0.99,
                "More than this fraction of the sources seen must agree (default 0.5: a strict majority)."),
            Field("mad_k", .number, range: 0.5...100, "Outlier when |p − median| > k · scaled MAD (default 3)."),
            Field("min_spread", .number, range: 0...0.5, "Relative floor of the outlier scale (default 0.002)."),
            Field(
                "move_tolerance", .number, range: 0...10,
                "A move beyond this from the last accepted price, with dissent, needs move_quorum (default 0.1)."),
            Field(
                "move_quorum_fraction", .number, range: 0...1,
                "Fraction of the sources that must agree on a contested move (default 2/3)."),
            Field(
                "twap_source", .string, "The source (in sources) that is a TWAP; spot sources are checked against it."),
            Field(
                "max_twap_divergence", .number, range: 0.0001...1,
                "A spot price farther than this from the TWAP is excluded (default 0.05)."),
        ])

    static let sequencer = Table(
        "L2 sequencer uptime feed.",
        [
            Field("stream", .string, required: true, "Observation stream carrying the feed's answer (0 up, 1 down)."),
            Field(
                "grace", .duration, range: 0...604_800,
                "Prices are degraded for this long after a restart (default 1h)."),
            Field(
                "liveness_window", .duration, range: 1...86_400,
                "A block this recent contradicts a 'down' signal (default 2m)."),
        ])

    static let detector = Table(
        "A streaming detector.",
        [
            Field("name", .string, required: true, "Unique name."),
            Field("stream", .string, required: true, "Asset (price stream) it watches."),
            Field("kind", .choice(PolicyDetectorKind.allCases.map(\.rawValue)), required: true, "Algorithm."),
            Field(
                "input", .choice(["log-return", "value"]), "What AntibodyDetect detectors see (default log-return)."),
            Field("window", .integer, range: 2...100_000, "Samples of memory (EWMA span or look-back)."),
            Field("threshold", .number, range: 0...1, "Score at or above which it alarms."),
            Field("max_move", .number, range: 0.0001...10, "price-jump: fractional move that scores 1 (default 0.05)."),
            Field("severity", severity, "Severity of its alarms."),
            Field("breaker", .string, "Breaker it feeds (name in responses.breakers)."),
        ])

    static let invariant = Table(
        "An invariant.",
        [
            Field("name", .string, required: true, "Unique name."),
            Field("expression", .string, required: true, "Condition in the invariant language (docs/policy.md)."),
            Field("severity", severity, "Severity of a violation (default critical)."),
            Field("response", .choice(["alert", "isolate", "pause"]), "What a violation does (default alert)."),
        ])

    static let responses = Table(
        "Automatic responses.",
        [
            Field("breakers", .tableArray(breaker), "Circuit breakers."),
            Field("outflow_limits", .tableArray(outflowLimit), "ERC-7265-style outflow limiters."),
            Field("haircuts", .table(haircuts), "Dynamic LTV / liquidation threshold controller."),
            Field("liquidation_pause", .table(liquidationPause), "Liquidation pause with grace period."),
            Field("pause_decision", .table(pauseDecision), "Cost–benefit rule for pausing."),
        ])

    static let breaker = Table(
        "A circuit breaker.",
        [
            Field("name", .string, required: true, "Unique name."),
            Field(
                "scope", .string, required: true,
                "What it pauses: protocol, market:X, pool:X, vault:X, bridge:X, asset:X."),
            Field("threshold", .number, range: 0...1, "Anomaly score that counts as a bad signal (default 0.99)."),
            Field("trip_after", .integer, range: 1...10_000, "Consecutive bad signals to trip (default 1)."),
            Field("cooldown", .duration, required: true, range: 0...2_592_000, "Quiet time before probing."),
            Field("probe", .duration, required: true, range: 0...2_592_000, "Clean time in half-open to close."),
        ])

    static let outflowLimit = Table(
        "An outflow limiter (ERC-7265).",
        [
            Field("asset", .string, required: true, "Asset limited."),
            Field("min_retained_bps", .integer, required: true, range: 1...10_000, "Liquidity to keep, basis points."),
            Field("limit_begin_threshold", .number, range: 0...1e30, "Liquidity below which it is inactive."),
            Field("window", .duration, range: 60...2_592_000, "Tracked period (default 4h)."),
            Field("tick", .duration, range: 1...86_400, "Tick length (default 5m)."),
            Field("cooldown", .duration, range: 0...2_592_000, "Time after which anyone may lift a trip (default 3d)."),
            Field("grace", .duration, range: 0...2_592_000, "Grace after a governance override (default 0)."),
            Field("on_limit", .choice(["hold", "revert"]), "Hold outflows for claim, or revert them (default hold)."),
        ])

    static let haircuts = Table(
        "Dynamic haircuts.",
        [
            Field("assets", .array(.string), required: true, "Collateral markets."),
            Field("base_ltv", .array(.number), required: true, "LTV of each at calm markets (0–1)."),
            Field("lambda", .number, range: 0.5...0.9999, "EWMA decay per sample (default 0.94)."),
            Field("sample_interval", .duration, range: 1...86_400, "Sampling interval of prices (default 1h)."),
            Field("reference_volatility", .number, range: 0...10, "Annualised volatility without haircut."),
            Field("volatility_sensitivity", .number, range: 0...10, "LTV per unit of excess volatility."),
            Field("reference_correlation", .number, range: -1...1, "Correlation without haircut."),
            Field("correlation_sensitivity", .number, range: 0...10, "LTV per unit of excess correlation."),
            Field("max_step", .number, required: true, range: 0.0001...0.5, "Largest change per step."),
            Field("min_interval", .duration, required: true, range: 0...2_592_000, "Shortest time between changes."),
            Field("floor", .number, required: true, range: 0...1, "Lowest LTV."),
            Field("ceiling", .number, required: true, range: 0...1, "Highest LTV."),
            Field("threshold_spread", .number, range: 0...0.5, "Liquidation threshold minus LTV (default 0.05)."),
            Field(
                "volatility", .choice(["ewma", "forecast", "max"]),
                "Volatility driving the target: ewma, forecast or the larger (default ewma; max with a forecaster)."),
            Field(
                "forecaster", .string,
                "Signed volatility model (antibody models train --kind volatility), relative to this file."),
            Field(
                "forecaster_commitment", .string,
                "Governance's commitment to the forecaster (default <forecaster>.commitment.json)."),
            Field(
                "forecast_horizon", .duration, range: 1...31_536_000,
                "Expected forecast horizon; the model's horizon × sample interval must equal it."),
        ] + signedModelOverrides)

    static let liquidationPause = Table(
        "Liquidation pause.",
        [
            Field("scope", .string, "What it governs (default protocol)."),
            Field("grace", .duration, required: true, range: 0...604_800, "Grace after resuming."),
            Field("min_pause", .duration, range: 0...604_800, "Shortest pause (default 0)."),
        ])

    static let pauseDecision = Table(
        "Pause cost–benefit.",
        [
            Field("midpoint", .number, range: 0...1, "Signal with P(attack) = ½ (default 0.8)."),
            Field("steepness", .number, range: 0.1...1_000, "Calibration slope (default 12)."),
            Field("floor_probability", .number, range: 0...1, "Base rate (default 0.001)."),
            Field("expected_pause_hours", .number, required: true, range: 0...720, "Expected pause length."),
            Field("fees_per_hour_usd", .number, required: true, range: 0...1e12, "Fees lost per hour."),
            Field("user_cost_per_hour_usd", .number, required: true, range: 0...1e12, "User cost per hour."),
            Field("value_at_risk_usd", .number, required: true, range: 0...1e15, "Value at risk if an attack goes on."),
            Field("blocked_liquidation_bad_debt_usd", .number, range: 0...1e15, "Bad debt if liquidations stop."),
        ])

    static let governance = Table(
        "Governance.",
        [
            Field("signers", .array(.string), required: true, "Sentinel / guardian addresses (0x…)."),
            Field("pause_threshold", .integer, required: true, range: 1...100, "Signatures to pause (f + 1)."),
            Field("unpause_threshold", .integer, required: true, range: 1...100, "Signatures to unpause (2f + 1)."),
            Field(
                "timelock", .duration, required: true, range: 0...2_592_000, "Delay on unpause and parameter changes."),
            Field("bounds", .table(bounds), "Bounds on automatic changes."),
            Field(
                "guardian", .string,
                "Guardian contract: EIP-712 verifying contract of model commitments (default the zero address)."),
        ])

    static let bounds = Table(
        "Bounds on automatic changes.",
        [
            Field("max_ltv_step", .number, range: 0...1, "Largest automatic LTV change."),
            Field("min_change_interval", .duration, range: 0...2_592_000, "Shortest time between automatic changes."),
            Field("max_pause", .duration, range: 0...2_592_000, "Longest automatic pause before governance must act."),
        ])
}
