/// The outcome of one scenario run with the defence off and on, with what the report charts.
///
/// Losses are USD at the true price. `detectSeconds` and `containSeconds` count from the first
/// malicious transaction (attacks only) and are `nil` when the defence never detected or never
/// contained. A control's pauses are all false pauses.
public struct ScenarioResult: Hashable, Sendable, Codable {
    /// Short name, e.g. `"bzx-2020"`.
    public var name: String
    /// Attack or control.
    public var kind: ScenarioKind
    /// A human title, e.g. `"bZx (Feb 2020): flash-loan oracle manipulation"`.
    public var title: String
    /// The post-mortem facts and how the model maps them, as written in the scenario file.
    public var facts: String
    /// Loss with the defence off, USD.
    public var lossOffUSD: Double
    /// Loss with the defence on, USD.
    public var lossOnUSD: Double
    /// Seconds from the first malicious transaction to the first alarm or response.
    public var detectSeconds: Double?
    /// Seconds from the first malicious transaction to the first containing action (pause, limit,
    /// isolate).
    public var containSeconds: Double?
    /// Alarms raised that were not about the attack (in a control: every alarm).
    public var falseAlarms: Int
    /// Pauses ordered in calm conditions (in a control: every pause).
    public var falsePauses: Int
    /// Total hours paused with the defence on.
    public var pauseHours: Double
    /// Cost of those pauses, USD (hours × (fees + user cost) per hour from the policy).
    public var pauseCostUSD: Double
    /// Liquidations the defence refused.
    public var liquidationsBlocked: Int
    /// The seed the scenario ran with.
    public var seed: UInt64
    /// Name of the price series charted (e.g. `"TOKEN/USD oracle"`).
    public var priceLabel: String
    /// The price path seen with the defence on.
    public var price: [SeriesPoint]
    /// The price path with the defence off (same seed), if it differs.
    public var priceOff: [SeriesPoint]
    /// Times (seconds) of alarms.
    public var alarms: [Double]
    /// Pauses with the defence on.
    public var pauses: [ReportInterval]
    /// Value locked in the protocol over time, USD, defence off and on.
    public var tvlOff: [SeriesPoint]
    /// Value locked with the defence on.
    public var tvlOn: [SeriesPoint]
    /// Cumulative outflow with the defence on (same unit as `limiterBand`).
    public var outflowOn: [SeriesPoint]
    /// The outflow limiter's allowance per window, if a limiter was configured.
    public var limiterBand: Double?
    /// The engine's decisions with the defence on.
    public var timeline: [TimelineEntry]
    /// What this scenario does not model (shown beside it in the report).
    public var limitations: String

    /// Loss prevented, percent of the loss with the defence off (100 when there was no loss to
    /// prevent and none happened; may be negative when the defence made things worse).
    public var preventedPercent: Double {
        guard lossOffUSD > 0 else { return lossOnUSD > 0 ? -100 : 100 }
        return (lossOffUSD - lossOnUSD) / lossOffUSD * 100
    }

    /// A result with every field; series default to empty.
    public init(
        name: String, kind: ScenarioKind, title: String, facts: String = "", lossOffUSD: Double, lossOnUSD: Double,
        detectSeconds: Double? = nil, containSeconds: Double? = nil, falseAlarms: Int = 0, falsePauses: Int = 0,
        pauseHours: Double = 0, pauseCostUSD: Double = 0, liquidationsBlocked: Int = 0, seed: UInt64 = 0,
        priceLabel: String = "price", price: [SeriesPoint] = [], priceOff: [SeriesPoint] = [], alarms: [Double] = [],
        pauses: [ReportInterval] = [], tvlOff: [SeriesPoint] = [], tvlOn: [SeriesPoint] = [],
        outflowOn: [SeriesPoint] = [], limiterBand: Double? = nil, timeline: [TimelineEntry] = [],
        limitations: String = ""
    ) {
        self.name = name
        self.kind = kind
        self.title = title
        self.facts = facts
        self.lossOffUSD = lossOffUSD
        self.lossOnUSD = lossOnUSD
        self.detectSeconds = detectSeconds
        self.containSeconds = containSeconds
        self.falseAlarms = falseAlarms
        self.falsePauses = falsePauses
        self.pauseHours = pauseHours
        self.pauseCostUSD = pauseCostUSD
        self.liquidationsBlocked = liquidationsBlocked
        self.seed = seed
        self.priceLabel = priceLabel
        self.price = price
        self.priceOff = priceOff
        self.alarms = alarms
        self.pauses = pauses
        self.tvlOff = tvlOff
        self.tvlOn = tvlOn
        self.outflowOn = outflowOn
        self.limiterBand = limiterBand
        self.timeline = timeline
        self.limitations = limitations
    }
}
