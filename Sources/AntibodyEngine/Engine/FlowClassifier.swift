import AntibodyCore
import AntibodyModels

/// The engine's running state for `[models.flow]`: the verified model, its input validator (with
/// the drift window) and which scopes it has paused.
struct FlowClassifier {
    /// One transaction's verdict.
    struct Verdict {
        /// The model's attack probability.
        var probability: Double
        /// The input check that preceded it.
        var assessment: InputAssessment
    }

    let spec: Policy.FlowModelSpec
    private(set) var validator: InputValidator
    /// Whether the last assessment found drifting features (decisions are made on the edges).
    var drifting = false
    /// Scopes this model paused (the engine does not lift them: governance does).
    var paused: Set<ActionScope> = []

    init(_ spec: Policy.FlowModelSpec) {
        self.spec = spec
        // The builder checked the reference against the specification and bounded window and
        // distance to the validator's accepted ranges.
        validator = try! InputValidator(
            reference: spec.reference, specification: spec.artifact.specification, window: spec.window,
            distanceThreshold: spec.maxDistance)
    }

    /// Validates `features` against the training reference (updating the drift window), then
    /// scores them. No allocation unless a feature drifts.
    ///
    /// - Throws: ``ModelError`` if a value is outside the model's feature bounds (not scored, the
    ///   window unchanged).
    mutating func score(_ features: TransactionFeatures) throws(ModelError) -> Verdict {
        let result: Result<Verdict, ModelError> = features.withUnsafeValues { values in
            do throws(ModelError) {
                let assessment = try validator.assess(raw: values)
                let probability = try spec.artifact.classify(raw: values).probability
                return .success(Verdict(probability: probability, assessment: assessment))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }
}
