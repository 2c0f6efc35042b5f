/// Per-feature centring and scaling, `z = (x − mean) / scale`, fitted on training data and stored
/// (and signed) with the model so inference applies exactly the training transform.
public struct Standardizer: Hashable, Sendable {
    /// The per-feature means.
    public let mean: [Double]
    /// The per-feature scales (standard deviations; 1 for a constant feature).
    public let scale: [Double]

    /// A standardizer with explicit values.
    ///
    /// - Throws: ``ModelError`` unless the lengths match and every value is finite with scale > 0.
    public init(mean: [Double], scale: [Double]) throws(ModelError) {
        guard mean.count == scale.count, !mean.isEmpty else {
            throw .invalidInput("standardizer: \(mean.count) means and \(scale.count) scales")
        }
        guard mean.allSatisfy(\.isFinite), scale.allSatisfy({ $0.isFinite && $0 > 0 }) else {
            throw .invalidInput("standardizer: means must be finite and scales finite and positive")
        }
        self.mean = mean
        self.scale = scale
    }

    /// The standardizer of `dataset`'s rows (population standard deviation; a constant feature gets scale 1).
    public init(fitting dataset: Dataset) {
        let d = dataset.specification.dimension
        var mean = [Double](repeating: 0, count: d)
        var m2 = [Double](repeating: 0, count: d)
        var n = 0.0
        for row in dataset.rows {
            n += 1
            for i in 0..<d {
                let delta = row[i] - mean[i]
                mean[i] += delta / n
                m2[i] += delta * (row[i] - mean[i])
            }
        }
        self.mean = mean
        self.scale = m2.map { n > 0 && $0 / n > 1e-18 ? ($0 / n).squareRoot() : 1 }
    }

    /// The identity transform in `dimension` features.
    public init(identity dimension: Int) {
        mean = [Double](repeating: 0, count: dimension)
        scale = [Double](repeating: 1, count: dimension)
    }

    /// `x` standardized.
    @inlinable
    public func transform(_ x: [Double]) -> [Double] {
        var z = x
        for i in z.indices { z[i] = (x[i] - mean[i]) / scale[i] }
        return z
    }

    /// `z` mapped back to raw units.
    @inlinable
    public func inverse(_ z: [Double]) -> [Double] {
        var x = z
        for i in x.indices { x[i] = z[i] * scale[i] + mean[i] }
        return x
    }
}
