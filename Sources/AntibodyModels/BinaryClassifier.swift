/// A differentiable attack / benign classifier over a feature specification.
///
/// Inference takes raw features (the standardizer is folded into the first layer, so it costs no
/// extra pass and no allocation); training and attacks work on standardized inputs `z`.
public protocol BinaryClassifier: Sendable {
    /// The architecture.
    var architecture: ModelArchitecture { get }
    /// The input transform fitted on the training data.
    var standardizer: Standardizer { get }
    /// The trainable parameters, in the architecture's canonical order.
    var parameters: [Double] { get }
    /// This model with other parameters (same count).
    func with(parameters: [Double]) -> Self
    /// The logit for a raw input of ``ModelArchitecture/inputs`` values. No allocation.
    func logit(raw x: UnsafeBufferPointer<Double>) -> Double
    /// The logit for a standardized input.
    func logit(standardized z: UnsafeBufferPointer<Double>) -> Double
    /// ∂logit/∂z at a standardized input.
    func logitGradient(standardized z: [Double]) -> [Double]
    /// Adds `weight · ∂loss/∂θ` (binary cross-entropy) at `(z, label)` to `gradient`; returns the loss.
    func accumulateGradient(
        standardized z: UnsafeBufferPointer<Double>, label: Double, weight: Double,
        into gradient: UnsafeMutableBufferPointer<Double>
    ) -> Double
}

extension BinaryClassifier {
    /// The attack probability of a raw input (σ of the logit). No allocation.
    @inlinable
    public func probability(_ x: [Double]) -> Double {
        x.withUnsafeBufferPointer { sigmoid(logit(raw: $0)) }
    }

    /// The logit of a raw input.
    @inlinable
    public func logit(_ x: [Double]) -> Double {
        x.withUnsafeBufferPointer { logit(raw: $0) }
    }

    /// The loss at a standardized input.
    public func loss(standardized z: [Double], label: Double) -> Double {
        crossEntropy(logit: z.withUnsafeBufferPointer { logit(standardized: $0) }, label: label)
    }

    /// ∂logit/∂x at a raw input.
    public func rawLogitGradient(_ x: [Double]) -> [Double] {
        let z = standardizer.transform(x)
        var g = logitGradient(standardized: z)
        for i in g.indices { g[i] /= standardizer.scale[i] }
        return g
    }
}
