/// Which held-out split the poisoning runs of ``ModelEvaluation`` are measured on.
///
/// Defence settings (the ``TrainingSanitizer`` constants, the defended model's trimming) are
/// chosen on ``validation``; the published figures use ``test``, run once per final setting.
/// Measuring on validation also moves the clean baseline the accuracy drop is taken against to
/// validation, so both sides of the difference come from the same rows.
public enum PoisoningSplit: String, Hashable, Sendable, CaseIterable, Codable {
    /// The held-out test split (the published figures).
    case test
    /// The validation split (for choosing defence settings; never used for the published figures).
    case validation
}
