/// Detection metrics of a scored, labelled set at a decision threshold.
public struct BinaryMetrics: Hashable, Sendable, Codable {
    /// Attacks flagged.
    public let truePositives: Int
    /// Benign transactions flagged.
    public let falsePositives: Int
    /// Benign transactions passed.
    public let trueNegatives: Int
    /// Attacks passed.
    public let falseNegatives: Int

    /// The metrics of `scores` (higher = more likely an attack) against `labels`, flagging scores ≥ `threshold`.
    public init(scores: [Double], labels: [Bool], threshold: Double) {
        var tp = 0, fp = 0, tn = 0, fn = 0
        for (score, label) in zip(scores, labels) {
            switch (score >= threshold, label) {
            case (true, true): tp += 1
            case (true, false): fp += 1
            case (false, false): tn += 1
            case (false, true): fn += 1
            }
        }
        truePositives = tp
        falsePositives = fp
        trueNegatives = tn
        falseNegatives = fn
    }

    /// Flagged attacks over flagged transactions (1 when nothing is flagged).
    public var precision: Double { ratio(truePositives, truePositives + falsePositives, empty: 1) }
    /// Flagged attacks over attacks (recall, true-positive rate).
    public var recall: Double { ratio(truePositives, truePositives + falseNegatives, empty: 1) }
    /// Flagged benign over benign.
    public var falsePositiveRate: Double { ratio(falsePositives, falsePositives + trueNegatives, empty: 0) }
    /// Correct decisions over all.
    public var accuracy: Double {
        ratio(truePositives + trueNegatives, truePositives + trueNegatives + falsePositives + falseNegatives, empty: 1)
    }

    private func ratio(_ a: Int, _ b: Int, empty: Double) -> Double { b == 0 ? empty : Double(a) / Double(b) }

    /// The area under the ROC curve: the probability that a random attack scores above a random
    /// benign transaction, ties counting one half (Mann–Whitney U / (n₁·n₀)). 0.5 with one class missing.
    public static func areaUnderROC(scores: [Double], labels: [Bool]) -> Double {
        let order = scores.indices.sorted { scores[$0] < scores[$1] }
        var rankSum = 0.0
        var positives = 0.0
        var i = 0
        while i < order.count {
            var j = i
            while j + 1 < order.count, scores[order[j + 1]] == scores[order[i]] { j += 1 }
            let averageRank = Double(i + j) / 2 + 1
            for k in i...j where labels[order[k]] {
                rankSum += averageRank
                positives += 1
            }
            i = j + 1
        }
        let negatives = Double(order.count) - positives
        guard positives > 0, negatives > 0 else { return 0.5 }
        return (rankSum - positives * (positives + 1) / 2) / (positives * negatives)
    }

    /// The smallest threshold at which at most `rate` of `benignScores` are flagged (score ≥ threshold).
    public static func threshold(forFalsePositiveRate rate: Double, benignScores: [Double]) -> Double {
        let sorted = benignScores.sorted(by: >)
        guard !sorted.isEmpty else { return 0.5 }
        let allowed = Int((rate * Double(sorted.count)).rounded(.down))
        guard allowed < sorted.count else { return sorted[sorted.count - 1] }
        return sorted[allowed].nextUp
    }
}
