public import AntibodyCore

/// The oracle guard's answer about one price at one moment: what the price is, how far it can be
/// trusted, why, and which sources it rests on.
///
/// Detectors and the engine consume verdicts, never raw source prices. A verdict is a plain value
/// of fixed size (bit masks for reasons and sources): producing one never allocates.
public struct PriceVerdict: Hashable, Sendable, Codable {
    /// The evaluation time.
    public var timestamp: Timestamp
    /// How far the price can be trusted.
    public var status: VerdictStatus
    /// The price, or `nil` when no price can be trusted (never an attacker's or a clamped price).
    public var price: Double?
    /// Every reason found, for the verdict and for the sources it excluded.
    public var reasons: ReasonSet
    /// The sources the price rests on.
    public var used: SourceSet
    /// The sources excluded, for any reason.
    public var excluded: SourceSet
    /// The lower end of the confidence interval, when there is a price.
    public var lower: Double?
    /// The upper end of the confidence interval, when there is a price.
    public var upper: Double?

    /// A verdict with every field given.
    @inlinable
    public init(
        timestamp: Timestamp, status: VerdictStatus, price: Double?, reasons: ReasonSet,
        used: SourceSet = SourceSet(), excluded: SourceSet = SourceSet(), lower: Double? = nil, upper: Double? = nil
    ) {
        self.timestamp = timestamp
        self.status = status
        self.price = price
        self.reasons = reasons
        self.used = used
        self.excluded = excluded
        self.lower = lower
        self.upper = upper
    }

    /// An untrusted verdict with no price.
    @inlinable
    public static func untrusted(
        at timestamp: Timestamp, reasons: ReasonSet, excluded: SourceSet = SourceSet()
    ) -> PriceVerdict {
        PriceVerdict(timestamp: timestamp, status: .untrusted, price: nil, reasons: reasons, excluded: excluded)
    }

    /// The confidence interval `lower...upper`, when there is a price.
    @inlinable
    public var interval: ClosedRange<Double>? {
        guard let lower, let upper, lower <= upper else { return nil }
        return lower...upper
    }

    /// The price if the verdict is not `untrusted`.
    @inlinable
    public var usablePrice: Double? { status == .untrusted ? nil : price }
}
