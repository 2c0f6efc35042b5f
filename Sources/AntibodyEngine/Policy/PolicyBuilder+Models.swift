import AntibodyCore
import AntibodyModels
import AntibodyTrust
import Foundation

extension PolicyBuilder {
    /// Largest model document read, in bytes.
    static let maxModelDocumentSize = 16 << 20
    /// Largest commitment file read, in bytes.
    static let maxCommitmentSize = 1 << 20

    /// Builds `[models.flow]`: reads the model document and governance's commitment, verifies the
    /// commitment against the approvers (the policy's governance signers and 2f + 1 threshold
    /// unless the table names its own), decodes the model, and checks that it takes the engine's
    /// twelve transaction features and carries an input-validation reference. Every failure is a
    /// diagnostic positioned on the offending key; nothing is loaded unless all checks pass.
    mutating func flowModel(
        _ node: PolicyNode?, governance: Policy.Governance?, chainID: Int?, parts: [String: [String]]
    ) -> Policy.FlowModelSpec? {
        guard let node, let modelPath = node["model"]?.string else { return nil }
        let path = "models.flow"
        let resolved = Self.resolve(modelPath, relativeTo: file)
        let commitmentPath =
            node["commitment"]?.string.map { Self.resolve($0, relativeTo: file) } ?? resolved + ".commitment.json"
        let commitmentKey = node["commitment"] == nil ? "\(path).model" : "\(path).commitment"

        // Who must have signed.
        var approvers: [EthereumAddress] = []
        let approverTexts = node["approvers"]?.strings ?? governance?.signers ?? []
        let approversKey = node["approvers"] == nil ? "governance.signers" : "\(path).approvers"
        for (i, text) in approverTexts.enumerated() {
            guard let address = try? EthereumAddress(hex: text) else {
                // governance.signers are reported by the governance checks.
                if node["approvers"] != nil {
                    error(
                        "\(path).approvers[\(i)]", "approver '\(text)' is not a 20-byte hex address",
                        hint: "write 0x followed by 40 hex digits")
                }
                return nil
            }
            approvers.append(address)
        }
        guard !approvers.isEmpty else {
            error(
                path, onValue: false, "the flow model has no approvers to verify its commitment against",
                hint: "declare [governance] signers, or list models.flow.approvers")
            return nil
        }
        let approvals = node["approvals"]?.integer ?? governance?.unpauseThreshold ?? approvers.count
        var contract = try! EthereumAddress(bytes: [UInt8](repeating: 0, count: 20))
        if let text = node["verifying_contract"]?.string {
            guard let address = try? EthereumAddress(hex: text) else {
                error(
                    "\(path).verifying_contract", "verifying_contract '\(text)' is not a 20-byte hex address",
                    hint: "write 0x followed by 40 hex digits (the guardian contract governance signs for)")
                return nil
            }
            contract = address
        }
        let rule: CommitmentRule
        do {
            rule = try CommitmentRule(
                approvers: Set(approvers), threshold: approvals,
                domain: GuardianDomain(chainID: UInt64(max(chainID ?? 1, 0)), verifyingContract: contract))
        } catch {
            self.error(
                node["approvals"] == nil ? approversKey : "\(path).approvals",
                "the model commitment rule is invalid: \(error.message)",
                hint: "approvals must be between 1 and the number of approvers (\(approvers.count))")
            return nil
        }

        // Read, verify, decode.
        guard let documentData = Self.read(resolved, limit: Self.maxModelDocumentSize) else {
            error(
                "\(path).model", "cannot read the model document \(resolved) (missing, unreadable or over 16 MiB)",
                hint: "check the path (relative to the policy file); write one with `antibody models train --out`")
            return nil
        }
        guard let commitmentData = Self.read(commitmentPath, limit: Self.maxCommitmentSize) else {
            error(
                commitmentKey, "cannot read the model's commitment \(commitmentPath)",
                hint: "`antibody models train --keystore …` writes <model>.commitment.json beside the model")
            return nil
        }
        let document: JSONValue
        do {
            document = try JSONValue.parse([UInt8](documentData))
        } catch {
            self.error(
                "\(path).model", "the model document \(resolved) is not valid JSON: \(error.message)",
                hint: "restore the document governance signed")
            return nil
        }
        let commitment: Commitment
        do {
            commitment = try JSONDecoder().decode(Commitment.self, from: commitmentData)
        } catch {
            self.error(
                commitmentKey, "the commitment \(commitmentPath) is not a commitment document",
                hint: "use the <model>.commitment.json that `antibody models train` wrote")
            return nil
        }
        let artifact: ModelArtifact
        do {
            artifact = try ModelArtifact.load(document: document, commitment: commitment, rule: rule)
        } catch {
            self.error(
                "\(path).model", "\(resolved): \(error.message)",
                hint: error.isIntegrityFailure
                    ? "load only what governance signed: restore the signed document, or have \(approvals) of the "
                        + "approvers sign this one (`antibody models train --keystore`)"
                    : "retrain and re-sign the model with `antibody models train`")
            return nil
        }
        do {
            try artifact.specification.requireNames(TransactionFeatures.names)
        } catch {
            self.error(
                "\(path).model", "\(resolved) does not take the engine's transaction features: \(error.message)",
                hint: "the engine feeds the \(TransactionFeatures.count) features of TransactionFeatures in order: "
                    + TransactionFeatures.names.joined(separator: ", "))
            return nil
        }
        guard let reference = artifact.reference else {
            error(
                "\(path).model",
                "\(resolved) carries no input-validation reference (format \(ModelArtifact.format))",
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

    /// `path` as given if absolute, else relative to the directory of `file`.
    static func resolve(_ path: String, relativeTo file: String) -> String {
        guard !path.hasPrefix("/") else { return path }
        return URL(fileURLWithPath: file).deletingLastPathComponent().appendingPathComponent(path).path
    }

    /// The file's bytes, or `nil` if it cannot be read or exceeds `limit` bytes.
    static func read(_ path: String, limit: Int) -> Data? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            (attributes[.type] as? FileAttributeType) == .typeRegular,
            let size = attributes[.size] as? Int, size <= limit
        else { return nil }
        return FileManager.default.contents(atPath: path)
    }
}
