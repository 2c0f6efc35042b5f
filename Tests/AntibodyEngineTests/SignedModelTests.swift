import AntibodyCore
import AntibodyEngine
import AntibodyModels
import AntibodyTrust
import Foundation
import Testing

/// The one rule both signed-model tables follow (docs/policy.md, "Signed models"): the forecaster in
/// `[responses.haircuts]` and the classifier in `[models.flow]` are verified against the same
/// governance block, and accept the same overrides.
@Suite("Engine: one commitment rule for every signed model")
struct SignedModelTests {
    static let governor = FlowModelFixture.governor
    static let second = try! Secp256k1PrivateKey(bytes: [UInt8](repeating: 0x33, count: 32))
    static let stranger = FlowModelFixture.stranger
    static let guardian = "0x00000000000000000000000000000000000000aa"
    static let otherContract = "0x00000000000000000000000000000000000000bb"

    static func domain(_ contract: String) -> GuardianDomain {
        GuardianDomain(chainID: 1, verifyingContract: try! EthereumAddress(hex: contract))
    }

    /// Writes the flow fixture's classifier as `flow.json` and the forecaster as `vol.json` into the
    /// fixture's directory, each with a commitment signed by `signers` in `domain`.
    static func write(
        _ fixture: FlowModelFixture, signers: [Secp256k1PrivateKey], in domain: GuardianDomain
    ) throws {
        let documents = [
            ("flow.json", fixture.artifact.documentText, fixture.artifact.commitment(version: 1)),
            (
                "vol.json", HaircutForecasterTests.artifact.documentText,
                HaircutForecasterTests.artifact.commitment(version: 1)
            ),
        ]
        for (file, text, unsigned) in documents {
            let commitment = signers.reduce(unsigned) { $0.signed(by: $1, in: domain) }
            try Data(text.utf8).write(to: URL(fileURLWithPath: "\(fixture.directory)/\(file)"))
            try JSONEncoder().encode(commitment).write(
                to: URL(fileURLWithPath: "\(fixture.directory)/\(file).commitment.json"))
        }
    }

    /// A policy naming both models; `haircutExtra` and `flowExtra` go into their tables.
    static func policy(governance: String, haircutExtra: String = "", flowExtra: String = "") -> String {
        """
        version = 1

        [protocol]
        name = "signed models"
        chain_id = 1
        kind = "lending"
        assets = ["WBTC", "WETH"]
        markets = ["WBTC", "WETH"]

        [responses.haircuts]
        assets = ["WBTC"]
        base_ltv = [0.73]
        sample_interval = "1h"
        reference_volatility = 0.6
        volatility_sensitivity = 0.2
        max_step = 0.02
        min_interval = "6h"
        floor = 0.5
        ceiling = 0.85
        forecaster = "vol.json"
        \(haircutExtra)

        [governance]
        \(governance)

        [models.flow]
        model = "flow.json"
        \(flowExtra)
        """
    }

    /// Two signers, 2-of-2 for parameter changes, and a Guardian contract.
    static let twoOfTwo = """
        signers = ["\(governor.address)", "\(second.address)"]
        pause_threshold = 1
        unpause_threshold = 2
        timelock = "24h"
        guardian = "\(guardian)"
        """

    static func load(_ text: String, in fixture: FlowModelFixture) throws(PolicyError) -> Policy {
        try Policy.load(source: text, file: "\(fixture.directory)/policy.toml")
    }

    static func diagnostics(_ text: String, in fixture: FlowModelFixture) -> [PolicyDiagnostic] {
        do {
            _ = try load(text, in: fixture)
            return []
        } catch {
            return error.diagnostics
        }
    }

    @Test("the same governance block (signers, 2f + 1, guardian) verifies a forecaster and a flow model")
    func sameGovernanceVerifiesBoth() throws {
        let fixture = try FlowModelFixture()
        try Self.write(fixture, signers: [Self.governor, Self.second], in: Self.domain(Self.guardian))
        let policy = try Self.load(Self.policy(governance: Self.twoOfTwo), in: fixture)
        #expect(policy.haircuts?.forecaster?.digest == HaircutForecasterTests.artifact.digest)
        #expect(policy.flowModel?.artifact.digest == fixture.artifact.digest)

        // One signature of two: both tables refuse, with the same words, at their model keys.
        try Self.write(fixture, signers: [Self.governor], in: Self.domain(Self.guardian))
        var found = Self.diagnostics(Self.policy(governance: Self.twoOfTwo), in: fixture)
        #expect(found.map(\.path) == ["responses.haircuts.forecaster", "models.flow.model"])
        #expect(found.allSatisfy { $0.message.contains("1 approver signatures; 2 are required") })

        // Signed for another contract than governance.guardian: both refuse.
        try Self.write(fixture, signers: [Self.governor, Self.second], in: Self.domain(Self.otherContract))
        found = Self.diagnostics(Self.policy(governance: Self.twoOfTwo), in: fixture)
        #expect(found.map(\.path) == ["responses.haircuts.forecaster", "models.flow.model"])
        #expect(found.allSatisfy { $0.message.contains("not a governance approver") })
    }

    @Test(
        "approvers, approvals and verifying_contract override governance in either table",
        arguments: [true, false])
    func overrideHonoured(inHaircuts: Bool) throws {
        let fixture = try FlowModelFixture()
        // Signed only by a key that is not a governance signer, for another contract.
        try Self.write(fixture, signers: [Self.stranger], in: Self.domain(Self.otherContract))
        let overrides = """
            approvers = ["\(Self.stranger.address)"]
            approvals = 1
            verifying_contract = "\(Self.otherContract)"
            """
        let text = Self.policy(
            governance: Self.twoOfTwo, haircutExtra: inHaircuts ? overrides : "", flowExtra: inHaircuts ? "" : overrides
        )
        let found = Self.diagnostics(text, in: fixture)
        // The table with the overrides loads; the other still follows governance and refuses.
        let refused = inHaircuts ? "models.flow.model" : "responses.haircuts.forecaster"
        #expect(found.map(\.path) == [refused])
        #expect(found.first?.message.contains("not a governance approver") == true)

        // The same malformed override gets the same diagnostic in either table, at its key.
        let table = inHaircuts ? "responses.haircuts" : "models.flow"
        let bad = Self.policy(
            governance: Self.twoOfTwo, haircutExtra: inHaircuts ? "verifying_contract = \"0x12\"" : "",
            flowExtra: inHaircuts ? "" : "verifying_contract = \"0x12\"")
        let malformed = Self.diagnostics(bad, in: fixture).filter { $0.path == "\(table).verifying_contract" }
        let diagnostic = try #require(malformed.first)
        #expect(malformed.count == 1)
        #expect(diagnostic.message == "verifying_contract '0x12' is not a 20-byte hex address")
        let lines = bad.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(diagnostic.position.line == lines.firstIndex { $0.hasPrefix("verifying_contract") }! + 1)
        #expect(diagnostic.position.column == "verifying_contract = ".count + 1)
        #expect(diagnostic.description.hasPrefix("\(fixture.directory)/policy.toml:\(diagnostic.position.line):"))

        // More approvals than approvers: refused at approvals in either table, with the same words.
        let two = overrides.replacingOccurrences(of: "approvals = 1", with: "approvals = 2")
        let tooMany = Self.policy(
            governance: Self.twoOfTwo, haircutExtra: inHaircuts ? two : "", flowExtra: inHaircuts ? "" : two)
        let rule = Self.diagnostics(tooMany, in: fixture).filter { $0.path == "\(table).approvals" }
        #expect(rule.count == 1)
        #expect(rule.first?.message.contains("commitment rule is invalid: commitment threshold must be 1…1") == true)
    }

    @Test("an override key without a forecaster is diagnosed on its key")
    func overrideNeedsForecaster() throws {
        let fixture = try FlowModelFixture()
        try Self.write(fixture, signers: [Self.governor, Self.second], in: Self.domain(Self.guardian))
        let text = Self.policy(governance: Self.twoOfTwo, haircutExtra: "approvals = 1")
            .replacingOccurrences(of: "forecaster = \"vol.json\"\n", with: "")
        let found = Self.diagnostics(text, in: fixture)
        #expect(found.map(\.path) == ["responses.haircuts.approvals"])
        #expect(found.first?.message == "this key needs a forecaster")
    }
}
