/// How each minibatch's per-example gradients are combined (the robust-training defence).
public enum RobustTraining: Hashable, Sendable {
    /// The mean gradient (ordinary empirical-risk minimisation).
    case standard
    /// Trimmed loss: the `fraction` of each batch with the highest loss is left out of the step, so
    /// mislabelled or planted examples (which the model finds hard) do not pull it.
    case trimmedLoss(fraction: Double)
    /// Median of means: the batch is split into `groups`, each group's mean gradient computed, and
    /// the coordinate-wise median of the group means taken (bounded influence of any one group).
    case medianOfMeans(groups: Int)

    /// Checks the parameter.
    func validated() throws(ModelError) -> RobustTraining {
        switch self {
        case .standard: return self
        case .trimmedLoss(let f):
            guard f.isFinite, (0..<0.9).contains(f) else {
                throw .invalidInput("the trimmed fraction must be in [0, 0.9), not \(f)")
            }
        case .medianOfMeans(let g):
            guard (1...256).contains(g) else { throw .invalidInput("median-of-means groups must be 1…256, not \(g)") }
        }
        return self
    }
}
