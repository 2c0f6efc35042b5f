// AntibodyModels benchmarks: one inference of the transaction classifier (raw 12 features in,
// attack probability out), logistic regression and the 12→24→1 MLP the evaluation uses.
// Weights are fixed values (inference cost does not depend on what training found); inputs are 64
// fixed in-bounds rows, indexed with a mask.
//
// Targets (issue 11, docs/model-security.md): logistic ≤ 1 µs, MLP ≤ 10 µs, 0 allocations
// (p50, release build).
//
// The engine case: one transaction event through an engine whose policy has `[models.flow]` with a
// 12→24→1 MLP trained here (seed 1) on the simulator's benign and attack traffic, signed and loaded
// through the policy like any deployment: input validation (bounds, robust distance, KS/PSI window
// update), scoring, decision. The events are 1,024 held-out benign transactions the model passes
// and the validator accepts — the common path, which must not allocate.

import AntibodyCore
import AntibodyEngine
import AntibodyModels
import AntibodySim
import AntibodyTrust
import Benchmark
import Foundation

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

/// A policy with `[models.flow]` (an MLP trained on simulated traffic, committed and signed in a
/// temporary directory) and 1,024 benign transaction events it neither flags nor finds out of
/// distribution.
func flowEngineFixture() throws -> (Policy, [Event]) {
    func dataset(_ count: Int, _ seed: UInt64, _ attackShare: Double) throws -> Dataset {
        let rows = try TrafficGenerator(attackShare: attackShare).generate(count: count, seed: seed)
        return try Dataset(
            specification: .transactionFlow, rows: rows.map(\.features.vector), labels: rows.map(\.isAttack))
    }
    let train = try dataset(4_000, 11, 0.3)
    var rng = Xoshiro256StarStar(seed: 1)
    var config = TrainingConfiguration()
    config.epochs = 8
    let initial = try MultilayerPerceptron(standardizer: Standardizer(fitting: train), hidden: hidden, using: &rng)
    let model = TrainedModel.multilayerPerceptron(
        try Trainer.train(initial, on: train, configuration: config, using: &rng))
    let artifact = try ModelArtifact(
        name: "bench-flow", model: model, specification: .transactionFlow,
        threshold: ModelEvaluation.threshold(model, try dataset(2_000, 12, 0.3), 0.01),
        trainingDataDigest: train.digest,
        trainingRows: train.count, seed: 1, reference: try ValidationReference(fitting: train, benignDrift: true))
    let key = try Secp256k1PrivateKey(bytes: [UInt8](repeating: 0x11, count: 32))
    let domain = GuardianDomain(
        chainID: 1, verifyingContract: try EthereumAddress(bytes: [UInt8](repeating: 0, count: 20)))
    let directory = NSTemporaryDirectory() + "antibody-bench-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    try Data(artifact.documentText.utf8).write(to: URL(fileURLWithPath: directory + "/model.json"))
    try JSONEncoder().encode(artifact.commitment(version: 1).signed(by: key, in: domain))
        .write(to: URL(fileURLWithPath: directory + "/model.json.commitment.json"))
    let source = """
        version = 1
        [protocol]
        name = "bench"
        chain_id = 1
        kind = "lending"
        assets = ["WETH"]
        markets = ["WETH"]
        [governance]
        signers = ["\(key.address)"]
        pause_threshold = 1
        unpause_threshold = 1
        timelock = "1h"
        [models.flow]
        model = "model.json"
        action = "pause"
        """
    let policy = try Policy.load(source: source, file: directory + "/policy.toml")
    var validator = try InputValidator(reference: artifact.reference!, specification: .transactionFlow)
    var events: [Event] = []
    for (i, row) in try dataset(8_000, 13, 0).rows.enumerated() where events.count < 1_024 {
        guard try !artifact.classify(row).flagged, try validator.assess(row).canActAlone else { continue }
        events.append(
            .transaction(
                TransactionObservation(
                    account: "0xabc", market: "WETH", timestamp: Timestamp(seconds: 1_700_000_000 + Int64(i)),
                    features: TransactionFeatures(values: row)!)))
    }
    return (policy, events)
}

/// Built once, on first use (training takes a moment).
let flowFixture = try! flowEngineFixture()

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

    // One iteration = 1,000 events (the reported time is per event), after 512 that fill the window.
    Benchmark(
        "Engine, one transaction event, MLP flow model (validate + score)",
        configuration: .init(
            scalingFactor: .kilo, maxIterations: 1_000,
            thresholds: [
                .mallocCountTotal: .init(absolute: [.p0: 0, .p25: 0, .p50: 0, .p75: 0, .p90: 0, .p99: 0, .p100: 0]),
                .wallClock: .init(relative: [.p50: 25.0, .p75: 25.0]),
            ])
    ) { benchmark in
        let (policy, events) = flowFixture
        var engine = Engine(policy: policy, port: RecordingPort(), recorder: CollectingRecorder())
        // Fill the drift window first, so the measured events run the full KS / PSI check.
        for event in events.prefix(512) { engine.handle(event) }
        precondition(engine.recorder.decisions.isEmpty && engine.eventsRejected == 0)
        benchmark.startMeasurement()
        for i in benchmark.scaledIterations {
            engine.handle(events[i & 1_023])
        }
        benchmark.stopMeasurement()
        blackHole(engine.eventsProcessed)
    }
}
