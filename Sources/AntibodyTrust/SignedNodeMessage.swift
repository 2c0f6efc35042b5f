public import AntibodyCore

/// A node-to-node message signed with the sender's Ed25519 ``NodeSigningKey``: what sentinels
/// exchange (observations, alerts, signature shares) over the peer channel.
///
/// The signature covers a domain-separated canonical encoding —
/// `"ANTIBODY-NODE-V1" ‖ u32 len ‖ topic ‖ time i64 ‖ u32 len ‖ payload` (big-endian) — so a
/// signature for one topic or time cannot be replayed under another.
public struct SignedNodeMessage: Hashable, Sendable {
    /// The sender's public key.
    public let sender: NodePublicKey
    /// What the payload is (e.g. `"alert"`, `"signature-share"`).
    public let topic: String
    /// Event time the sender attached.
    public let time: Timestamp
    /// The payload bytes.
    public let payload: [UInt8]
    /// The 64-byte Ed25519 signature.
    public let signature: [UInt8]

    /// Largest payload accepted, in bytes.
    public static let maximumPayloadBytes = 1 << 20

    /// Signs a message.
    public init(topic: String, time: Timestamp, payload: [UInt8], signedBy key: NodeSigningKey) {
        self.sender = key.publicKey
        self.topic = topic
        self.time = time
        self.payload = payload
        self.signature = key.signature(for: Self.signingBytes(topic: topic, time: time, payload: payload))
    }

    /// A received message, not yet verified.
    public init(sender: NodePublicKey, topic: String, time: Timestamp, payload: [UInt8], signature: [UInt8]) {
        self.sender = sender
        self.topic = topic
        self.time = time
        self.payload = payload
        self.signature = signature
    }

    /// The bytes the signature covers.
    public static func signingBytes(topic: String, time: Timestamp, payload: [UInt8]) -> [UInt8] {
        var out = Array("ANTIBODY-NODE-V1".utf8)
        let topicBytes = Array(topic.utf8)
        out += QuorumCertificate.bigEndian(UInt64(topicBytes.count)).suffix(4)
        out += topicBytes
        out += QuorumCertificate.bigEndian(UInt64(bitPattern: time.milliseconds))
        out += QuorumCertificate.bigEndian(UInt64(payload.count)).suffix(4)
        out += payload
        return out
    }

    /// Checks that the sender is one of `peers` and the signature is valid.
    ///
    /// - Throws: ``TrustError`` naming the problem (unknown sender, oversized payload or bad
    ///   signature).
    public func verify(trusting peers: Set<NodePublicKey>) throws(TrustError) {
        guard peers.contains(sender) else {
            throw .invalidSignature("node message from \(sender), which is not a known peer")
        }
        guard payload.count <= Self.maximumPayloadBytes else {
            throw .invalidInput("node message payload of \(payload.count) bytes exceeds \(Self.maximumPayloadBytes)")
        }
        guard signature.count == 64,
            sender.isValidSignature(signature, for: Self.signingBytes(topic: topic, time: time, payload: payload))
        else {
            throw .invalidSignature(
                "node message \(topic.prefix(64).debugDescription) from \(sender) has a bad signature")
        }
    }
}
