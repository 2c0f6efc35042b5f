import AntibodyCore
import AntibodyModels
import AntibodyTrust
import Foundation

extension PolicyBuilder {
    /// The flow model's keys in `[models.flow]` (docs/policy.md, "Signed models").
    static let flowModelKeys = SignedModelKeys(
        table: "models.flow", model: "model", commitment: "commitment", label: "flow model",
        trainCommand: "antibody models train")

    /// Builds `[models.flow]`: loads the signed model through
    /// ``signedModel(_:_:governance:chainID:load:)`` (the rule every signed model follows), and
    /// checks that it takes the engine's twelve transaction features and carries an
    /// input-validation reference. Every failure is a diagnostic positioned on the offending key;
    /// nothing is loaded unless all checks pass.
    mutating func flowModel(
        _ node: PolicyNode?, governance: Policy.Governance?, chainID: Int?, parts: [String: [String]]
    ) -> Policy.FlowModelSpec? {
        guard let node, let name = node["model"]?.string,
            let loaded = signedModel(
                node, Self.flowModelKeys, governance: governance, chainID: chainID,
                load: ModelArtifact.load(document:commitment:rule:))
        else { return nil }
        let (artifact, resolved) = loaded
        let path = "models.flow"
        do {
            try artifact.specification.requireNames(TransactionFeatures.names)
        } catch {
            self.error(
                "\(path).model", "flow model \(name) does not take the engine's transaction features: \(error.message)",
                hint: "the engine feeds the \(TransactionFeatures.count) features of TransactionFeatures in order: "
                    + TransactionFeatures.names.joined(separator: ", "))
            return nil
        }
        guard let reference = artifact.reference else {
            error(
                "\(path).model",
                "flow model \(name) carries no input-validation reference (format \(ModelArtifact.format))",
                hint: "the engine checks every input against the training data first; retrain with "
                    + "`antibody models train`, which writes \(ModelArtifact.formatWithReference)")
            return nil
        }

        // What its verdicts do.
        var scope: ActionScope?
        if let text = node["scope"]?.string {
            guard let parsed = self.scope(text, "\(path).scope", parts: parts) else { return nil }
            scope = parsed
        }
        let response = node["action"]?.string.flatMap(Policy.FlowModelSpec.Response.init(rawValue:)) ?? .alert
        if scope != nil, response == .alert {
            error(
                "\(path).scope", "scope is set but action is alert", hint: "set action = \"pause\" or remove scope")
            return nil
        }
        return Policy.FlowModelSpec(
            artifact: artifact, reference: reference, threshold: node["threshold"]?.number ?? artifact.threshold,
            response: response, scope: scope, markets: Set(parts["market"] ?? []),
            severity: node["severity"]?.string.flatMap(Severity.init(rawValue:)) ?? .high,
            window: node["window"]?.integer ?? 256,
            maxDistance: node["max_distance"]?.number ?? reference.distanceThreshold, path: resolved)
    }
}
