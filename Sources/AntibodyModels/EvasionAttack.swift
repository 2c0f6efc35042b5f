/// Gradient evasion attacks (FGSM, Goodfellow et al. 2015; PGD, Madry et al. 2018) on an attack
/// transaction's features, within what an attacker can really change (``FeatureConstraint``).
///
/// The budget is an L∞ ball of radius ``epsilon`` measured in *reference standard deviations*
/// (``scale``, fixed from the clean training data so every model is attacked in the same units),
/// intersected with each feature's direction constraint and bounds: splitting can only lower size,
/// price impact and outflow share; routing can move contract age and call depth; flash-loan use,
/// the price deviation and withdrawal ratio the attack needs, and protocol state are fixed. The
/// attacker lowers the model's logit (makes the transaction look benign). Treating the mutable
/// features as independent is a relaxation in the attacker's favour (in reality splitting lowers
/// size, impact and outflow together).
public struct EvasionAttack: Hashable, Sendable {
    /// The features and their constraints.
    public let specification: FeatureSpecification
    /// The unit of the budget per feature (reference standard deviations).
    public let scale: [Double]
    /// The L∞ radius, in units of ``scale``.
    public let epsilon: Double
    /// PGD iterations.
    public let steps: Int
    /// PGD step, in units of ``scale``.
    public let stepSize: Double

    /// An attack.
    ///
    /// - Throws: ``ModelError`` for a scale of the wrong length or non-positive values, ε outside
    ///   [0, 100], or steps outside 1…1000.
    public init(
        specification: FeatureSpecification, scale: [Double], epsilon: Double, steps: Int = 20,
        stepSize: Double? = nil
    ) throws(ModelError) {
        guard scale.count == specification.dimension, scale.allSatisfy({ $0.isFinite && $0 > 0 }) else {
            throw .invalidInput("the attack scale needs \(specification.dimension) positive values")
        }
        guard epsilon.isFinite, (0...100).contains(epsilon) else {
            throw .invalidInput("epsilon must be in [0, 100], not \(epsilon)")
        }
        guard (1...1000).contains(steps) else { throw .invalidInput("PGD steps must be 1…1000, not \(steps)") }
        self.specification = specification
        self.scale = scale
        self.epsilon = epsilon
        self.steps = steps
        self.stepSize = stepSize ?? (2.5 * epsilon / Double(steps))
    }

    /// One signed-gradient step of size ε (FGSM).
    public func fgsm(_ x: [Double], against model: some BinaryClassifier) -> [Double] {
        let g = model.rawLogitGradient(x)
        var candidate = x
        for i in x.indices { candidate[i] -= epsilon * scale[i] * sign(g[i]) }
        return project(candidate, original: x)
    }

    /// Projected gradient descent on the logit: `steps` signed steps of ``stepSize``, each
    /// projected back onto the feasible set; returns the iterate with the lowest logit seen.
    public func pgd(_ x: [Double], against model: some BinaryClassifier) -> [Double] {
        var current = x
        var best = x
        var bestLogit = model.logit(x)
        for _ in 0..<steps {
            let g = model.rawLogitGradient(current)
            var candidate = current
            for i in x.indices { candidate[i] -= stepSize * scale[i] * sign(g[i]) }
            current = project(candidate, original: x)
            let l = model.logit(current)
            if l < bestLogit {
                bestLogit = l
                best = current
            }
        }
        return best
    }

    /// `candidate` projected onto the feasible set around `original`: the ε-box, direction
    /// constraints, bounds, and whole call depths.
    public func project(_ candidate: [Double], original: [Double]) -> [Double] {
        var out = original
        for (i, feature) in specification.features.enumerated() {
            let radius = epsilon * scale[i]
            var low = original[i] - radius, high = original[i] + radius
            switch feature.constraint {
            case .immutable: continue
            case .decreaseOnly: high = original[i]
            case .increaseOnly: low = original[i]
            case .free: break
            }
            if feature.isBinary { continue }
            var value = min(max(candidate[i], low), high)
            value = min(max(value, feature.minimum), feature.maximum)
            if feature.name == "callDepth" { value = min(max(value.rounded(), feature.minimum), feature.maximum) }
            out[i] = value
        }
        return out
    }

    private func sign(_ value: Double) -> Double { value > 0 ? 1 : (value < 0 ? -1 : 0) }
}
