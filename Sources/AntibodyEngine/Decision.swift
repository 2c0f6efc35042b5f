public import AntibodyCore

/// One decision of the engine with its evidence: an alarm, an invariant result, a response state
/// change, and the actions it sent to the protocol port.
public struct Decision: Hashable, Sendable, Codable {
    /// What kind of decision.
    public enum Kind: String, Hashable, Sendable, Codable {
        /// A detector's score crossed its threshold.
        case alarm
        /// An invariant did not hold.
        case invariantViolated
        /// An invariant could not be evaluated (division by zero, overflow).
        case invariantFailed
        /// A circuit breaker opened.
        case breakerTripped
        /// A circuit breaker moved to half-open or closed.
        case breakerRecovered
        /// An outflow limiter tripped or was released.
        case limiterChanged
        /// A risk parameter was moved by the haircut controller.
        case parameterChanged
        /// A pause or unpause was decided (with the cost–benefit numbers as evidence).
        case pauseDecided
        /// A price or input was refused by validation (Sense: the price's reasons).
        case inputRejected
        /// The oracle guard's view of a feed or of the L2 sequencer changed: a feed became untrusted
        /// (stale, quorum lost, contested move, sequencer down) or trusted again.
        case senseAlert
        /// A learned model flagged an input, or its input failed validation (out of distribution, or
        /// the recent inputs drift from the training data) so its output was not acted on alone.
        case modelFlagged
    }

    /// Event time of the decision.
    public var timestamp: Timestamp
    /// What kind.
    public var kind: Kind
    /// How serious.
    public var severity: Severity
    /// The rule that decided: a detector (`"ETH/robust-z"`), an invariant or a response name.
    public var source: String
    /// What it concerns (`"asset:ETH"`, `"vault:yvUSDC"`, `"protocol"`).
    public var subject: String
    /// A one-line explanation.
    public var message: String
    /// Named numbers behind it (score, threshold, expected loss, pause cost, …).
    public var evidence: [String: Double]
    /// Actions sent to the port because of it.
    public var actions: [Action]

    /// A decision with all its parts.
    public init(
        timestamp: Timestamp, kind: Kind, severity: Severity, source: String, subject: String, message: String,
        evidence: [String: Double] = [:], actions: [Action] = []
    ) {
        self.timestamp = timestamp
        self.kind = kind
        self.severity = severity
        self.source = source
        self.subject = subject
        self.message = message
        self.evidence = evidence
        self.actions = actions
    }
}
