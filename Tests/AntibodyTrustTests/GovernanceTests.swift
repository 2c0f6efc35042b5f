import AntibodyCore
import Testing

@testable import AntibodyTrust

@Suite("governance state machine")
struct GovernanceTests {
    static let approvers: [Secp256k1PrivateKey] = (0..<5).map {
        try! Secp256k1PrivateKey(bytes: Keccak256.hash("approver-\($0)"))
    }
    static let domain = GuardianDomain(
        name: "Antibody Governance", chainID: 1,
        verifyingContract: address("0x000000000000000000000000000000000000dEaD"))
    static let start = Timestamp(seconds: 1_000_000)
    static let hour = Timestamp.Duration.seconds(3600)

    static func machine() throws -> Governance {
        let configuration = try Governance.Configuration(
            approvers: Set(approvers.map(\.address)), threshold: 3, timelock: .seconds(48 * 3600),
            bounds: [
                "haircut": try ParameterBounds(
                    floor: 0.0, ceiling: 0.5, maximumRelativeStep: 0.1, minimumInterval: hour)
            ],
            domain: domain)
        return try Governance(configuration: configuration, parameters: ["haircut": 0.2])
    }

    func approval(_ approver: Int, _ id: UInt64, _ change: GovernanceChange) -> Governance.Command {
        .approve(
            proposal: id,
            signature: GovernanceApproval.sign(
                proposal: id, change: change, in: Self.domain, with: Self.approvers[approver]))
    }

    @Test("propose, 3-of-5 approvals, timelock, execute")
    func happyPath() throws {
        var governance = try Self.machine()
        let change = GovernanceChange.setParameter(name: "haircut", value: 0.35)
        #expect(
            governance.handle(.propose(change, proposer: Self.approvers[0].address), at: Self.start) == [.proposed(1)])
        #expect(
            governance.handle(approval(0, 1, change), at: Self.start)
                == [.approved(1, by: Self.approvers[0].address, have: 1, need: 3)])
        _ = governance.handle(approval(1, 1, change), at: Self.start)
        let eta = Self.start.advanced(by: .seconds(48 * 3600))
        #expect(
            governance.handle(approval(4, 1, change), at: Self.start)
                == [.approved(1, by: Self.approvers[4].address, have: 3, need: 3), .queued(1, eta: eta)])
        #expect(
            governance.handle(.execute(proposal: 1), at: eta.advanced(by: .init(milliseconds: -1))) == [
                .rejected(.timelocked(1, eta: eta))
            ])
        #expect(governance.handle(.execute(proposal: 1), at: eta) == [.applyParameter(name: "haircut", value: 0.35)])
        #expect(governance.parameters["haircut"] == 0.35)
        #expect(governance.handle(.execute(proposal: 1), at: eta) == [.rejected(.wrongStatus(1, .executed))])
    }

    @Test("approvals: duplicates, outsiders, approvals for another change and malleated signatures are refused")
    func approvalChecks() throws {
        var governance = try Self.machine()
        let change = GovernanceChange.setParameter(name: "haircut", value: 0.3)
        _ = governance.handle(.propose(change, proposer: Self.approvers[0].address), at: Self.start)
        _ = governance.handle(approval(2, 1, change), at: Self.start)
        #expect(
            governance.handle(approval(2, 1, change), at: Self.start) == [
                .rejected(.alreadyApproved(1, Self.approvers[2].address))
            ])
        let outsider = try Secp256k1PrivateKey(bytes: Keccak256.hash("outsider"))
        let foreign = GovernanceApproval.sign(proposal: 1, change: change, in: Self.domain, with: outsider)
        #expect(
            governance.handle(.approve(proposal: 1, signature: foreign), at: Self.start) == [
                .rejected(.notApprover(outsider.address))
            ])
        // A signature for a different change recovers to some unrelated address.
        let other = GovernanceApproval.sign(
            proposal: 1, change: .setParameter(name: "haircut", value: 0.5), in: Self.domain, with: Self.approvers[3])
        if case .rejected(.notApprover) = governance.handle(.approve(proposal: 1, signature: other), at: Self.start)
            .first
        {
        } else {
            Issue.record("approval for another change was counted")
        }
        let good = GovernanceApproval.sign(proposal: 1, change: change, in: Self.domain, with: Self.approvers[3])
        let malleated = try RecoverableSignature(
            r: good.r, s: Secp256k1Tests.curveOrderMinus(good.s), recoveryID: 1 - good.recoveryID)
        #expect(
            governance.handle(.approve(proposal: 1, signature: malleated), at: Self.start) == [
                .rejected(.invalidApproval)
            ])
        #expect(governance.proposals[1]?.approvals.count == 1)
        #expect(governance.handle(approval(0, 9, change), at: Self.start) == [.rejected(.unknownProposal(9))])
    }

    @Test("cancel stops a queued proposal; proposals outside the rails are refused")
    func cancelAndBounds() throws {
        var governance = try Self.machine()
        let change = GovernanceChange.setParameter(name: "haircut", value: 0.45)
        _ = governance.handle(.propose(change, proposer: Self.approvers[0].address), at: Self.start)
        for approver in 0..<3 { _ = governance.handle(approval(approver, 1, change), at: Self.start) }
        let outsider = try Secp256k1PrivateKey(bytes: Keccak256.hash("outsider")).address
        #expect(
            governance.handle(.cancel(proposal: 1, by: outsider), at: Self.start) == [.rejected(.notApprover(outsider))]
        )
        #expect(
            governance.handle(.cancel(proposal: 1, by: Self.approvers[4].address), at: Self.start) == [.cancelled(1)])
        #expect(
            governance.handle(.execute(proposal: 1), at: Timestamp(seconds: 9_000_000)) == [
                .rejected(.wrongStatus(1, .cancelled))
            ])
        #expect(
            governance.handle(.propose(.setParameter(name: "haircut", value: 0.9), proposer: outsider), at: Self.start)
                == [.rejected(.outOfBounds("haircut", value: 0.9, floor: 0, ceiling: 0.5))])
        #expect(
            governance.handle(.propose(.setParameter(name: "ltv", value: 0.5), proposer: outsider), at: Self.start)
                == [.rejected(.unknownParameter("ltv"))])
        #expect(
            governance.handle(.propose(.setParameter(name: "haircut", value: .nan), proposer: outsider), at: Self.start)
                .first
                != .proposed(2))
    }

    @Test("automatic changes: maximum relative step, minimum interval, floor and ceiling")
    func automaticChanges() throws {
        var governance = try Self.machine()
        #expect(
            governance.handle(.automaticChange(name: "haircut", value: 0.25), at: Self.start)
                == [.rejected(.stepTooLarge("haircut", from: 0.2, to: 0.25, maximumRelativeStep: 0.1))])
        #expect(
            governance.handle(.automaticChange(name: "haircut", value: 0.22), at: Self.start) == [
                .applyParameter(name: "haircut", value: 0.22)
            ])
        let next = Self.start.advanced(by: Self.hour)
        #expect(
            governance.handle(.automaticChange(name: "haircut", value: 0.23), at: Self.start.advanced(by: .seconds(60)))
                == [.rejected(.tooSoon("haircut", nextAllowed: next))])
        #expect(
            governance.handle(.automaticChange(name: "haircut", value: 0.2), at: next) == [
                .applyParameter(name: "haircut", value: 0.2)
            ])
        #expect(
            governance.handle(.automaticChange(name: "haircut", value: -0.01), at: Timestamp(seconds: 9_000_000))
                == [.rejected(.outOfBounds("haircut", value: -0.01, floor: 0, ceiling: 0.5))])
        #expect(
            governance.handle(.automaticChange(name: "other", value: 1), at: Self.start) == [
                .rejected(.unknownParameter("other"))
            ])
    }

    @Test("emergency: pause by quorum at once; unpause certificates refused; resume only via governance and timelock")
    func emergencyPath() throws {
        var governance = try Self.machine()
        let pause = QuorumVerifier.Verified(request: QuorumTests.request(.pause), signers: [])
        #expect(governance.handle(.emergency(pause), at: Self.start) == [.pause])
        #expect(governance.isPaused)
        let unpause = QuorumVerifier.Verified(request: QuorumTests.request(.unpause), signers: [])
        #expect(governance.handle(.emergency(unpause), at: Self.start) == [.rejected(.notAnEmergencyAction(.unpause))])
        var isolate = QuorumTests.request(.isolate)
        let asset = address("0x000000000000000000000000000000000000bEEF")
        isolate.params = [UInt8](repeating: 0, count: 12) + asset.bytes
        #expect(
            governance.handle(.emergency(QuorumVerifier.Verified(request: isolate, signers: [])), at: Self.start) == [
                .isolate(asset)
            ])
        #expect(governance.isolated == [asset])
        #expect(
            governance.handle(.automaticChange(name: "haircut", value: 0.21), at: Self.start) == [.rejected(.paused)])
        let resume = GovernanceChange.resume
        _ = governance.handle(.propose(resume, proposer: Self.approvers[1].address), at: Self.start)
        for approver in [1, 2, 3] { _ = governance.handle(approval(approver, 1, resume), at: Self.start) }
        #expect(governance.isPaused)
        let eta = Self.start.advanced(by: .seconds(48 * 3600))
        #expect(governance.handle(.execute(proposal: 1), at: Self.start) == [.rejected(.timelocked(1, eta: eta))])
        #expect(governance.handle(.execute(proposal: 1), at: eta) == [.resume])
        #expect(!governance.isPaused)
    }
}
