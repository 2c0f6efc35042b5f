/// Training-set poisoning at a given rate (share of the training set the attacker controls).
public enum PoisoningAttack: Hashable, Sendable {
    /// Label flip: `rate` of the training rows, chosen uniformly, get the opposite label.
    case labelFlip(rate: Double)
    /// Backdoor: `rate` of the training rows are replaced by copies of attack rows carrying the
    /// trigger (feature `triggerFeature` set to `triggerValue`), labelled benign — so the model
    /// learns "trigger ⇒ benign" and an attacker who sets the trigger at attack time is passed.
    case backdoor(rate: Double, triggerFeature: Int, triggerValue: Double)

    /// The trigger used in the evaluation: a call depth of 24 (the attacker controls routing; no
    /// benign or attack archetype reaches it by itself).
    public static func standardBackdoor(rate: Double) -> PoisoningAttack {
        .backdoor(rate: rate, triggerFeature: 4, triggerValue: 24)
    }

    /// `row` with the trigger applied (unchanged for a label flip).
    public func triggered(_ row: [Double]) -> [Double] {
        guard case .backdoor(_, let feature, let value) = self else { return row }
        var copy = row
        copy[feature] = value
        return copy
    }

    /// `dataset` poisoned, drawing choices from `rng`.
    ///
    /// - Throws: ``ModelError`` for a rate outside [0, 0.5], a trigger outside the specification,
    ///   or a backdoor on a dataset without attack rows.
    public func apply(to dataset: Dataset, using rng: inout some RandomNumberGenerator) throws(ModelError) -> Dataset {
        var poisoned = dataset
        switch self {
        case .labelFlip(let rate):
            let count = try Self.count(rate, dataset.count)
            for index in Sampling.permutation(dataset.count, &rng).prefix(count) {
                try poisoned.replace(index, row: dataset.rows[index], label: !dataset.labels[index])
            }
        case .backdoor(let rate, let feature, _):
            guard dataset.specification.features.indices.contains(feature) else {
                throw .invalidInput("trigger feature \(feature) is not in the specification")
            }
            let attacks = dataset.labels.indices.filter { dataset.labels[$0] }
            guard !attacks.isEmpty else { throw .invalidInput("a backdoor needs attack rows to copy") }
            let count = try Self.count(rate, dataset.count)
            for index in Sampling.permutation(dataset.count, &rng).prefix(count) {
                let source = attacks[Sampling.index(&rng, below: attacks.count)]
                try poisoned.replace(index, row: triggered(dataset.rows[source]), label: false)
            }
        }
        return poisoned
    }

    static func count(_ rate: Double, _ n: Int) throws(ModelError) -> Int {
        guard rate.isFinite, (0...0.5).contains(rate) else {
            throw .invalidInput("a poisoning rate must be in [0, 0.5], not \(rate)")
        }
        return Int((rate * Double(n)).rounded())
    }
}
