import AntibodyCore
import Testing

@testable import AntibodyTrust

@Suite("commitments to policies and models")
struct CommitmentTests {
    static let approvers = GovernanceTests.approvers
    static let domain = GovernanceTests.domain
    static let rule = try! CommitmentRule(approvers: Set(approvers.map(\.address)), threshold: 3, domain: domain)
    static let policy = try! JSONValue.parse(
        #"{"name":"aave-v3","breakers":[{"asset":"USDC","maxDeviation":0.02,"window":300}],"quorum":{"n":7}}"#)

    static func committed(_ document: JSONValue, signers: [Int]) throws -> Commitment {
        var commitment = Commitment(
            subject: "policy:aave-v3", digest: try CanonicalDigest.digest(of: document), version: 4)
        for index in signers { commitment = commitment.signed(by: approvers[index], in: domain) }
        return commitment
    }

    @Test("the canonical digest ignores member order, whitespace and number spelling, and nothing else")
    func canonical() throws {
        let reordered = try JSONValue.parse(
            #"{ "quorum" : {"n":7.0}, "breakers":[{"window":3e2,"maxDeviation":2e-2,"asset":"USDC"}], "name":"aave-v3" }"#
        )
        #expect(try CanonicalDigest.digest(of: reordered) == CanonicalDigest.digest(of: Self.policy))
        for changed in [
            #"{"name":"aave-v3","breakers":[{"asset":"USDC","maxDeviation":0.03,"window":300}],"quorum":{"n":7}}"#,
            #"{"name":"aave-v3","breakers":[{"asset":"USDT","maxDeviation":0.02,"window":300}],"quorum":{"n":7}}"#,
            #"{"name":"aave-v3","breakers":[],"quorum":{"n":7}}"#,
            #"{"name":"aave-v3","breakers":[{"asset":"USDC","maxDeviation":0.02,"window":"300"}],"quorum":{"n":7}}"#,
        ] {
            #expect(try CanonicalDigest.digest(of: JSONValue.parse(changed)) != CanonicalDigest.digest(of: Self.policy))
        }
        let model = try CanonicalDigest.digest(ofModel: "robust-z", parameters: ["threshold": [3.5], "window": [60]])
        #expect(
            model
                == (try CanonicalDigest.digest(ofModel: "robust-z", parameters: ["window": [60.0], "threshold": [3.5]]))
        )
        #expect(
            model
                != (try CanonicalDigest.digest(ofModel: "robust-z", parameters: ["threshold": [3.6], "window": [60]])))
        #expect(throws: TrustError.self) { try CanonicalDigest.digest(ofModel: "m", parameters: ["w": [.nan]]) }
    }

    @Test("a 3-of-5 commitment loads; the Commitment typed data matches the fast digest")
    func loads() throws {
        let commitment = try Self.committed(Self.policy, signers: [0, 2, 4])
        let name = try Self.rule.load(commitment, document: Self.policy) { $0.objectValue?["name"]?.stringValue }
        #expect(name == "aave-v3")
        let document = commitment.typedData(in: Self.domain)
        #expect(try document.digest() == commitment.signingDigest(in: Self.domain))
    }

    @Test(
        "loading is refused, with the reason, for a changed document, too few, foreign, duplicate or malleated signatures"
    )
    func refusals() throws {
        func refusal(_ commitment: Commitment, _ document: JSONValue = Self.policy) -> String? {
            do {
                _ = try Self.rule.load(commitment, document: document) { $0 }
                return nil
            } catch let error as TrustError {
                return error.message
            } catch {
                return "\(error)"
            }
        }
        let tampered = try JSONValue.parse(
            #"{"name":"aave-v3","breakers":[{"asset":"USDC","maxDeviation":0.5,"window":300}],"quorum":{"n":7}}"#)
        #expect(
            refusal(try Self.committed(Self.policy, signers: [0, 1, 2]), tampered)?.contains(
                "changed since governance signed") == true)
        #expect(refusal(try Self.committed(Self.policy, signers: [0, 1]))?.contains("3 are required") == true)
        #expect(refusal(try Self.committed(Self.policy, signers: [0, 1, 1]))?.contains("twice") == true)
        var foreign = try Self.committed(Self.policy, signers: [0, 1])
        foreign = foreign.signed(by: try Secp256k1PrivateKey(bytes: Keccak256.hash("outsider")), in: Self.domain)
        #expect(refusal(foreign)?.contains("not a governance approver") == true)
        var malleated = try Self.committed(Self.policy, signers: [0, 1, 2])
        let good = malleated.signatures[2]
        malleated.signatures[2] = try RecoverableSignature(
            r: good.r, s: Secp256k1Tests.curveOrderMinus(good.s), recoveryID: 1 - good.recoveryID)
        #expect(refusal(malleated)?.contains("malleable") == true)
        var bumped = try Self.committed(Self.policy, signers: [0, 1, 2])
        bumped.version = 5
        #expect(refusal(bumped)?.contains("not a governance approver") == true)
    }
}
