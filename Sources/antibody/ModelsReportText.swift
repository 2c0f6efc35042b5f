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
        return lines.joined(separator: "\n")
    }
}
