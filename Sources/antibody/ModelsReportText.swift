import AntibodyModels
import Foundation

/// The human-readable tables of `antibody models eval` (the ones docs/model-security.md shows).
enum ModelsReportText {
    static func render(_ r: EvaluationReport) -> String {
        func pct(_ x: Double) -> String { String(format: "%.2f %%", 100 * x) }
        var lines: [String] = []
        lines.append("seed \(r.seed), \(r.model), \(r.trainRows) training rows, \(r.testRows) test rows")
        lines.append("")
        lines.append("clean (threshold at ≤ 0.5 % FPR on validation)")
        lines.append("| model | precision | recall | FPR | AUC | accuracy |")
        lines.append("|---|---|---|---|---|---|")
        for (name, c) in [
            ("mlp", r.clean), ("logistic", r.logisticClean), ("mlp, adversarially trained", r.evasion.defendedClean),
        ] {
            lines.append(
                "| \(name) | \(pct(c.precision)) | \(pct(c.recall)) | \(pct(c.falsePositiveRate)) | \(String(format: "%.4f", c.auc)) | \(pct(c.accuracy)) |"
            )
        }
        lines.append("")
        lines.append(
            "poisoning (accuracy drop in pp at threshold 0.5; backdoor = triggered attacks passed; \(r.poisoningSplit.rawValue) split)"
        )
        lines.append("| rate | undefended drop | defended drop | undefended backdoor | defended backdoor |")
        lines.append("|---|---|---|---|---|")
        for p in r.poisoning {
            lines.append(
                "| \(pct(p.rate)) | \(String(format: "%.2f", p.undefended.accuracyDrop)) | \(String(format: "%.2f", p.defended.accuracyDrop)) | \(pct(p.undefended.backdoorSuccess)) | \(pct(p.defended.backdoorSuccess)) |"
            )
        }
        lines.append("")
        let e = r.evasion
        lines.append("evasion (ε = \(e.epsilon) reference SDs on mutable features)")
        lines.append("| attack | standard model | adversarially trained |")
        lines.append("|---|---|---|")
        lines.append("| FGSM | \(pct(e.fgsmUndefendedSuccess)) | \(pct(e.fgsmDefendedSuccess)) |")
        lines.append("| PGD | \(pct(e.undefendedSuccess)) | \(pct(e.defendedSuccess)) |")
        lines.append(String(format: "clean accuracy cost of adversarial training: %.2f pp", e.cleanAccuracyCost))
        lines.append("")
        let x = r.extraction
        lines.append("extraction (surrogate agreement on fresh balanced inputs)")
        lines.append("| queries | open interface | noisy (ε \(x.epsilonPerQuery)/answer, rounded) |")
        lines.append("|---|---|---|")
        for point in x.curve {
            lines.append("| \(point.queries) | \(pct(point.undefendedAgreement)) | \(pct(point.defendedAgreement)) |")
        }
        lines.append(
            "budget \(x.budget) queries/client: defended agreement \(pct(x.defendedAgreement)) (ε spent \(x.epsilon)) vs undefended \(pct(x.undefendedAgreement)) after \(x.undefendedQueries) queries; honest decisions unchanged \(pct(x.honestDecisionAgreement))"
        )
        if !x.decisionsOnly.isEmpty {
            lines.append("decisions only (randomized response), budget \(x.budget) queries/client")
            lines.append("| ε/answer | ε spent | surrogate agreement | honest decisions unchanged |")
            lines.append("|---|---|---|---|")
            for point in x.decisionsOnly {
                lines.append(
                    "| \(point.epsilonPerQuery) | \(point.epsilon) | \(pct(point.agreement)) | \(pct(point.honestDecisionAgreement)) |"
                )
            }
        }
        if !x.groundTruthCurve.isEmpty {
            lines.append(
                "zero queries: the surrogate trained on public traffic's true labels (model's fresh accuracy \(x.modelFreshAccuracy.map(pct) ?? "n/a"))"
            )
            lines.append("| labelled rows | agreement with the model | accuracy vs true labels |")
            lines.append("|---|---|---|")
            for point in x.groundTruthCurve {
                lines.append("| \(point.rows) | \(pct(point.agreement)) | \(pct(point.accuracy)) |")
            }
        }
        lines.append("")
        let v = r.inputValidation
        lines.append(
            "input validation: \(pct(v.inDistributionFlagged)) of held-out inputs flagged OOD, \(pct(v.shiftedFlagged)) of shifted inputs; drift on held-out window: \(v.driftedOnHeldOut.isEmpty ? "none" : v.driftedOnHeldOut.joined(separator: ", ")); on volatile window: \(v.driftedOnVolatileWindow.isEmpty ? "none" : v.driftedOnVolatileWindow.joined(separator: ", "))"
        )
        if let vol = r.volatility {
            lines.append(
                String(
                    format: "volatility forecaster (%d-step horizon): out-of-sample R² %.3f vs RiskMetrics EWMA %.3f",
                    vol.horizon, vol.r2, vol.ewmaR2))
        }
        if let replay = r.replay { lines.append(contentsOf: renderReplay(replay)) }
        return lines.joined(separator: "\n")
    }

    /// The `replay` section: archetype-trained models on replayed traffic, and replay-trained models.
    static func renderReplay(_ p: EvaluationReport.Replay) -> [String] {
        func pct(_ x: Double) -> String { String(format: "%.2f %%", 100 * x) }
        var lines = [
            "",
            "replayed traffic (recorded from full simulated runs; \(p.trainRows) / \(p.validationRows) / \(p.testRows) rows train / validation / test, \(p.testAttackRows) test attacks)",
            "| model | trained on | threshold from | precision | recall | FPR | AUC |",
            "|---|---|---|---|---|---|---|",
        ]
        for (name, trained, c) in [
            ("mlp", "archetypes", p.archetypeMLP), ("logistic", "archetypes", p.archetypeLogistic),
            ("mlp", "replay", p.replayMLP), ("logistic", "replay", p.replayLogistic),
        ] {
            let from = trained == "replay" ? "replay validation" : "archetype validation"
            lines.append(
                "| \(name) | \(trained) | \(from) | \(pct(c.precision)) | \(pct(c.recall)) | \(pct(c.falsePositiveRate)) | \(String(format: "%.4f", c.auc)) |"
            )
        }
        lines.append("recall per attacker on replayed test rows")
        lines.append(
            "| attacker | rows | mlp (archetypes) | logistic (archetypes) | mlp (replay) | mlp (replay, attacker held out) |"
        )
        lines.append("|---|---|---|---|---|---|")
        for a in p.perAttack {
            lines.append(
                "| \(a.kind) | \(a.rows) | \(pct(a.archetypeMLP)) | \(pct(a.archetypeLogistic)) | \(pct(a.replayMLP)) | \(a.replayMLPHeldOut.map(pct) ?? "—") |"
            )
        }
        lines.append("benign rows flagged per agent kind (false positives) on replayed test rows")
        lines.append("| agent | rows | mlp (archetypes) | logistic (archetypes) | mlp (replay) |")
        lines.append("|---|---|---|---|---|")
        for b in p.perBenign {
            lines.append(
                "| \(b.kind) | \(b.rows) | \(pct(b.archetypeMLP)) | \(pct(b.archetypeLogistic)) | \(pct(b.replayMLP)) |"
            )
        }
        lines.append(
            "features shifted from the archetype training data: \(p.driftedFromArchetype.isEmpty ? "none" : p.driftedFromArchetype.joined(separator: ", "))"
        )
        return lines
    }
}
