import AntibodyCore
import AntibodyDefense
import AntibodyModels

extension EngineCore {
    /// A transaction event: validate its features against the model's training reference, score
    /// them, and decide.
    ///
    /// * Below the threshold and in distribution: nothing (no decision, no allocation).
    /// * At or above the threshold and in distribution (no drift): a ``Decision/Kind/modelFlagged``
    ///   decision, and with `action = "pause"` a pause of the configured scope — through the pause
    ///   cost–benefit gate when the policy has one, with the probability as the signal; a scope the
    ///   model already paused is not paused again.
    /// * Out of distribution, or while the recent window drifts: an alert only, saying that the
    ///   model's output is not acted on alone.
    ///
    /// Without `[models.flow]` a transaction event is counted and otherwise ignored, as a flow for
    /// an asset without an outflow limiter is.
    mutating func transaction(_ t: TransactionObservation) {
        guard abs(t.timestamp.milliseconds) <= FeedSense.timeBound else {
            reject(
                at: t.timestamp, subject: "account:\(t.account)",
                "timestamp \(t.timestamp.milliseconds) ms is out of range")
            return
        }
        advanceTime(t.timestamp)
        guard flowClassifier != nil else { return }
        let verdict: FlowClassifier.Verdict
        do {
            verdict = try flowClassifier!.score(t.features)
        } catch {
            reject(
                at: t.timestamp, subject: "account:\(t.account)",
                "transaction features refused by model \(flowClassifier!.spec.artifact.name): \(error.message)")
            return
        }
        let spec = flowClassifier!.spec
        let assessment = verdict.assessment
        let drifting = !assessment.driftedFeatures.isEmpty
        if drifting != flowClassifier!.drifting {
            flowClassifier!.drifting = drifting
            driftChanged(spec, assessment, at: t.timestamp)
        }
        let flagged = verdict.probability >= spec.threshold
        guard flagged || assessment.isOutOfDistribution else { return }
        let source = "model:\(spec.artifact.name)"
        let subject = "market:\(t.market)"
        var evidence: [String: Double] = [
            "probability": verdict.probability, "threshold": spec.threshold, "distance": assessment.distance,
            "distanceThreshold": assessment.distanceThreshold,
            "outOfDistribution": assessment.isOutOfDistribution ? 1 : 0,
            "driftedFeatures": Double(assessment.driftedFeatures.count),
        ]
        let score = "attack probability \(verdict.probability) \(flagged ? "≥" : "<") \(spec.threshold)"
        guard assessment.canActAlone else {
            var reasons: [String] = []
            if assessment.isOutOfDistribution {
                reasons.append(
                    "input out of distribution (distance \(assessment.distance) > \(assessment.distanceThreshold))")
            }
            if drifting { reasons.append("drifting features: " + assessment.driftedFeatures.joined(separator: ", ")) }
            decisionOutbox.append(
                Decision(
                    timestamp: t.timestamp, kind: .modelFlagged, severity: flagged ? spec.severity : .warning,
                    source: source, subject: subject,
                    message: "transaction by \(t.account) on \(t.market): \(score); "
                        + reasons.joined(separator: "; ") + " — the model's output is not acted on alone",
                    evidence: evidence))
            return
        }
        let message = "transaction by \(t.account) on \(t.market): \(score)"
        guard spec.response == .pause else {
            decisionOutbox.append(
                Decision(
                    timestamp: t.timestamp, kind: .modelFlagged, severity: spec.severity, source: source,
                    subject: subject, message: message + " (alert only: action = alert)", evidence: evidence))
            return
        }
        let scope = spec.scope ?? (spec.markets.contains(t.market) ? .market(t.market) : .protocolWide)
        if flowClassifier!.paused.contains(scope) {
            decisionOutbox.append(
                Decision(
                    timestamp: t.timestamp, kind: .modelFlagged, severity: spec.severity, source: source,
                    subject: scope.description, message: message + "; \(scope) is already paused by this model",
                    evidence: evidence))
            return
        }
        if let gate = assess(signal: verdict.probability) {
            evidence.merge(gate.evidence) { a, _ in a }
            if !gate.shouldPause {
                decisionOutbox.append(
                    Decision(
                        timestamp: t.timestamp, kind: .pauseDecided, severity: .warning, source: source,
                        subject: scope.description,
                        message: message + "; would pause \(scope), but the expected loss \(gate.expectedLossUSD) USD "
                            + "is below the pause cost \(gate.pauseCostUSD) USD",
                        evidence: evidence))
                return
            }
        }
        let action = Action(.pause, scope: scope, at: t.timestamp, reason: "model \(spec.artifact.name): " + message)
        outbox.append(action)
        flowClassifier!.paused.insert(scope)
        pauses.append(PauseRecord(start: t.timestamp, end: nil, scope: scope, reason: "model \(spec.artifact.name)"))
        decisionOutbox.append(
            Decision(
                timestamp: t.timestamp, kind: .modelFlagged, severity: spec.severity, source: source,
                subject: scope.description, message: message, evidence: evidence, actions: [action]))
    }

    /// Records the start or end of drift in the model's recent inputs.
    private mutating func driftChanged(_ spec: Policy.FlowModelSpec, _ assessment: InputAssessment, at time: Timestamp)
    {
        let source = "model:\(spec.artifact.name)"
        if assessment.driftedFeatures.isEmpty {
            decisionOutbox.append(
                Decision(
                    timestamp: time, kind: .modelFlagged, severity: .info, source: source, subject: "model",
                    message: "model \(spec.artifact.name): recent inputs match the training reference again"))
        } else {
            decisionOutbox.append(
                Decision(
                    timestamp: time, kind: .modelFlagged, severity: .warning, source: source, subject: "model",
                    message: "model \(spec.artifact.name): recent inputs drift from the training reference ("
                        + assessment.driftedFeatures.joined(separator: ", ")
                        + "); its output is not acted on alone until they match again",
                    evidence: ["driftedFeatures": Double(assessment.driftedFeatures.count)]))
        }
    }
}
