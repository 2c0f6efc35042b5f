import AntibodyModels
import AntibodySim
import Foundation
import Testing

@Suite struct ReplayEvaluationTests {
    static func replay(paths: Int, seed: UInt64) throws -> (Dataset, [String]) {
        let rows = try TrafficRecorder(configuration: .init(paths: paths, steps: 96, attackRunsPerKind: 1))
            .record(seed: seed)
        return (
            try Dataset(
                specification: .transactionFlow, rows: rows.map(\.features.vector), labels: rows.map(\.isAttack)),
            rows.map(\.kind.rawValue)
        )
    }

    @Test func replayedTrafficIsMeasuredPerAttackAndEncodedAsAnOptionalSection() throws {
        let archetype = EvaluationData(
            train: try Support.dataset(count: 1_500, seed: 1), validation: try Support.dataset(count: 800, seed: 2),
            test: try Support.dataset(count: 400, seed: 3), publicTraffic: [], fresh: [], volatileWindow: [])
        let test = try Self.replay(paths: 2, seed: 23)
        let train = try Self.replay(paths: 3, seed: 21)
        let data = try ReplayData(
            train: train.0, validation: try Self.replay(paths: 2, seed: 22).0, test: test.0, testKinds: test.1,
            trainKinds: train.1)
        var settings = EvaluationSettings()
        settings.training.epochs = 6
        let replay = try ReplayEvaluation.run(
            archetype: archetype, replay: data, settings: settings, makeGenerator: { Xoshiro256StarStar(seed: $0) })
        #expect(replay.testRows == data.test.count && replay.testAttackRows == data.test.attackCount)
        #expect(replay.perAttack.reduce(0) { $0 + $1.rows } == data.test.attackCount)
        #expect(Set(replay.perAttack.map(\.kind)) == Set(AgentKind.attackers.map(\.rawValue)))
        #expect(replay.perBenign.reduce(0) { $0 + $1.rows } == data.test.count - data.test.attackCount)
        for attack in replay.perAttack {
            let heldOut = try #require(attack.replayMLPHeldOut)
            #expect((0...1).contains(heldOut))
        }
        #expect(replay.perBenign.allSatisfy { !(AgentKind(rawValue: $0.kind)?.isAttack ?? true) })
        for clean in [replay.archetypeMLP, replay.archetypeLogistic, replay.replayMLP, replay.replayLogistic] {
            #expect((0...1).contains(clean.recall) && (0...1).contains(clean.falsePositiveRate))
            #expect((0...1).contains(clean.auc))
        }
        // A model trained on the replayed mechanisms separates them better than chance.
        #expect(replay.replayMLP.auc > 0.9)
        let json = String(decoding: try JSONEncoder().encode(replay), as: UTF8.self)
        #expect(json.contains("\"perAttack\"") && json.contains("\"archetypeMLP\""))
    }

    @Test func replayDataNeedsOneKindPerTestRow() throws {
        let d = try Support.dataset(count: 200, seed: 4)
        #expect(throws: ModelError.self) {
            try ReplayData(train: d, validation: d, test: d, testKinds: ["noiseTrader"])
        }
        #expect(throws: ModelError.self) {
            try ReplayData(
                train: d, validation: d, test: d, testKinds: Array(repeating: "noiseTrader", count: d.count),
                trainKinds: ["noiseTrader"])
        }
    }
}
