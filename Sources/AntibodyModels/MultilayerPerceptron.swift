/// A one-hidden-layer perceptron: `p = σ(b₂ + Σⱼ vⱼ · relu(b₁ⱼ + Σᵢ Wⱼᵢ zᵢ))` over standardized `z`.
///
/// Parameters in canonical order: `W` (hidden × inputs, row-major), `b₁` (hidden), `v` (hidden),
/// `b₂`. Inference on raw inputs uses a first layer with the standardizer folded in and computes
/// each hidden unit on the fly: `hidden · (inputs + 2)` multiply-adds, no allocation.
public struct MultilayerPerceptron: BinaryClassifier, Hashable {
    public let standardizer: Standardizer
    public let parameters: [Double]
    /// The number of hidden units.
    public let hidden: Int
    @usableFromInline let foldedFirst: [Double]  // hidden × (inputs + 1): weights then bias per unit
    @usableFromInline let output: [Double]  // v then b₂

    /// A model with explicit parameters.
    ///
    /// - Throws: ``ModelError`` unless `hidden` is 1…1024 and the parameter count and values fit.
    public init(standardizer: Standardizer, hidden: Int, parameters: [Double]) throws(ModelError) {
        let d = standardizer.mean.count
        guard (1...1024).contains(hidden) else { throw .invalidInput("hidden units must be 1…1024, not \(hidden)") }
        let expected = ModelArchitecture.multilayerPerceptron(inputs: d, hidden: hidden).parameterCount
        guard parameters.count == expected, parameters.allSatisfy(\.isFinite) else {
            throw .invalidInput("an MLP \(d)→\(hidden)→1 needs \(expected) finite parameters, not \(parameters.count)")
        }
        self.init(unchecked: standardizer, hidden, parameters)
    }

    /// A randomly initialised model (He-normal first layer, small output layer), drawn from `rng`.
    ///
    /// - Throws: ``ModelError`` unless `hidden` is 1…1024.
    public init(standardizer: Standardizer, hidden: Int, using rng: inout some RandomNumberGenerator) throws(ModelError)
    {
        let d = standardizer.mean.count
        guard (1...1024).contains(hidden) else { throw .invalidInput("hidden units must be 1…1024, not \(hidden)") }
        var p: [Double] = []
        let firstScale = (2.0 / Double(d)).squareRoot()
        for _ in 0..<(hidden * d) { p.append(firstScale * Sampling.gaussian(&rng)) }
        for _ in 0..<hidden { p.append(0.01) }
        let outScale = (1.0 / Double(hidden)).squareRoot()
        for _ in 0..<hidden { p.append(outScale * Sampling.gaussian(&rng)) }
        p.append(0)
        self.init(unchecked: standardizer, hidden, p)
    }

    init(unchecked standardizer: Standardizer, _ hidden: Int, _ parameters: [Double]) {
        self.standardizer = standardizer
        self.hidden = hidden
        self.parameters = parameters
        let d = standardizer.mean.count
        var first = [Double](repeating: 0, count: hidden * (d + 1))
        for j in 0..<hidden {
            var bias = parameters[hidden * d + j]
            for i in 0..<d {
                let w = parameters[j * d + i] / standardizer.scale[i]
                first[j * (d + 1) + i] = w
                bias -= w * standardizer.mean[i]
            }
            first[j * (d + 1) + d] = bias
        }
        foldedFirst = first
        output = Array(parameters[(hidden * d + hidden)...])
    }

    public var architecture: ModelArchitecture {
        .multilayerPerceptron(inputs: standardizer.mean.count, hidden: hidden)
    }

    public func with(parameters: [Double]) -> MultilayerPerceptron { Self(unchecked: standardizer, hidden, parameters) }

    @inlinable
    public func logit(raw x: UnsafeBufferPointer<Double>) -> Double {
        let d = x.count
        return foldedFirst.withUnsafeBufferPointer { w in
            output.withUnsafeBufferPointer { v in
                var sum = v[hidden]
                var row = 0
                for j in 0..<hidden {
                    var a = w[row + d]
                    for i in 0..<d { a += w[row + i] * x[i] }
                    if a > 0 { sum += v[j] * a }
                    row += d + 1
                }
                return sum
            }
        }
    }

    public func logit(standardized z: UnsafeBufferPointer<Double>) -> Double {
        let d = z.count
        var sum = parameters[parameters.count - 1]
        for j in 0..<hidden {
            var a = parameters[hidden * d + j]
            for i in 0..<d { a += parameters[j * d + i] * z[i] }
            if a > 0 { sum += parameters[hidden * d + hidden + j] * a }
        }
        return sum
    }

    public func logitGradient(standardized z: [Double]) -> [Double] {
        let d = z.count
        var g = [Double](repeating: 0, count: d)
        for j in 0..<hidden {
            var a = parameters[hidden * d + j]
            for i in 0..<d { a += parameters[j * d + i] * z[i] }
            guard a > 0 else { continue }
            let v = parameters[hidden * d + hidden + j]
            for i in 0..<d { g[i] += v * parameters[j * d + i] }
        }
        return g
    }

    public func accumulateGradient(
        standardized z: UnsafeBufferPointer<Double>, label: Double, weight: Double,
        into gradient: UnsafeMutableBufferPointer<Double>
    ) -> Double {
        let d = z.count
        let h = hidden
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: h) { act in
            var l = parameters[parameters.count - 1]
            for j in 0..<h {
                var a = parameters[h * d + j]
                for i in 0..<d { a += parameters[j * d + i] * z[i] }
                act[j] = a
                if a > 0 { l += parameters[h * d + h + j] * a }
            }
            let delta = weight * (sigmoid(l) - label)
            for j in 0..<h where act[j] > 0 {
                gradient[h * d + h + j] += delta * act[j]
                let back = delta * parameters[h * d + h + j]
                gradient[h * d + j] += back
                for i in 0..<d { gradient[j * d + i] += back * z[i] }
            }
            gradient[h * d + 2 * h] += delta
            return crossEntropy(logit: l, label: label)
        }
    }
}
