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

    @Test("a v2 document carries the validation reference: it round-trips and is covered by the commitment")
    func referenceSigned() throws {
        let data = try Support.dataset(count: 400, seed: 5)
        let v1 = try Self.artifact()
        let artifact = try ModelArtifact(
            name: v1.name, model: v1.model, specification: v1.specification, threshold: v1.threshold,
            trainingDataDigest: v1.trainingDataDigest, trainingRows: v1.trainingRows, seed: v1.seed,
            reference: try ValidationReference(fitting: data, benignDrift: true))
        #expect(v1.document.objectValue?["format"]?.stringValue == ModelArtifact.format)
        #expect(artifact.document.objectValue?["format"]?.stringValue == ModelArtifact.formatWithReference)
        #expect(artifact.digest != v1.digest)
        let decoded = try ModelArtifact(document: try JSONValue.parse(artifact.documentText))
        #expect(decoded == artifact)
        // A validator built from the decoded reference gives the same distances as one fitted on the data.
        let fitted = try InputValidator(reference: data)
        let carried = try InputValidator(reference: try #require(decoded.reference), specification: .transactionFlow)
        for row in data.rows.prefix(20) { #expect(abs(fitted.distance(row) - carried.distance(row)) < 1e-9) }
        // Loosening the distance threshold in the document breaks the commitment.
        let commitment = artifact.commitment(version: 1).signed(by: Self.governor, in: Self.domain)
        guard case .object(var members) = artifact.document, case .object(var reference) = members["reference"]
        else {
            Issue.record("unexpected document shape")
            return
        }
        reference["distanceThreshold"] = .number("1000")
        members["reference"] = .object(reference)
        #expect(throws: ModelError.self) {
            try ModelArtifact.load(document: .object(members), commitment: commitment, rule: try Self.rule())
        }
    }

    @Test("a malformed reference is refused with the member named, never a crash")
    func malformedReference() throws {
        let reference = try ValidationReference(fitting: try Support.dataset(count: 200, seed: 9))
        #expect(throws: ModelError.self) {
            try ValidationReference(
                rows: reference.rows, center: reference.center, spread: reference.spread,
                inverseCovariance: reference.inverseCovariance, distanceThreshold: reference.distanceThreshold,
                ksEdges: reference.ksEdges.map { $0.reversed() }, ksCumulative: reference.ksCumulative,
                psiEdges: reference.psiEdges, psiShares: reference.psiShares)
        }
        #expect(throws: ModelError.self) {
            try ValidationReference(
                rows: reference.rows, center: reference.center, spread: reference.spread.map { -$0 },
                inverseCovariance: reference.inverseCovariance, distanceThreshold: reference.distanceThreshold,
                ksEdges: reference.ksEdges, ksCumulative: reference.ksCumulative, psiEdges: reference.psiEdges,
                psiShares: reference.psiShares)
        }
        #expect(throws: ModelError.self) {
            try ValidationReference(
                rows: 10, center: reference.center, spread: reference.spread,
                inverseCovariance: reference.inverseCovariance, distanceThreshold: reference.distanceThreshold,
                ksEdges: reference.ksEdges, ksCumulative: reference.ksCumulative, psiEdges: reference.psiEdges,
                psiShares: reference.psiShares.map { $0.map { $0 * 2 } })
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
