/// Trains a ``BinaryClassifier``: minibatch Adam (Kingma & Ba 2015; β₁ 0.9, β₂ 0.999, ε 1e−8)
/// on binary cross-entropy plus L2, with the batch combination of ``RobustTraining`` and optional
/// adversarial training.
///
/// Deterministic: the only randomness is the batch order (a Fisher–Yates shuffle per epoch) and
/// the adversarial coin flips, both drawn from the generator passed in.
public enum Trainer {
    /// `model` trained on `dataset` (its standardizer is kept: fit it on the same data first).
    ///
    /// - Parameter progress: called after each epoch with (epochs done, total).
    /// - Throws: ``ModelError`` for a bad configuration, an empty dataset or a dimension mismatch.
    public static func train<Model: BinaryClassifier>(
        _ model: Model, on dataset: Dataset, configuration: TrainingConfiguration,
        using rng: inout some RandomNumberGenerator, progress: (Int, Int) -> Void = { _, _ in }
    ) throws(ModelError) -> Model {
        let config = try configuration.validated()
        let d = dataset.specification.dimension
        guard model.architecture.inputs == d else {
            throw .invalidInput("the model takes \(model.architecture.inputs) features; the data has \(d)")
        }
        guard dataset.count > 0 else { throw .invalidInput("cannot train on an empty dataset") }
        let n = dataset.count
        var z = [Double](repeating: 0, count: n * d)
        for (r, row) in dataset.rows.enumerated() {
            for i in 0..<d { z[r * d + i] = (row[i] - model.standardizer.mean[i]) / model.standardizer.scale[i] }
        }
        let y = dataset.labels.map { $0 ? 1.0 : 0.0 }
        var model = model
        var theta = model.parameters
        let p = theta.count
        var m = [Double](repeating: 0, count: p)
        var v = [Double](repeating: 0, count: p)
        var step = 0.0
        var batchGradient = [Double](repeating: 0, count: p)
        var groupGradients: [[Double]] = []
        var losses: [(loss: Double, index: Int)] = []
        var scratch = [Double](repeating: 0, count: d)
        var adversarialRows: [Int: [Double]] = [:]
        for epoch in 0..<config.epochs {
            let order = Sampling.permutation(n, &rng)
            var start = 0
            while start < n {
                let batch = order[start..<min(start + config.batchSize, n)]
                start += config.batchSize
                // Adversarial examples against the current model (raw space, mapped back to z).
                adversarialRows.removeAll(keepingCapacity: true)
                if let attack = config.adversarial {
                    for index in batch where y[index] == 1 && Sampling.unit(&rng) < config.adversarialFraction {
                        let raw = model.standardizer.inverse(Array(z[(index * d)..<(index * d + d)]))
                        adversarialRows[index] = model.standardizer.transform(attack.pgd(raw, against: model))
                    }
                }
                func input(_ index: Int) -> [Double] {
                    adversarialRows[index] ?? Array(z[(index * d)..<(index * d + d)])
                }
                for k in 0..<p { batchGradient[k] = 0 }
                switch config.robust {
                case .standard, .trimmedLoss:
                    var kept = Array(batch)
                    if case .trimmedLoss(let fraction) = config.robust, fraction > 0 {
                        losses.removeAll(keepingCapacity: true)
                        for index in batch {
                            scratch = input(index)
                            losses.append((model.loss(standardized: scratch, label: y[index]), index))
                        }
                        losses.sort { $0.loss < $1.loss || ($0.loss == $1.loss && $0.index < $1.index) }
                        let keep = max(1, Int((Double(batch.count) * (1 - fraction)).rounded(.up)))
                        kept = losses.prefix(keep).map(\.index)
                    }
                    let weight = 1 / Double(kept.count)
                    batchGradient.withUnsafeMutableBufferPointer { g in
                        for index in kept {
                            scratch = input(index)
                            _ = scratch.withUnsafeBufferPointer {
                                model.accumulateGradient(standardized: $0, label: y[index], weight: weight, into: g)
                            }
                        }
                    }
                case .medianOfMeans(let groups):
                    let g = min(groups, batch.count)
                    groupGradients = [[Double]](repeating: [Double](repeating: 0, count: p), count: g)
                    let members = Array(batch)
                    for group in 0..<g {
                        let slice = stride(from: group, to: members.count, by: g).map { members[$0] }
                        let weight = 1 / Double(slice.count)
                        groupGradients[group].withUnsafeMutableBufferPointer { out in
                            for index in slice {
                                scratch = input(index)
                                _ = scratch.withUnsafeBufferPointer {
                                    model.accumulateGradient(
                                        standardized: $0, label: y[index], weight: weight, into: out)
                                }
                            }
                        }
                    }
                    var column = [Double](repeating: 0, count: g)
                    for k in 0..<p {
                        for group in 0..<g { column[group] = groupGradients[group][k] }
                        batchGradient[k] = Statistics.median(column)
                    }
                }
                // Adam with L2.
                step += 1
                let lr = config.learningRate
                let c1 = 1 - pow(0.9, step), c2 = 1 - pow(0.999, step)
                for k in 0..<p {
                    let gk = batchGradient[k] + config.l2 * theta[k]
                    m[k] = 0.9 * m[k] + 0.1 * gk
                    v[k] = 0.999 * v[k] + 0.001 * gk * gk
                    theta[k] -= lr * (m[k] / c1) / ((v[k] / c2).squareRoot() + 1e-8)
                }
                model = model.with(parameters: theta)
            }
            progress(epoch + 1, config.epochs)
        }
        return model
    }

    static func pow(_ base: Double, _ exponent: Double) -> Double { _exp(exponent * _log(base)) }
}
