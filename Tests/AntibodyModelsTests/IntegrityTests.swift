import AntibodyCore
import AntibodyModels
import AntibodySim
import AntibodyTrust
import Testing

@Suite("Models: integrity (signed artifacts, receipts)")
struct IntegrityTests {
    static let domain = GuardianDomain(
        chainID: 1, verifyingContract: try! EthereumAddress(hex: "0x00000000000000000000000000000000000000aa"))
    static let governor = try! Secp256k1PrivateKey(bytes: [UInt8](repeating: 0x11, count: 32))
    static let stranger = try! Secp256k1PrivateKey(bytes: [UInt8](repeating: 0x22, count: 32))

    static func artifact() throws -> ModelArtifact {
        let data = try Support.dataset(count: 400, seed: 5)
        let model = try Support.logistic(data, seed: 5, epochs: 3)
        return try ModelArtifact(
            name: "tx-classifier", model: .logistic(model), specification: .transactionFlow, threshold: 0.5,
            trainingDataDigest: data.digest, trainingRows: data.count, seed: 5)
    }

    static func rule() throws -> CommitmentRule {
        try CommitmentRule(approvers: [governor.address], threshold: 1, domain: domain)
    }

    @Test("a signed model loads; its document round-trips through JSON text")
    func loads() throws {
        let artifact = try Self.artifact()
        let document = try JSONValue.parse(artifact.documentText)
        #expect(try ModelArtifact(document: document) == artifact)
        let commitment = artifact.commitment(version: 1).signed(by: Self.governor, in: Self.domain)
        let loaded = try ModelArtifact.load(document: document, commitment: commitment, rule: try Self.rule())
        #expect(loaded.digest == artifact.digest)
    }

    @Test("flipping one weight makes the load refuse, saying the model changed since it was signed")
    func flippedWeight() throws {
        let artifact = try Self.artifact()
        let commitment = artifact.commitment(version: 1).signed(by: Self.governor, in: Self.domain)
        guard case .object(var members) = artifact.document, case .array(var weights) = members["parameters"],
            case .number(let literal) = weights[2]
        else {
            Issue.record("unexpected document shape")
            return
        }
        weights[2] = .number("\(-(Double(literal)!))")
        members["parameters"] = .array(weights)
        do {
            _ = try ModelArtifact.load(document: .object(members), commitment: commitment, rule: try Self.rule())
            Issue.record("a tampered model loaded")
        } catch let error as ModelError {
            #expect(error.isIntegrityFailure)
            #expect(error.message.contains("does not match its commitment"))
            #expect(error.message.contains(artifact.digest.description))
        }
    }

    @Test("unsigned models and models signed by a non-approver are refused with the reason")
    func unsigned() throws {
        let artifact = try Self.artifact()
        do {
            _ = try ModelArtifact.load(
                document: artifact.document, commitment: artifact.commitment(version: 1), rule: try Self.rule())
            Issue.record("an unsigned model loaded")
        } catch let error as ModelError {
            #expect(error.message.contains("0 approver signatures"))
        }
        let wrong = artifact.commitment(version: 1).signed(by: Self.stranger, in: Self.domain)
        do {
            _ = try ModelArtifact.load(document: artifact.document, commitment: wrong, rule: try Self.rule())
            Issue.record("a model signed by a stranger loaded")
        } catch let error as ModelError {
            #expect(error.message.contains("not a governance approver"))
        }
    }

    @Test("an inference receipt verifies, and a changed output, input or model does not")
    func receipts() throws {
        let artifact = try Self.artifact()
        let input = try Support.dataset(count: 1, seed: 77).rows[0]
        let receipt = try InferenceReceipt(artifact: artifact, input: input, key: Self.governor)
        try receipt.verify(signer: Self.governor.address, artifact: artifact, input: input)
        #expect(try receipt.signer() == Self.governor.address)
        var other = input
        other[0] = max(-8, other[0] - 1)
        #expect(throws: ModelError.self) {
            try receipt.verify(signer: Self.governor.address, artifact: artifact, input: other)
        }
        #expect(throws: ModelError.self) {
            try receipt.verify(signer: Self.stranger.address, artifact: artifact, input: input)
        }
    }

    @Test("the training-data digest changes with one label")
    func dataDigest() throws {
        var data = try Support.dataset(count: 50, seed: 3)
        let before = data.digest
        try data.replace(0, row: data.rows[0], label: !data.labels[0])
        #expect(data.digest != before)
    }
}
