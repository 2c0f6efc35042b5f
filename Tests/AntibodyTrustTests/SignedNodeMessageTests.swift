import AntibodyCore
import Testing

@testable import AntibodyTrust

@Suite("signed node-to-node messages")
struct SignedNodeMessageTests {
    @Test("a message verifies from a known peer; any changed byte, topic, time or sender is rejected")
    func tamper() throws {
        let alice = try NodeSigningKey(seed: Keccak256.hash("alice"))
        let bob = try NodeSigningKey(seed: Keccak256.hash("bob"))
        let peers: Set = [alice.publicKey, bob.publicKey]
        let message = SignedNodeMessage(
            topic: "alert", time: Timestamp(seconds: 1_700_000_000), payload: Array("{\"z\":4.2}".utf8), signedBy: alice
        )
        try message.verify(trusting: peers)
        #expect(throws: TrustError.self) { try message.verify(trusting: [bob.publicKey]) }
        for index in message.payload.indices {
            var payload = message.payload
            payload[index] ^= 0x20
            let changed = SignedNodeMessage(
                sender: message.sender, topic: message.topic, time: message.time, payload: payload,
                signature: message.signature)
            #expect(throws: TrustError.self) { try changed.verify(trusting: peers) }
        }
        for index in message.signature.indices {
            var signature = message.signature
            signature[index] ^= 0x01
            let changed = SignedNodeMessage(
                sender: message.sender, topic: message.topic, time: message.time, payload: message.payload,
                signature: signature)
            #expect(throws: TrustError.self) { try changed.verify(trusting: peers) }
        }
        let retopic = SignedNodeMessage(
            sender: message.sender, topic: "share", time: message.time, payload: message.payload,
            signature: message.signature)
        let retimed = SignedNodeMessage(
            sender: message.sender, topic: message.topic, time: message.time.advanced(by: .seconds(1)),
            payload: message.payload, signature: message.signature)
        let impostor = SignedNodeMessage(
            sender: bob.publicKey, topic: message.topic, time: message.time, payload: message.payload,
            signature: message.signature)
        for changed in [retopic, retimed, impostor] {
            #expect(throws: TrustError.self) { try changed.verify(trusting: peers) }
        }
    }
}
