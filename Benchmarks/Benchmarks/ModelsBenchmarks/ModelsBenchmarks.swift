// AntibodyModels benchmarks: one inference of the transaction classifier (raw 12 features in,
// attack probability out), logistic regression and the 12→24→1 MLP the evaluation uses.
// Weights are fixed values (inference cost does not depend on what training found); inputs are 64
// fixed in-bounds rows, indexed with a mask.
//
// Targets (issue 11, docs/model-security.md): logistic ≤ 1 µs, MLP ≤ 10 µs, 0 allocations
// (p50, release build).

import AntibodyModels
import Benchmark

let dimension = FeatureSpecification.transactionFlow.dimension
let standardizer = try! Standardizer(
    mean: (0..<dimension).map { Double($0) * 0.1 }, scale: (0..<dimension).map { 1 + Double($0) * 0.05 })
let logistic = try! LogisticRegression(
    standardizer: standardizer, parameters: (0...dimension).map { Double($0 % 5) * 0.3 - 0.6 })
let hidden = 24
let mlp = try! MultilayerPerceptron(
    standardizer: standardizer, hidden: hidden,
    parameters: (0..<(hidden * dimension + 2 * hidden + 1)).map { Double(($0 * 7) % 11) * 0.1 - 0.5 })
/// 64 rows inside the specification's bounds.
let inputs: [[Double]] = (0..<64).map { row in
    FeatureSpecification.transactionFlow.features.enumerated().map { i, feature in
        if feature.isBinary { return Double((row + i) % 2) }
        let u = Double((row * 31 + i * 17) % 97) / 97
        return feature.minimum + u * (feature.maximum - feature.minimum)
    }
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal],
        timeUnits: .nanoseconds,
        warmupIterations: 100,
        maxDuration: .seconds(2),
        maxIterations: 1_000_000,
        thresholds: [.wallClock: .init(relative: [.p50: 25.0, .p75: 25.0])]
    )

    Benchmark("logistic regression inference (12 features)") { benchmark in
        for i in benchmark.scaledIterations {
            blackHole(logistic.probability(inputs[i & 63]))
        }
    }

    Benchmark("MLP inference (12→24→1, ReLU)") { benchmark in
        for i in benchmark.scaledIterations {
            blackHole(mlp.probability(inputs[i & 63]))
        }
    }
}
