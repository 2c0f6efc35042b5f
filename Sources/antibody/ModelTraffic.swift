import AntibodyCore
import AntibodyModels
import AntibodySim
import Foundation

/// Wiring between the simulator's labelled traffic and the models module's datasets: the only
/// place that knows both (AntibodyModels sits below AntibodySim and never imports it).
enum ModelTraffic {
    /// `count` labelled rows from the simulator's agents and attackers.
    static func dataset(count: Int, seed: UInt64, attackShare: Double = 0.3) throws -> Dataset {
        let specification = FeatureSpecification.transactionFlow
        try specification.requireNames(TransactionFeatures.names)
        let rows = try TrafficGenerator(attackShare: attackShare).generate(count: count, seed: seed)
        return try Dataset(
            specification: specification, rows: rows.map(\.features.vector), labels: rows.map(\.isAttack))
    }

    /// The evaluation's data for `seed`: train / validation / test from disjoint generator streams,
    /// public traffic (5 % attacks) for the extraction attacker, balanced fresh rows, a window of
    /// traffic in a market whose volatility tripled, and GARCH(1,1) returns for the forecaster.
    static func evaluationData(seed: UInt64, scale: Double = 1) throws -> EvaluationData {
        let n = { (base: Int) in max(200, Int(Double(base) * scale)) }
        let volatile = try dataset(count: 256, seed: seed &+ 6).rows.map { row -> [Double] in
            var copy = row
            copy[11] = min(row[11] * 3, 5)
            return copy
        }
        let publicTraffic = try dataset(count: 5_000, seed: seed &+ 4, attackShare: 0.05)
        let fresh = try dataset(count: n(2_000), seed: seed &+ 5, attackShare: 0.5)
        return EvaluationData(
            train: try dataset(count: n(8_000), seed: seed &+ 1),
            validation: try dataset(count: n(4_000), seed: seed &+ 2),
            test: try dataset(count: n(6_000), seed: seed &+ 3),
            publicTraffic: publicTraffic.rows, fresh: fresh.rows, volatileWindow: volatile,
            volatilityReturns: (
                try garchReturns(count: n(20_000), seed: seed &+ 7), try garchReturns(count: n(10_000), seed: seed &+ 8)
            ), publicTrafficLabels: publicTraffic.labels, freshLabels: fresh.labels)
    }

    /// Rows recorded from `paths` full simulated runs (``TrafficRecorder``: the lending + AMM market's
    /// agents over 30-day hourly paths, every attacker twice per path), with each row's sender kind.
    static func replayDataset(paths: Int, seed: UInt64) throws -> (dataset: Dataset, kinds: [String]) {
        let specification = FeatureSpecification.transactionFlow
        try specification.requireNames(TransactionFeatures.names)
        let rows = try TrafficRecorder(configuration: .init(paths: paths, steps: 720, attackRunsPerKind: 2))
            .record(seed: seed)
        let dataset = try Dataset(
            specification: specification, rows: rows.map(\.features.vector), labels: rows.map(\.isAttack))
        return (dataset, rows.map(\.kind.rawValue))
    }

    /// The replay measurement's data for `seed`: train / validation / test recorded from disjoint
    /// recorder seeds (`seed + 11…13`), 6 / 3 / 4 paths at scale 1.
    static func replayData(seed: UInt64, scale: Double = 1) throws -> ReplayData {
        let n = { (base: Double) in max(1, Int((base * scale).rounded())) }
        let test = try replayDataset(paths: n(4), seed: seed &+ 13)
        let train = try replayDataset(paths: n(6), seed: seed &+ 11)
        return try ReplayData(
            train: train.dataset, validation: try replayDataset(paths: n(3), seed: seed &+ 12).dataset,
            test: test.dataset, testKinds: test.kinds, trainKinds: train.kinds)
    }

    /// Log-returns of a GARCH(1,1) path (α 0.08, β 0.9, unconditional annual volatility
    /// `annualVolatility`, 80 % by default) with one step every `stepSeconds` (hourly by default).
    static func garchReturns(
        count: Int, seed: UInt64, stepSeconds: Int = 3_600, annualVolatility: Double = 0.8
    ) throws -> [Double] {
        let stepVariance = annualVolatility * annualVolatility * Double(stepSeconds) / (365 * 86_400)
        var path = try GARCHPath(start: 2_000, omega: stepVariance * 0.02, alpha: 0.08, beta: 0.9)
        var rng = Xoshiro256StarStar(seed: seed)
        var previous = path.price
        var returns: [Double] = []
        returns.reserveCapacity(count)
        for _ in 0..<count {
            let price = path.next(using: &rng)
            returns.append(Foundation.log(price / previous))
            previous = price
        }
        return returns
    }
}
