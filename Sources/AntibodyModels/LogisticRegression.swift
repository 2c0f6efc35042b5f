/// Logistic regression: `p = σ(b + Σ wᵢ zᵢ)` over standardized features `z`.
///
/// Parameters in canonical order: `w₀ … w_{d−1}, b`. Inference on raw inputs uses weights with the
/// standardizer folded in (`wᵢ / scaleᵢ`, `b − Σ wᵢ·meanᵢ / scaleᵢ`): one dot product, no allocation.
public struct LogisticRegression: BinaryClassifier, Hashable {
    public let standardizer: Standardizer
    public let parameters: [Double]
    @usableFromInline let foldedWeights: [Double]
    @usableFromInline let foldedBias: Double

    /// A model with explicit parameters.
    ///
    /// - Throws: ``ModelError`` unless there are `d + 1` finite parameters for the standardizer's `d` features.
    public init(standardizer: Standardizer, parameters: [Double]) throws(ModelError) {
        let d = standardizer.mean.count
        guard parameters.count == d + 1, parameters.allSatisfy(\.isFinite) else {
            throw .invalidInput(
                "logistic regression over \(d) features needs \(d + 1) finite parameters, not \(parameters.count)")
        }
        self.init(unchecked: standardizer, parameters)
    }

    /// A zero-initialised model (logistic regression's loss is convex, so no random start is needed).
    public init(standardizer: Standardizer) {
        self.init(unchecked: standardizer, [Double](repeating: 0, count: standardizer.mean.count + 1))
    }

    init(unchecked standardizer: Standardizer, _ parameters: [Double]) {
        self.standardizer = standardizer
        self.parameters = parameters
        let d = standardizer.mean.count
        var folded = [Double](repeating: 0, count: d)
        var bias = parameters[d]
        for i in 0..<d {
            folded[i] = parameters[i] / standardizer.scale[i]
            bias -= folded[i] * standardizer.mean[i]
        }
        foldedWeights = folded
        foldedBias = bias
    }

    public var architecture: ModelArchitecture { .logistic(inputs: standardizer.mean.count) }

    public func with(parameters: [Double]) -> LogisticRegression { Self(unchecked: standardizer, parameters) }

    @inlinable
    public func logit(raw x: UnsafeBufferPointer<Double>) -> Double {
        foldedWeights.withUnsafeBufferPointer { w in
            var sum = foldedBias
            for i in 0..<w.count { sum += w[i] * x[i] }
            return sum
        }
    }

    public func logit(standardized z: UnsafeBufferPointer<Double>) -> Double {
        var sum = parameters[z.count]
        for i in 0..<z.count { sum += parameters[i] * z[i] }
        return sum
    }

    public func logitGradient(standardized z: [Double]) -> [Double] { Array(parameters.dropLast()) }

    public func accumulateGradient(
        standardized z: UnsafeBufferPointer<Double>, label: Double, weight: Double,
        into gradient: UnsafeMutableBufferPointer<Double>
    ) -> Double {
        let l = logit(standardized: z)
        let delta = weight * (sigmoid(l) - label)
        for i in 0..<z.count { gradient[i] += delta * z[i] }
        gradient[z.count] += delta
        return crossEntropy(logit: l, label: label)
    }
}
