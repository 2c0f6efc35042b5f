public import AntibodyCore

/// The configuration of ``SourceAggregator``: outlier rejection, quorum, freshness, confidence and
/// reputation. Every default is documented in docs/oracle-guard.md.
public struct AggregatorConfig: Hashable, Sendable {
    /// The number of source indices (`1...64`); scratch buffers are sized once for it.
    public var capacity: Int
    /// `k`: a source is an outlier when `|p − median| > k · max(1.4826 · MAD, minimumSpread · median)`.
    public var madMultiplier: Double
    /// The relative floor of the dispersion scale, so identical honest sources do not make every
    /// tiny difference an outlier (0.002 = 20 bps).
    public var minimumSpread: Double
    /// A price needs more than this fraction of the source set to agree (0.5: a strict majority).
    public var quorumFraction: Double
    /// A price needs at least this many agreeing sources, whatever the set size.
    public var minimumQuorum: Int
    /// When the agreeing sources moved the price by more than ``moveTolerance`` from the last accepted
    /// price while others dissent, at least this fraction of the set must agree (a supermajority).
    public var moveQuorumFraction: Double
    /// The relative move from the last accepted price beyond which a split needs the supermajority.
    public var moveTolerance: Double
    /// How long the last accepted price serves as the reference for ``moveTolerance``.
    public var anchorMaxAge: Timestamp.Duration
    /// A quote older than this is stale.
    public var maxQuoteAge: Timestamp.Duration
    /// A quote newer than `now` plus this is in the future.
    public var futureTolerance: Timestamp.Duration
    /// A quote whose `confidence / price` exceeds this is excluded as too uncertain.
    public var maxRelativeConfidence: Double
    /// The relative confidence assumed for weighting when a source reports none or a smaller one.
    public var confidenceFloor: Double
    /// Each outlier multiplies a source's reputation by `1 − reputationDecay`.
    public var reputationDecay: Double
    /// Each agreeing quote moves a source's reputation `reputationRecovery` of the way back to 1.
    public var reputationRecovery: Double
    /// A source whose reputation is below this is excluded (but still scored, so it can recover).
    public var reputationFloor: Double

    /// A configuration with the documented defaults.
    public init(
        capacity: Int = 16, madMultiplier: Double = 3, minimumSpread: Double = 0.002, quorumFraction: Double = 0.5,
        minimumQuorum: Int = 1, moveQuorumFraction: Double = 2.0 / 3.0, moveTolerance: Double = 0.1,
        anchorMaxAge: Timestamp.Duration = .hours(1), maxQuoteAge: Timestamp.Duration = .seconds(120),
        futureTolerance: Timestamp.Duration = .seconds(15), maxRelativeConfidence: Double = 0.02,
        confidenceFloor: Double = 0.0005, reputationDecay: Double = 0.3, reputationRecovery: Double = 0.1,
        reputationFloor: Double = 0.3
    ) {
        self.capacity = capacity
        self.madMultiplier = madMultiplier
        self.minimumSpread = minimumSpread
        self.quorumFraction = quorumFraction
        self.minimumQuorum = minimumQuorum
        self.moveQuorumFraction = moveQuorumFraction
        self.moveTolerance = moveTolerance
        self.anchorMaxAge = anchorMaxAge
        self.maxQuoteAge = maxQuoteAge
        self.futureTolerance = futureTolerance
        self.maxRelativeConfidence = maxRelativeConfidence
        self.confidenceFloor = confidenceFloor
        self.reputationDecay = reputationDecay
        self.reputationRecovery = reputationRecovery
        self.reputationFloor = reputationFloor
    }

    /// Checks every field; throws an error naming the bad one and the accepted range.
    public func validate() throws(SenseError) {
        func fraction(_ value: Double, _ name: String, _ range: ClosedRange<Double>) throws(SenseError) {
            guard value.isFinite, range.contains(value) else {
                throw .invalidConfiguration("\(name) is \(value); use \(range.lowerBound)…\(range.upperBound)")
            }
        }
        guard (1...SourceSet.capacity).contains(capacity) else {
            throw .invalidConfiguration("aggregator capacity is \(capacity); use 1…\(SourceSet.capacity) sources")
        }
        try fraction(madMultiplier, "MAD multiplier k", 0.5...100)
        try fraction(minimumSpread, "minimum spread", 0...0.5)
        try fraction(quorumFraction, "quorum fraction", 0...0.99)
        guard (1...SourceSet.capacity).contains(minimumQuorum) else {
            throw .invalidConfiguration("minimum quorum is \(minimumQuorum); use 1…\(SourceSet.capacity)")
        }
        try fraction(moveQuorumFraction, "move quorum fraction", 0...1)
        try fraction(moveTolerance, "move tolerance", 0...10)
        try fraction(maxRelativeConfidence, "max relative confidence", 0...1)
        try fraction(confidenceFloor, "confidence floor", 1e-12...1)
        try fraction(reputationDecay, "reputation decay", 0...1)
        try fraction(reputationRecovery, "reputation recovery", 0...1)
        try fraction(reputationFloor, "reputation floor", 0...1)
        guard anchorMaxAge.milliseconds >= 0, maxQuoteAge.milliseconds > 0, futureTolerance.milliseconds >= 0 else {
            throw .invalidConfiguration("anchor age, quote age and future tolerance must not be negative (quote age > 0)")
        }
    }
}
