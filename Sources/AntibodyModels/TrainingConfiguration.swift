/// Hyper-parameters of ``Trainer``: minibatch Adam on binary cross-entropy with L2 regularisation.
public struct TrainingConfiguration: Hashable, Sendable {
    /// Passes over the training data.
    public var epochs = 25
    /// Examples per step.
    public var batchSize = 64
    /// Adam's step size.
    public var learningRate = 0.01
    /// L2 penalty on all parameters.
    public var l2 = 1e-4
    /// How a batch's gradients are combined.
    public var robust = RobustTraining.standard
    /// Adversarial training: attack examples in each batch are replaced, with probability
    /// `adversarialFraction`, by the `adversarial` attack's PGD perturbation against the current model.
    public var adversarial: EvasionAttack? = nil
    /// The probability an attack example is replaced by its adversarial version.
    public var adversarialFraction = 0.5

    /// The defaults.
    public init() {}

    /// Checks ranges.
    ///
    /// - Throws: ``ModelError`` naming the offending setting.
    public func validated() throws(ModelError) -> TrainingConfiguration {
        guard (1...10_000).contains(epochs) else { throw .invalidInput("epochs must be 1…10,000, not \(epochs)") }
        guard (1...65_536).contains(batchSize) else {
            throw .invalidInput("batch size must be 1…65,536, not \(batchSize)")
        }
        guard learningRate.isFinite, learningRate > 0, learningRate <= 1 else {
            throw .invalidInput("learning rate must be in (0, 1], not \(learningRate)")
        }
        guard l2.isFinite, l2 >= 0, l2 <= 1 else { throw .invalidInput("l2 must be in [0, 1], not \(l2)") }
        guard adversarialFraction.isFinite, (0...1).contains(adversarialFraction) else {
            throw .invalidInput("the adversarial fraction must be in [0, 1], not \(adversarialFraction)")
        }
        _ = try robust.validated()
        return self
    }
}
