import AntibodyCore
import AntibodyEngine
import AntibodyModels
import AntibodySim
import AntibodyTrust
import Foundation
import Testing

/// A transaction classifier trained here (seeded, small) on the simulator's labelled traffic,
/// written with governance's signed commitment into a temporary directory, and loaded through a
/// policy's `[models.flow]`.
struct FlowModelFixture {
    static let governor = try! Secp256k1PrivateKey(bytes: [UInt8](repeating: 0x11, count: 32))
    static let stranger = try! Secp256k1PrivateKey(bytes: [UInt8](repeating: 0x22, count: 32))
    static let domain = GuardianDomain(
        chainID: 1, verifyingContract: try! EthereumAddress(bytes: [UInt8](repeating: 0, count: 20)))

    let directory: String
    let artifact: ModelArtifact
    let train: Dataset
    let test: Dataset

    static func dataset(count: Int, seed: UInt64, attackShare: Double = 0.3) throws -> Dataset {
        let rows = try TrafficGenerator(attackShare: attackShare).generate(count: count, seed: seed)
        return try Dataset(
            specification: .transactionFlow, rows: rows.map(\.features.vector), labels: rows.map(\.isAttack))
    }

    /// Trains a 12→8→1 MLP (seed 7) and writes `model.json` and `model.json.commitment.json`.
    init(name: String = "flow", signer: Secp256k1PrivateKey? = governor) throws {
        train = try Self.dataset(count: 1_500, seed: 71)
        let validation = try Self.dataset(count: 800, seed: 72)
        test = try Self.dataset(count: 600, seed: 73)
        var rng = Xoshiro256StarStar(seed: 7)
        var config = TrainingConfiguration()
        config.epochs = 12
        let initial = try MultilayerPerceptron(standardizer: Standardizer(fitting: train), hidden: 8, using: &rng)
        let model = TrainedModel.multilayerPerceptron(
            try Trainer.train(initial, on: train, configuration: config, using: &rng))
        artifact = try ModelArtifact(
            name: name, model: model, specification: .transactionFlow,
            threshold: ModelEvaluation.threshold(model, validation, 0.01), trainingDataDigest: train.digest,
            trainingRows: train.count, seed: 7, reference: try ValidationReference(fitting: train, benignDrift: true))
        directory = NSTemporaryDirectory() + "antibody-flow-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try write(artifact, signer: signer)
    }

    /// Writes `artifact`'s document and its commitment (signed by `signer`, unsigned if `nil`).
    func write(_ artifact: ModelArtifact, signer: Secp256k1PrivateKey? = governor, file: String = "model.json") throws {
        try Data(artifact.documentText.utf8).write(to: URL(fileURLWithPath: "\(directory)/\(file)"))
        var commitment = artifact.commitment(version: 1)
        if let signer { commitment = commitment.signed(by: signer, in: Self.domain) }
        try JSONEncoder().encode(commitment).write(to: URL(fileURLWithPath: "\(directory)/\(file).commitment.json"))
    }

    /// A lending policy with governance (the governor signs) and `flow` as the `[models.flow]` body.
    static func policy(_ flow: String) -> String {
        """
        version = 1
        [protocol]
        name = "flow-test"
        chain_id = 1
        kind = "lending"
        assets = ["WETH"]
        markets = ["WETH"]

        [governance]
        signers = ["\(governor.address)"]
        pause_threshold = 1
        unpause_threshold = 1
        timelock = "1h"

        [models.flow]
        \(flow)
        """
    }

    func load(_ flow: String = "model = \"model.json\"\naction = \"pause\"") throws(PolicyError) -> Policy {
        try Policy.load(source: Self.policy(flow), file: "\(directory)/policy.toml")
    }

    func engine(_ policy: Policy) -> Engine<RecordingPort, CollectingRecorder> {
        Engine(policy: policy, port: RecordingPort(), recorder: CollectingRecorder())
    }

    static func event(_ row: [Double], second: Int64, market: String = "WETH") -> Event {
        .transaction(
            TransactionObservation(
                account: "0xabc", market: market, timestamp: Timestamp(seconds: 1_700_000_000 + second),
                features: TransactionFeatures(values: row)!))
    }

    /// A held-out row of `label` the model scores on the given side of its threshold, in distribution.
    func row(attack: Bool) throws -> [Double] {
        let validator = try InputValidator(reference: artifact.reference!, specification: .transactionFlow)
        let candidates = zip(test.rows, test.labels).filter { row, label in
            label == attack && validator.distance(row) < validator.distanceThreshold
                && (try! artifact.classify(row).flagged) == attack
        }
        return try #require(candidates.first).0
    }
}

@Suite("Engine: the transaction classifier ([models.flow])")
struct FlowModelTests {
    @Test("a signed model loads through the policy with its threshold and validation reference")
    func loads() throws {
        let fixture = try FlowModelFixture()
        let policy = try fixture.load()
        let spec = try #require(policy.flowModel)
        #expect(spec.artifact.digest == fixture.artifact.digest)
        #expect(spec.threshold == fixture.artifact.threshold)
        #expect(spec.response == .pause && spec.scope == nil && spec.window == 256)
        #expect(spec.maxDistance == fixture.artifact.reference?.distanceThreshold)
    }

    @Test("an attack transaction pauses its market; a benign one does nothing")
    func attackPausesBenignPasses() throws {
        let fixture = try FlowModelFixture()
        var engine = fixture.engine(try fixture.load())
        engine.handle(FlowModelFixture.event(try fixture.row(attack: false), second: 0))
        #expect(engine.port.actions.isEmpty)
        #expect(engine.recorder.decisions.isEmpty)
        engine.handle(FlowModelFixture.event(try fixture.row(attack: true), second: 12))
        #expect(engine.port.actions.count == 1)
        let action = try #require(engine.port.actions.first)
        #expect(action.kind == .pause && action.scope == .market("WETH"))
        let decision = try #require(engine.recorder.decisions.last)
        #expect(decision.kind == .modelFlagged && decision.actions == [action])
        #expect(decision.source == "model:flow")
        #expect(decision.evidence["probability"].map { $0 >= fixture.artifact.threshold } == true)
        #expect(decision.evidence["outOfDistribution"] == 0)
        #expect(engine.pauses.count == 1)
        // A second attack on the paused market is recorded but does not pause again.
        engine.handle(FlowModelFixture.event(try fixture.row(attack: true), second: 24))
        #expect(engine.port.actions.count == 1)
        #expect(engine.recorder.decisions.last?.message.contains("already paused") == true)
    }

    @Test("through the engine, held-out attacks are flagged and benign traffic mostly is not")
    func heldOutThroughEngine() throws {
        let fixture = try FlowModelFixture()
        var engine = fixture.engine(try fixture.load("model = \"model.json\""))
        var flaggedAttacks = 0
        var flaggedBenign = 0
        for (i, (row, label)) in zip(fixture.test.rows, fixture.test.labels).enumerated() {
            let before = engine.recorder.decisions.count
            engine.handle(FlowModelFixture.event(row, second: Int64(i)))
            let flagged = engine.recorder.decisions[before...].contains {
                $0.kind == .modelFlagged && ($0.evidence["probability"] ?? 0) >= fixture.artifact.threshold
            }
            if flagged { if label { flaggedAttacks += 1 } else { flaggedBenign += 1 } }
        }
        let attacks = fixture.test.attackCount
        #expect(Double(flaggedAttacks) / Double(attacks) > 0.8)
        #expect(Double(flaggedBenign) / Double(fixture.test.count - attacks) < 0.05)
        #expect(engine.port.actions.isEmpty)  // action = alert (the default)
    }

    @Test("an input shifted 6 SD (size, impact, outflow, oracle deviation) is out of distribution: an alert, no action")
    func outOfDistributionAlertsOnly() throws {
        let fixture = try FlowModelFixture()
        var engine = fixture.engine(try fixture.load())
        let scale = Standardizer(fitting: fixture.train).scale
        var shifted = try fixture.row(attack: false)
        let features = FeatureSpecification.transactionFlow.features
        for i in [0, 2, 5, 6] { shifted[i] = min(shifted[i] + 6 * scale[i], features[i].maximum) }
        engine.handle(FlowModelFixture.event(shifted, second: 0))
        #expect(engine.port.actions.isEmpty)
        #expect(engine.pauses.isEmpty)
        let decision = try #require(engine.recorder.decisions.last)
        #expect(decision.kind == .modelFlagged)
        #expect(decision.evidence["outOfDistribution"] == 1)
        #expect(decision.message.contains("out of distribution"))
        #expect(decision.message.contains("not acted on alone"))
    }

    @Test("while recent traffic drifts (volatility tripled), an attack is alerted on, not paused")
    func driftBlocksActing() throws {
        let fixture = try FlowModelFixture()
        var engine = fixture.engine(try fixture.load())
        let benign = zip(fixture.test.rows, fixture.test.labels).filter { !$0.1 }.map(\.0)
        var second: Int64 = 0
        for row in benign where second < 256 {
            var copy = row
            copy[11] = min(row[11] * 3, 5)
            if (try fixture.artifact.classify(copy)).flagged { continue }
            engine.handle(FlowModelFixture.event(copy, second: second))
            second += 1
        }
        #expect(second == 256)
        #expect(
            engine.recorder.decisions.contains {
                $0.message.contains("drift") && $0.message.contains("marketVolatility")
            })
        engine.handle(FlowModelFixture.event(try fixture.row(attack: true), second: second))
        #expect(engine.port.actions.isEmpty)
        #expect(engine.recorder.decisions.last?.message.contains("not acted on alone") == true)
    }

    @Test("features outside the model's bounds are rejected, not scored")
    func outOfBoundsRejected() throws {
        let fixture = try FlowModelFixture()
        var engine = fixture.engine(try fixture.load())
        var row = try fixture.row(attack: false)
        row[1] = 0.5  // flashLoan is binary
        engine.handle(FlowModelFixture.event(row, second: 0))
        row[1] = 0
        row[0] = .nan
        engine.handle(FlowModelFixture.event(row, second: 1))
        #expect(engine.eventsRejected == 2)
        #expect(engine.recorder.decisions.allSatisfy { $0.kind == .inputRejected })
        #expect(engine.port.actions.isEmpty)
    }

    @Test("the pause cost–benefit gate applies to model pauses")
    func costGate() throws {
        let fixture = try FlowModelFixture()
        let flow = """
            model = "model.json"
            action = "pause"
            [responses.pause_decision]
            expected_pause_hours = 10
            fees_per_hour_usd = 1000000
            user_cost_per_hour_usd = 1000000
            value_at_risk_usd = 1000
            """
        var engine = fixture.engine(try fixture.load(flow))
        engine.handle(FlowModelFixture.event(try fixture.row(attack: true), second: 0))
        #expect(engine.port.actions.isEmpty)
        #expect(engine.recorder.decisions.last?.kind == .pauseDecided)
    }

    /// The diagnostics of loading `flow` as the `[models.flow]` body.
    func diagnostics(_ fixture: FlowModelFixture, _ flow: String) throws -> [PolicyDiagnostic] {
        do {
            _ = try fixture.load(flow)
            Issue.record("the policy loaded")
            return []
        } catch {
            return error.diagnostics
        }
    }

    /// Line and column (1-based) of the first `"` after `key` in the policy text with `flow`.
    func position(of key: String, _ flow: String) -> (line: Int, column: Int) {
        let lines = FlowModelFixture.policy(flow).split(separator: "\n", omittingEmptySubsequences: false)
        let index = lines.firstIndex { $0.hasPrefix(key) }!
        let column = lines[index].utf8.firstIndex(of: UInt8(ascii: "\""))!
        return (index + 1, lines[index].utf8.distance(from: lines[index].utf8.startIndex, to: column) + 1)
    }

    @Test("one flipped weight: the policy is refused at the model key, saying it changed since it was signed")
    func tamperedRefused() throws {
        let fixture = try FlowModelFixture()
        let path = "\(fixture.directory)/model.json"
        guard case .object(var members) = try JSONValue.parse(String(contentsOfFile: path, encoding: .utf8)),
            case .array(var weights) = members["parameters"], case .number(let literal) = weights[5]
        else {
            Issue.record("unexpected document shape")
            return
        }
        weights[5] = .number("\(-(Double(literal)!) + 0.125)")
        members["parameters"] = .array(weights)
        // Decoded without verification, re-encoded: the signed document with one weight changed.
        let tampered = try ModelArtifact(document: .object(members))
        try Data(tampered.documentText.utf8).write(to: URL(fileURLWithPath: path))
        let flow = "model = \"model.json\""
        let found = try diagnostics(fixture, flow)
        #expect(found.count == 1)
        let diagnostic = try #require(found.first)
        #expect(diagnostic.path == "models.flow.model")
        #expect(diagnostic.message.contains("does not match its commitment"))
        #expect(diagnostic.message.contains(fixture.artifact.digest.description))
        #expect(diagnostic.position.line == position(of: "model", flow).line)
        #expect(diagnostic.position.column == position(of: "model", flow).column)
        #expect(diagnostic.description.hasPrefix("\(fixture.directory)/policy.toml:"))
        #expect(!diagnostic.hint.isEmpty)
    }

    @Test("unsigned, stranger-signed, missing, foreign-featured and reference-less models are refused")
    func refusals() throws {
        let fixture = try FlowModelFixture()
        try fixture.write(fixture.artifact, signer: nil, file: "unsigned.json")
        #expect(
            try diagnostics(fixture, "model = \"unsigned.json\"").first?.message.contains("0 approver signatures")
                == true)
        try fixture.write(fixture.artifact, signer: FlowModelFixture.stranger, file: "stranger.json")
        #expect(
            try diagnostics(fixture, "model = \"stranger.json\"").first?.message.contains("not a governance approver")
                == true)
        #expect(
            try diagnostics(fixture, "model = \"absent.json\"").first?.message.contains(
                "cannot read the flow model document") == true)
        // Same weights, features in another order.
        var features = FeatureSpecification.transactionFlow.features
        features.swapAt(0, 1)
        let foreign = try ModelArtifact(
            name: "flow", model: fixture.artifact.model, specification: try FeatureSpecification(features: features),
            threshold: 0.5, trainingDataDigest: fixture.train.digest, trainingRows: fixture.train.count, seed: 7,
            reference: fixture.artifact.reference)
        try fixture.write(foreign, file: "foreign.json")
        #expect(
            try diagnostics(fixture, "model = \"foreign.json\"").first?.message.contains("transaction features") == true
        )
        let v1 = try ModelArtifact(
            name: "flow", model: fixture.artifact.model, specification: .transactionFlow, threshold: 0.5,
            trainingDataDigest: fixture.train.digest, trainingRows: fixture.train.count, seed: 7)
        try fixture.write(v1, file: "v1.json")
        #expect(
            try diagnostics(fixture, "model = \"v1.json\"").first?.message.contains("no input-validation reference")
                == true)
        // Explicit approvers override governance: the governor is no longer one.
        let other = "model = \"model.json\"\napprovers = [\"\(FlowModelFixture.stranger.address)\"]"
        #expect(try diagnostics(fixture, other).first?.message.contains("not a governance approver") == true)
    }

    @Test(
        "malformed [models.flow] keys are refused at their position",
        arguments: [
            ("threshold = 1.5", "threshold"), ("action = \"explode\"", "action"), ("thresold = 0.5", "thresold"),
            ("approvals = 5", "approvals"), ("window = 3", "window"), ("scope = \"market:NOPE\"", "scope"),
            ("verifying_contract = \"0x12\"", "verifying_contract"), ("scope = \"protocol\"", "scope"),
        ])
    func malformedKeys(_ line: String, _ key: String) throws {
        let fixture = try FlowModelFixture()
        let flow = "model = \"model.json\"\n\(line)"
        let found = try diagnostics(fixture, flow)
        #expect(found.count == 1)
        let diagnostic = try #require(found.first)
        #expect(diagnostic.path == "models.flow.\(key)")
        let lines = FlowModelFixture.policy(flow).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(diagnostic.position.line == lines.firstIndex { $0.hasPrefix(key) }! + 1)
    }

    @Test("without [models.flow] transaction events are counted and ignored")
    func noModel() throws {
        let policy = try Policy.load(source: EngineTests.policySource, file: "test.toml")
        #expect(policy.flowModel == nil)
        var engine = Engine(policy: policy, port: RecordingPort(), recorder: CollectingRecorder())
        engine.handle(FlowModelFixture.event([Double](repeating: 0.5, count: 12), second: 0))
        #expect(engine.eventsProcessed == 1 && engine.eventsRejected == 0 && engine.recorder.decisions.isEmpty)
    }
}
