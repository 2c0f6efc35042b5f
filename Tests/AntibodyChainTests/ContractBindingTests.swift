import AntibodyCore
import AntibodyMath
import AntibodyTrust
import Testing

@testable import AntibodyChain

/// The bindings' selectors against vyper's method identifiers, and the specialised certificate
/// encoder against the generic ABI encoder (itself tested with the Solidity specification's examples).
@Suite("Contract bindings")
struct ContractBindingTests {
    static func selector(_ vyper: String) -> [UInt8] {
        // vyper prints the selector as a number (leading zeros dropped): 0x7dd3f59 is 0x07dd3f59.
        let value = UInt32(vyper.dropFirst(2), radix: 16)!
        return (0..<4).map { UInt8(truncatingIfNeeded: value >> (24 - 8 * UInt32($0))) }
    }

    @Test("every binding function has vyper's selector, and every contract function is bound")
    func selectorsMatchVyper() {
        let sets: [([ABIFunction], [String: String])] = [
            (GuardianContract.Functions.all, ContractArtifacts.guardianMethodIdentifiers),
            (ProtectedVaultContract.Functions.all, ContractArtifacts.protectedVaultMethodIdentifiers),
        ]
        for (functions, identifiers) in sets {
            for function in functions {
                let reported = identifiers[function.signature]
                #expect(reported != nil, "\(function.signature) is not a function of the contract")
                if let reported { #expect(function.selector == Self.selector(reported), "\(function.signature)") }
            }
            #expect(Set(functions.map(\.signature)) == Set(identifiers.keys))
        }
        for function in TestTokenContract.Functions.all {
            let reported = ContractArtifacts.testTokenMethodIdentifiers[function.signature]
            #expect(reported.map(Self.selector) == function.selector, "\(function.signature)")
        }
    }

    static func certificate(params: [UInt8], signers: Int) throws -> QuorumCertificate {
        let domain = GuardianDomain(
            chainID: 31337, verifyingContract: try EthereumAddress(hex: "0x5FbDB2315678afecb367f032d93F642f64180aa3"))
        let request = ActionRequest(
            action: .pause, target: try EthereumAddress(hex: "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512"),
            params: params, nonce: 7, expiry: 4_000_000_000)
        let signatures = try (1...signers).map { i in
            request.sign(in: domain, with: try Secp256k1PrivateKey(bytes: UInt256(UInt64(i)).bigEndianBytes))
        }
        return QuorumCertificate(domain: domain, request: request, signatures: signatures)
    }

    @Test("pause, isolate and queue call data equal the generic encoder's, for several params lengths")
    func certificateEncoder() throws {
        let target = try EthereumAddress(hex: "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512")
        for (paramsCount, signers) in [(0, 3), (32, 1), (33, 4), (160, 7)] {
            let params = (0..<paramsCount).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 1) }
            let certificate = try Self.certificate(params: params, signers: signers)
            let value = GuardianContract.certificateValue(certificate)
            let pause = GuardianContract.pauseCall(target: target, certificate: certificate)
            #expect(pause == (try GuardianContract.Functions.pause.encodeCall([.address(target), value])))
            #expect(pause.count == GuardianContract.certificateCallCount(certificate: certificate))
            #expect(
                GuardianContract.isolateCall(target: target, certificate: certificate)
                    == (try GuardianContract.Functions.isolate.encodeCall([.address(target), value])))
            #expect(
                GuardianContract.queueCall(action: .unpause, target: target, certificate: certificate)
                    == (try GuardianContract.Functions.queue.encodeCall([
                        .uint(UInt256(UInt64(2))), .address(target), value,
                    ])))
            // And it decodes back.
            let decoded = try GuardianContract.Functions.pause.decodeCall(pause)
            #expect(decoded == [.address(target), value])
        }
        // Appending reuses the buffer's capacity.
        let certificate = try Self.certificate(params: [], signers: 3)
        var buffer: [UInt8] = [0xff]
        buffer.reserveCapacity(2048)
        GuardianContract.encodePauseCall(target: target, certificate: certificate, into: &buffer)
        #expect(buffer.first == 0xff)
        #expect(Array(buffer.dropFirst()) == GuardianContract.pauseCall(target: target, certificate: certificate))
    }

    @Test("limiter params: the 160-byte setParameter form and the constructor arguments")
    func limiterParams() throws {
        let asset = try EthereumAddress(hex: "0x000000000000000000000000000000000000aaaa")
        let p = LimiterParameters(windowSeconds: 3600, minRetainedBps: 7000, cooldownSeconds: 600, holdOnTrip: true)
        let encoded = p.setParameterParams(asset: asset)
        #expect(encoded.count == 160)
        #expect(Array(encoded[12..<32]) == asset.bytes)
        #expect(UInt256(bigEndianBytes: encoded[32..<64]) == UInt256(UInt64(3600)))
        #expect(UInt256(bigEndianBytes: encoded[64..<96]) == UInt256(UInt64(7000)))
        #expect(UInt256(bigEndianBytes: encoded[96..<128]) == UInt256(UInt64(600)))
        #expect(encoded[159] == 1)
        #expect(try LimiterParameters(abiValue: p.abiValue) == p)
        #expect(GuardianContract.isolateParams(asset: asset) == (try ABI.encode([.address(asset)], as: [.address])))
    }

    @Test("event decoding: topics from the signatures, fields from topics and data")
    func events() throws {
        let target = try EthereumAddress(hex: "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512")
        let event = GuardianEvent.Events.paused
        #expect(event.signature == "Paused(address,uint256,uint256)")
        let log = try LogEntry.make(
            topics: [event.topic, [UInt8](repeating: 0, count: 12) + target.bytes, UInt256(UInt64(7)).bigEndianBytes],
            data: UInt256(UInt64(3)).bigEndianBytes)
        #expect(try GuardianEvent.decode(log) == .paused(target: target, nonce: 7, signers: 3))
        #expect(try ProtectedVaultEvent.decode(log) == nil)
        // A log with the Guardian's topic but a malformed body is a typed error, not a crash.
        let bad = try LogEntry.make(topics: [event.topic], data: [1, 2, 3])
        #expect(throws: ChainError.self) { try GuardianEvent.decode(bad) }
        #expect(
            ProtectedVaultEvent.Events.withdraw.signature == "Withdraw(address,address,uint256)"
                && ProtectedVaultEvent.Events.limiterParamsSet.signature
                    == "LimiterParamsSet(address,uint256,uint256,uint256,bool)"
        )
    }
}

extension LogEntry {
    /// A log for decoding tests.
    static func make(topics: [[UInt8]], data: [UInt8]) throws -> LogEntry {
        try LogEntry(
            json: .object([
                "address": .string("0x5FbDB2315678afecb367f032d93F642f64180aa3"),
                "topics": .array(topics.map { .string(Hex.encode($0)) }), "data": .string(Hex.encode(data)),
                "blockNumber": .string("0x1"), "transactionHash": .string(Hex.encode([UInt8](repeating: 1, count: 32))),
                "logIndex": .string("0x0"),
            ]))
    }
}
