import AntibodyCore
import AntibodyDefense
import AntibodyModels
import AntibodyTrust
import Foundation

extension PolicyBuilder {
    /// Largest model document or commitment file read, in bytes.
    static let maxModelFileSize = 1 << 20

    /// Adds `responses.haircuts.forecaster` and `volatility` to a built haircut spec: reads the model
    /// document and governance's commitment (paths relative to the policy file), verifies the
    /// commitment under ``commitmentRule(_:chainID:)`` before decoding, and checks the model's
    /// sampling interval (and `forecast_horizon`, if given) against the policy. Every failure is a
    /// diagnostic on the offending key.
    mutating func withForecaster(
        _ spec: Policy.HaircutSpec, _ node: PolicyNode, governance: Policy.Governance?, chainID: Int?
    ) -> Policy.HaircutSpec {
        let path = "responses.haircuts"
        var spec = spec
        let source = node["volatility"]?.string.flatMap(HaircutController.VolatilitySource.init(rawValue:))
        guard let modelPath = node["forecaster"]?.string else {
            if let source, source != .ewma {
                error(
                    "\(path).volatility", "volatility = \"\(source.rawValue)\" needs a forecaster",
                    hint: "name a signed model with forecaster = \"volatility.json\" (antibody models train "
                        + "--kind volatility), or use volatility = \"ewma\"")
            }
            if node["forecaster_commitment"] != nil || node["forecast_horizon"] != nil {
                error(
                    node["forecaster_commitment"] != nil
                        ? "\(path).forecaster_commitment" : "\(path).forecast_horizon",
                    onValue: false, "this key needs a forecaster", hint: "add forecaster = \"…\" or remove the key")
            }
            return spec
        }
        // Default with a forecaster: the larger of EWMA and forecast (the model can only tighten).
        spec.configuration.volatilitySource = source ?? .max
        guard let rule = commitmentRule(governance, chainID: chainID, for: "\(path).forecaster") else { return spec }
        guard let document = readModelFile(modelPath, key: "\(path).forecaster", what: "forecaster model") else {
            return spec
        }
        let commitmentKey =
            node["forecaster_commitment"] != nil ? "\(path).forecaster_commitment" : "\(path).forecaster"
        let commitmentPath = node["forecaster_commitment"]?.string ?? modelPath + ".commitment.json"
        guard let commitmentText = readModelFile(commitmentPath, key: commitmentKey, what: "forecaster commitment")
        else { return spec }
        let commitment: Commitment
        do {
            commitment = try JSONDecoder().decode(Commitment.self, from: Data(commitmentText.utf8))
        } catch {
            self.error(
                commitmentKey, "\(commitmentPath) is not a commitment document",
                hint: "use the <model>.commitment.json that antibody models train writes")
            return spec
        }
        let parsed: JSONValue
        do {
            parsed = try JSONValue.parse(document)
        } catch {
            self.error(
                "\(path).forecaster", "\(modelPath) is not JSON: \(error.message)",
                hint: "use the model document antibody models train --kind volatility writes")
            return spec
        }
        let artifact: ForecasterArtifact
        do {
            artifact = try ForecasterArtifact.load(document: parsed, commitment: commitment, rule: rule)
        } catch {
            self.error(
                "\(path).forecaster", "forecaster \(modelPath): \(error.message)",
                hint: error.isIntegrityFailure
                    ? "load only a model governance committed: restore it, or retrain and have governance.signers "
                        + "sign its commitment (antibody models train --kind volatility --keystore …)"
                    : "use the model document antibody models train --kind volatility writes")
            return spec
        }
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

    /// Who must have signed a model for the engine to load it: `governance.signers`, at
    /// `governance.unpause_threshold` (parameter changes need 2f + 1), in the EIP-712 domain of
    /// `protocol.chain_id` and `governance.guardian` (the zero address when not given).
    mutating func commitmentRule(_ governance: Policy.Governance?, chainID: Int?, for key: String) -> CommitmentRule? {
        guard let governance else {
            error(
                key, onValue: false, "a signed model needs [governance] to verify its commitment",
                hint: "add [governance] with the signers whose signatures the model's commitment carries")
            return nil
        }
        guard let chainID,
            let signers = try? governance.signers.map({ (s) throws(CoreError) in try EthereumAddress(hex: s) })
        else { return nil }  // reported by the protocol and governance sections
        let zero = "0x0000000000000000000000000000000000000000"
        // An invalid guardian was reported by checkGuardian.
        guard let guardian = try? EthereumAddress(hex: governance.guardian ?? zero) else { return nil }
        let domain = GuardianDomain(chainID: UInt64(chainID), verifyingContract: guardian)
        return try? CommitmentRule(
            approvers: Set(signers), threshold: governance.unpauseThreshold, domain: domain)
    }

    /// Reports a `governance.guardian` that is not a 20-byte hex address.
    mutating func checkGuardian(_ governance: Policy.Governance?) {
        guard let text = governance?.guardian, (try? EthereumAddress(hex: text)) == nil else { return }
        error(
            "governance.guardian", "guardian '\(text)' is not a 20-byte hex address",
            hint: "write the Guardian contract's address: 0x followed by 40 hex digits")
    }

    /// Reads a model-side file named in the policy (relative to the policy file's directory), or
    /// records a diagnostic on `key` and returns `nil`.
    mutating func readModelFile(_ name: String, key: String, what: String) -> String? {
        let resolved =
            name.hasPrefix("/")
            ? name : URL(fileURLWithPath: file).deletingLastPathComponent().appendingPathComponent(name).path
        guard let data = FileManager.default.contents(atPath: resolved) else {
            error(
                key, "cannot read the \(what) \(name) (\(resolved))",
                hint: "paths are relative to the policy file; check the path and permissions")
            return nil
        }
        guard data.count <= Self.maxModelFileSize, let text = String(data: data, encoding: .utf8) else {
            error(
                key, "the \(what) \(name) is over 1 MiB or not UTF-8", hint: "use the file antibody models train wrote")
            return nil
        }
        return text
    }
}
