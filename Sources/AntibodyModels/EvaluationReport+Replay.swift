extension EvaluationReport {
    /// The generalisation test on traffic recorded from full simulated runs (`replay` in the JSON):
    /// the models trained on archetype traffic, evaluated on replayed traffic at the thresholds chosen
    /// on archetype validation, and models trained and thresholded on replayed traffic.
    public struct Replay: Hashable, Sendable, Codable {
        /// Replayed rows in each split (disjoint recording seeds).
        public var trainRows: Int
        /// Validation rows.
        public var validationRows: Int
        /// Test rows.
        public var testRows: Int
        /// Attack rows among the test rows.
        public var testAttackRows: Int
        /// The archetype-trained MLP on replayed test traffic (its archetype-validation threshold).
        public var archetypeMLP: Clean
        /// The archetype-trained logistic regression on replayed test traffic.
        public var archetypeLogistic: Clean
        /// An MLP trained on replayed traffic, thresholded on replayed validation, on replayed test.
        public var replayMLP: Clean
        /// A logistic regression trained on replayed traffic, likewise.
        public var replayLogistic: Clean
        /// Recall per attacker kind on the replayed test rows.
        public var perAttack: [AttackRecall]
        /// Share of each benign agent kind's replayed test rows flagged (false positives per kind).
        public var perBenign: [KindFlagRate]
        /// Features whose distribution on replayed test traffic differs from the archetype training
        /// reference (per-feature KS/PSI over a 256-row window spread across the test rows).
        public var driftedFromArchetype: [String]
    }

    /// Recall on one attacker kind's replayed test rows.
    public struct AttackRecall: Hashable, Sendable, Codable {
        /// The attacker kind.
        public var kind: String
        /// Its test rows.
        public var rows: Int
        /// Recall of the archetype-trained MLP.
        public var archetypeMLP: Double
        /// Recall of the archetype-trained logistic regression.
        public var archetypeLogistic: Double
        /// Recall of the replay-trained MLP.
        public var replayMLP: Double
        /// Recall of an MLP trained on replayed traffic without this attacker's rows (held-out
        /// attacker), thresholded on replayed validation; absent without training kinds.
        public var replayMLPHeldOut: Double? = nil
    }

    /// Share of one benign agent kind's replayed test rows each model flags as attacks.
    public struct KindFlagRate: Hashable, Sendable, Codable {
        /// The agent kind.
        public var kind: String
        /// Its test rows.
        public var rows: Int
        /// Flagged by the archetype-trained MLP.
        public var archetypeMLP: Double
        /// Flagged by the archetype-trained logistic regression.
        public var archetypeLogistic: Double
        /// Flagged by the replay-trained MLP.
        public var replayMLP: Double
    }
}
