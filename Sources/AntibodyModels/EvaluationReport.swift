/// Everything ``ModelEvaluation`` measures; its JSON keys are the ones `antibody models eval --json` prints.
public struct EvaluationReport: Hashable, Sendable, Codable {
    /// Detection metrics on held-out traffic at the operating threshold.
    public struct Clean: Hashable, Sendable, Codable {
        public var precision: Double
        public var recall: Double
        public var falsePositiveRate: Double
        public var auc: Double
        public var accuracy: Double
        public var threshold: Double
    }

    /// One side (defended or undefended) of a poisoning row.
    public struct PoisoningOutcome: Hashable, Sendable, Codable {
        /// Clean-test accuracy lost to label flipping, percentage points (at threshold 0.5).
        public var accuracyDrop: Double
        /// Share of triggered held-out attacks passed as benign by the backdoored model.
        public var backdoorSuccess: Double
        /// Clean-test accuracy lost by the backdoored model, percentage points.
        public var backdoorAccuracyDrop: Double
    }

    /// Poisoning at one rate.
    public struct Poisoning: Hashable, Sendable, Codable {
        public var rate: Double
        public var defended: PoisoningOutcome
        public var undefended: PoisoningOutcome
    }

    /// Evasion at one budget.
    public struct Evasion: Hashable, Sendable, Codable {
        /// The L∞ budget, in reference standard deviations of each mutable feature.
        public var epsilon: Double
        /// PGD success (detected attacks turned benign) against the standard model.
        public var undefendedSuccess: Double
        /// PGD success against the adversarially trained model.
        public var defendedSuccess: Double
        /// Clean accuracy the adversarial training costs, percentage points.
        public var cleanAccuracyCost: Double
        /// FGSM success against the standard model.
        public var fgsmUndefendedSuccess: Double
        /// FGSM success against the adversarially trained model.
        public var fgsmDefendedSuccess: Double
        /// The adversarially trained model's clean metrics.
        public var defendedClean: Clean
    }

    /// One point of the extraction curve.
    public struct ExtractionPoint: Hashable, Sendable, Codable {
        public var queries: Int
        public var undefendedAgreement: Double
        public var defendedAgreement: Double
    }

    /// Extraction through a decisions-only interface (randomized response) at the operating budget.
    public struct DecisionPoint: Hashable, Sendable, Codable {
        /// ε per answer (randomized response; flip probability 1 / (1 + e^ε)).
        public var epsilonPerQuery: Double
        /// ε the attacker spent (basic composition).
        public var epsilon: Double
        /// Surrogate agreement on fresh inputs.
        public var agreement: Double
        /// Share of an honest client's decisions left unchanged.
        public var honestDecisionAgreement: Double
    }

    /// The zero-query extraction baseline: the surrogate trained on `rows` public-traffic rows with
    /// their true labels, never asking the model.
    public struct GroundTruthPoint: Hashable, Sendable, Codable {
        /// Public-traffic rows labelled.
        public var rows: Int
        /// Surrogate agreement with the model's decisions (at 0.5) on fresh inputs.
        public var agreement: Double
        /// Surrogate accuracy against the fresh inputs' true labels.
        public var accuracy: Double
    }

    /// Extraction at the operating budget.
    public struct Extraction: Hashable, Sendable, Codable {
        /// Queries per client per period.
        public var budget: Int
        /// ε the attacking client spent (basic composition).
        public var epsilon: Double
        /// ε per answer.
        public var epsilonPerQuery: Double
        /// Surrogate agreement with unlimited exact answers.
        public var undefendedAgreement: Double
        /// Queries the undefended attacker made.
        public var undefendedQueries: Int
        /// Surrogate agreement through the defended interface.
        public var defendedAgreement: Double
        /// Share of an honest client's decisions (at the operating threshold) the noise leaves unchanged.
        public var honestDecisionAgreement: Double
        /// Agreement versus queries.
        public var curve: [ExtractionPoint]
        /// Decisions only (no score) at the operating threshold, per ε.
        public var decisionsOnly: [DecisionPoint] = []
        /// The zero-query baseline per labelled row count (empty without labelled public traffic).
        public var groundTruthCurve: [GroundTruthPoint] = []
        /// The model's own accuracy (decision at 0.5) against the fresh inputs' true labels.
        public var modelFreshAccuracy: Double? = nil
    }

    /// Input validation figures.
    public struct InputValidation: Hashable, Sendable, Codable {
        /// Share of held-out in-distribution inputs flagged out of distribution.
        public var inDistributionFlagged: Double
        /// Share of shifted inputs (every continuous feature moved 4 reference SDs) flagged.
        public var shiftedFlagged: Double
        /// Features flagged by KS/PSI on a window of held-out traffic.
        public var driftedOnHeldOut: [String]
        /// Features flagged on a window of traffic whose market volatility tripled.
        public var driftedOnVolatileWindow: [String]
    }

    /// The volatility forecaster's out-of-sample fit.
    public struct Volatility: Hashable, Sendable, Codable {
        public var horizon: Int
        public var r2: Double
        public var ewmaR2: Double
    }

    public var seed: UInt64
    public var model: String
    public var trainRows: Int
    public var testRows: Int
    public var clean: Clean
    public var logisticClean: Clean
    public var poisoning: [Poisoning]
    public var evasion: Evasion
    public var extraction: Extraction
    public var inputValidation: InputValidation
    public var volatility: Volatility?
    /// The split the poisoning rows were measured on (validation only when choosing defences).
    public var poisoningSplit = PoisoningSplit.test
    /// The generalisation test on traffic replayed from full simulated runs (absent unless measured).
    public var replay: Replay? = nil
}
