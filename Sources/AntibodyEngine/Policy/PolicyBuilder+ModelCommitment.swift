import AntibodyCore
import AntibodyModels
import AntibodyTrust
import Foundation

/// The one loader path of every governance-signed model a policy names (`[responses.haircuts]
/// forecaster`, `[models.flow] model`; docs/policy.md, "Signed models").
///
/// The rule: the commitment (default `<model>.commitment.json`) must carry `approvals` distinct
/// signatures of `approvers` in the EIP-712 domain of `protocol.chain_id` and `verifying_contract`,
/// where `approvers` defaults to `governance.signers`, `approvals` to `governance.unpause_threshold`
/// (a model is a parameter change: 2f + 1) and `verifying_contract` to `governance.guardian` (the
/// zero address when not given). The commitment is verified before the document is decoded.
extension PolicyBuilder {
    /// How a table names its signed model, and how its messages call it.
    struct SignedModelKeys {
        /// The table's dotted path (`responses.haircuts`, `models.flow`).
        var table: String
        /// The key naming the model document (`forecaster`, `model`).
        var model: String
        /// The key naming governance's commitment to it (`forecaster_commitment`, `commitment`).
        var commitment: String
        /// The model in messages (`forecaster`, `flow model`).
        var label: String
        /// The command that writes such a document, for hints (`antibody models train --kind volatility`).
        var trainCommand: String
    }

    /// The keys every signed-model table accepts to override governance's defaults.
    static let signedModelOverrides = ["approvers", "approvals", "verifying_contract"]
    /// Largest model document read, in bytes.
    static let maxModelDocumentSize = 16 << 20
    /// Largest commitment file read, in bytes.
    static let maxCommitmentSize = 1 << 20

    /// Reads the model document `node[keys.model]` and its commitment (paths relative to the policy
    /// file), verifies the commitment under ``commitmentRule(_:_:governance:chainID:)`` and decodes
    /// the document with `load` (which verifies before decoding). Every failure is a diagnostic on
    /// the offending key, and `nil` is returned.
    ///
    /// - Returns: the verified artifact and the document's resolved path.
    mutating func signedModel<Artifact>(
        _ node: PolicyNode, _ keys: SignedModelKeys, governance: Policy.Governance?, chainID: Int?,
        load: (JSONValue, Commitment, CommitmentRule) throws(ModelError) -> Artifact
    ) -> (artifact: Artifact, path: String)? {
        guard let name = node[keys.model]?.string else { return nil }
        let modelKey = "\(keys.table).\(keys.model)"
        guard let rule = commitmentRule(node, keys, governance: governance, chainID: chainID) else { return nil }
        let commitmentKey = node[keys.commitment] != nil ? "\(keys.table).\(keys.commitment)" : modelKey
        let commitmentName = node[keys.commitment]?.string ?? name + ".commitment.json"
        let resolved = Self.resolve(name, relativeTo: file)
        let resolvedCommitment = Self.resolve(commitmentName, relativeTo: file)
        guard let documentData = Self.read(resolved, limit: Self.maxModelDocumentSize) else {
            error(
                modelKey,
                "cannot read the \(keys.label) document \(name) (\(resolved): missing, unreadable or over 16 MiB)",
                hint: "paths are relative to the policy file; write one with `\(keys.trainCommand) --out`")
            return nil
        }
        guard let commitmentData = Self.read(resolvedCommitment, limit: Self.maxCommitmentSize) else {
            error(
                commitmentKey,
                "cannot read the \(keys.label)'s commitment \(commitmentName) (\(resolvedCommitment): missing, "
                    + "unreadable or over 1 MiB)",
                hint: "`\(keys.trainCommand) --keystore …` writes <model>.commitment.json beside the model; "
                    + "paths are relative to the policy file")
            return nil
        }
        let document: JSONValue
        do {
            document = try JSONValue.parse([UInt8](documentData))
        } catch {
            self.error(
                modelKey, "\(keys.label) \(name) is not JSON: \(error.message)",
                hint: "restore the document governance signed, or write one with `\(keys.trainCommand)`")
            return nil
        }
        let commitment: Commitment
        do {
            commitment = try JSONDecoder().decode(Commitment.self, from: commitmentData)
        } catch {
            self.error(
                commitmentKey, "\(commitmentName) is not a commitment document",
                hint: "use the <model>.commitment.json that `\(keys.trainCommand) --keystore …` writes")
            return nil
        }
        do {
            return (try load(document, commitment, rule), resolved)
        } catch {
            self.error(
                modelKey, "\(keys.label) \(name): \(error.message)",
                hint: error.isIntegrityFailure
                    ? "load only what governance signed: restore the signed document, or have \(rule.threshold) of "
                        + "the approvers sign this one (`\(keys.trainCommand) --keystore …`)"
                    : "use the model document `\(keys.trainCommand)` writes")
            return nil
        }
    }

    /// Who must have signed a table's model: `approvers` (default `governance.signers`), at least
    /// `approvals` of them (default `governance.unpause_threshold`; all approvers without
    /// `[governance]`), in the EIP-712 domain of `protocol.chain_id` and `verifying_contract`
    /// (default `governance.guardian`, else the zero address). Malformed overrides are diagnosed
    /// on their keys; malformed governance or protocol keys were reported by their sections.
    mutating func commitmentRule(
        _ node: PolicyNode, _ keys: SignedModelKeys, governance: Policy.Governance?, chainID: Int?
    ) -> CommitmentRule? {
        let path = keys.table
        var approvers: [EthereumAddress] = []
        if let list = node["approvers"] {
            for (i, text) in list.strings.enumerated() {
                guard let address = try? EthereumAddress(hex: text) else {
                    error(
                        "\(path).approvers[\(i)]", "approver '\(text)' is not a 20-byte hex address",
                        hint: "write 0x followed by 40 hex digits")
                    return nil
                }
                approvers.append(address)
            }
            if Set(approvers).count != approvers.count {
                error("\(path).approvers", "an approver is listed twice", hint: "list each approver once")
                return nil
            }
        } else if let governance {
            guard let signers = try? governance.signers.map({ (s) throws(CoreError) in try EthereumAddress(hex: s) })
            else { return nil }  // reported by the governance section
            approvers = signers
        }
        guard !approvers.isEmpty else {
            error(
                node["approvers"] != nil ? "\(path).approvers" : "\(path).\(keys.model)", onValue: false,
                "the \(keys.label) has no approvers to verify its commitment against",
                hint: "add [governance] with the signers who sign model commitments, or list \(path).approvers")
            return nil
        }
        var contract = try! EthereumAddress(bytes: [UInt8](repeating: 0, count: 20))
        if let text = node["verifying_contract"]?.string {
            guard let address = try? EthereumAddress(hex: text) else {
                error(
                    "\(path).verifying_contract", "verifying_contract '\(text)' is not a 20-byte hex address",
                    hint: "write 0x followed by 40 hex digits (the guardian contract governance signs for)")
                return nil
            }
            contract = address
        } else if let text = governance?.guardian {
            guard let address = try? EthereumAddress(hex: text) else { return nil }  // reported by checkGuardian
            contract = address
        }
        guard let chainID, chainID > 0 else { return nil }  // reported by the protocol section
        let approvals = node["approvals"]?.integer ?? governance?.unpauseThreshold ?? approvers.count
        do {
            return try CommitmentRule(
                approvers: Set(approvers), threshold: approvals,
                domain: GuardianDomain(chainID: UInt64(chainID), verifyingContract: contract))
        } catch {
            // Governance's own thresholds were checked against its signers by the governance section.
            guard node["approvals"] != nil || node["approvers"] != nil else { return nil }
            self.error(
                node["approvals"] != nil ? "\(path).approvals" : "\(path).approvers",
                "the \(keys.label)'s commitment rule is invalid: \(error.message)",
                hint: "approvals must be between 1 and the number of approvers (\(approvers.count))")
            return nil
        }
    }

    /// Reports a `governance.guardian` that is not a 20-byte hex address.
    mutating func checkGuardian(_ governance: Policy.Governance?) {
        guard let text = governance?.guardian, (try? EthereumAddress(hex: text)) == nil else { return }
        error(
            "governance.guardian", "guardian '\(text)' is not a 20-byte hex address",
            hint: "write the Guardian contract's address: 0x followed by 40 hex digits")
    }

    /// `path` as given if absolute, else relative to the directory of `file`.
    static func resolve(_ path: String, relativeTo file: String) -> String {
        guard !path.hasPrefix("/") else { return path }
        return URL(fileURLWithPath: file).deletingLastPathComponent().appendingPathComponent(path).path
    }

    /// The file's bytes, or `nil` if it is not a regular file, cannot be read or exceeds `limit` bytes.
    static func read(_ path: String, limit: Int) -> Data? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            (attributes[.type] as? FileAttributeType) == .typeRegular,
            let size = attributes[.size] as? Int, size <= limit
        else { return nil }
        return FileManager.default.contents(atPath: path)
    }
}
