import AntibodyCore
import AntibodyDefense
import AntibodyModels
import AntibodyTrust
import Foundation

extension PolicyBuilder {
    /// The forecaster's keys in `[responses.haircuts]` (docs/policy.md, "Signed models").
    static let forecasterKeys = SignedModelKeys(
        table: "responses.haircuts", model: "forecaster", commitment: "forecaster_commitment", label: "forecaster",
        trainCommand: "antibody models train --kind volatility")

    /// Adds `responses.haircuts.forecaster` and `volatility` to a built haircut spec: loads the signed
    /// model through ``signedModel(_:_:governance:chainID:load:)`` (the rule every signed model
    /// follows) and checks the model's sampling interval (and `forecast_horizon`, if given) against
    /// the policy. Every failure is a diagnostic on the offending key.
    mutating func withForecaster(
        _ spec: Policy.HaircutSpec, _ node: PolicyNode, governance: Policy.Governance?, chainID: Int?
    ) -> Policy.HaircutSpec {
        let path = "responses.haircuts"
        var spec = spec
        let source = node["volatility"]?.string.flatMap(HaircutController.VolatilitySource.init(rawValue:))
        guard node["forecaster"]?.string != nil else {
            if let source, source != .ewma {
                error(
                    "\(path).volatility", "volatility = \"\(source.rawValue)\" needs a forecaster",
                    hint: "name a signed model with forecaster = \"volatility.json\" (antibody models train "
                        + "--kind volatility), or use volatility = \"ewma\"")
            }
            for key in ["forecaster_commitment"] + Self.signedModelOverrides + ["forecast_horizon"]
            where node[key] != nil {
                error(
                    "\(path).\(key)", onValue: false, "this key needs a forecaster",
                    hint: "add forecaster = \"…\" or remove the key")
            }
            return spec
        }
        // Default with a forecaster: the larger of EWMA and forecast (the model can only tighten).
        spec.configuration.volatilitySource = source ?? .max
        guard
            let artifact = signedModel(
                node, Self.forecasterKeys, governance: governance, chainID: chainID,
                load: ForecasterArtifact.load(document:commitment:rule:))?.artifact
        else { return spec }
        let interval = Int(spec.sampleInterval.milliseconds / 1000)
        if spec.sampleInterval.milliseconds % 1000 != 0 || interval != artifact.sampleIntervalSeconds {
            error(
                node["sample_interval"] != nil ? "\(path).sample_interval" : "\(path).forecaster",
                "the forecaster was fitted on \(artifact.sampleIntervalSeconds) s returns; sample_interval is "
                    + "\(Double(spec.sampleInterval.milliseconds) / 1000) s",
                hint: "set sample_interval = \"\(artifact.sampleIntervalSeconds)s\" or train a model at this interval "
                    + "(antibody models train --kind volatility --interval …)")
            return spec
        }
        if let horizon = node["forecast_horizon"]?.milliseconds, horizon != Int64(artifact.horizonSeconds) * 1000 {
            error(
                "\(path).forecast_horizon",
                "the forecaster's horizon is \(artifact.forecaster.horizon) samples = \(artifact.horizonSeconds) s; "
                    + "forecast_horizon is \(Double(horizon) / 1000) s",
                hint: "set forecast_horizon = \"\(artifact.horizonSeconds)s\" or use a model with that horizon")
            return spec
        }
        spec.forecaster = artifact
        return spec
    }
}
