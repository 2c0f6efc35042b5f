public import AntibodyCore

/// One entry of the tamper-evident audit log.
///
/// `hash` = Keccak-256(`previousHash` ‖ ``canonicalEncoding``), chaining every entry to all before
/// it (the first entry's `previousHash` is 32 zero bytes); `signature` is the node's secp256k1
/// signature over `hash`. Editing, deleting, inserting or reordering entries breaks a link, a hash,
/// an index or a signature, and ``AuditVerifier`` names the first index where that happens.
public struct AuditEntry: Hashable, Sendable, Codable {
    /// Position in the log, from 0.
    public var index: UInt64
    /// Event time of the entry.
    public var time: Timestamp
    /// What kind of record this is (e.g. `"alert"`, `"certificate"`, `"governance"`).
    public var kind: String
    /// The record, as text (typically JSON).
    public var payload: String
    /// The previous entry's hash (zero for index 0).
    public var previousHash: Bytes32
    /// Keccak-256(previousHash ‖ canonicalEncoding).
    public var hash: Bytes32
    /// The node's signature over `hash`.
    public var signature: RecoverableSignature

    /// Largest `kind` accepted, in UTF-8 bytes.
    public static let maximumKindBytes = 256
    /// Largest `payload` accepted, in UTF-8 bytes.
    public static let maximumPayloadBytes = 1 << 20

    /// `"ABAL" 0x01 ‖ index u64 ‖ time i64 ‖ u32 byte count ‖ kind ‖ u32 byte count ‖ payload`
    /// (big-endian integers, UTF-8 text).
    public static func canonicalEncoding(index: UInt64, time: Timestamp, kind: String, payload: String) -> [UInt8] {
        var out: [UInt8] = Array("ABAL".utf8) + [0x01]
        out += QuorumCertificate.bigEndian(index)
        out += QuorumCertificate.bigEndian(UInt64(bitPattern: time.milliseconds))
        for text in [kind, payload] {
            let bytes = Array(text.utf8)
            out += QuorumCertificate.bigEndian(UInt64(bytes.count)).suffix(4)
            out += bytes
        }
        return out
    }

    /// The hash this entry's contents and link imply.
    public var expectedHash: Bytes32 {
        var hasher = Keccak256()
        previousHash.withUnsafeBytes { hasher.update($0) }
        hasher.update(Self.canonicalEncoding(index: index, time: time, kind: kind, payload: payload))
        return Bytes32(hasher.finalize())
    }

    /// The entry after `previous` (or the first when `previous` is nil), hashed and signed by `key`.
    ///
    /// - Throws: ``TrustError`` if `kind` or `payload` exceeds its size bound.
    public static func next(
        after previous: AuditEntry?, time: Timestamp, kind: String, payload: String, signedBy key: Secp256k1PrivateKey
    ) throws(TrustError) -> AuditEntry {
        guard kind.utf8.count <= maximumKindBytes, !kind.isEmpty else {
            throw .auditLog("audit entry kind must be 1…\(maximumKindBytes) bytes")
        }
        guard payload.utf8.count <= maximumPayloadBytes else {
            throw .auditLog("audit entry payload of \(payload.utf8.count) bytes exceeds \(maximumPayloadBytes)")
        }
        var entry = AuditEntry(
            index: previous.map { $0.index + 1 } ?? 0, time: time, kind: kind, payload: payload,
            previousHash: previous?.hash ?? .zero, hash: .zero,
            signature: try! RecoverableSignature(r: .zero, s: .zero, recoveryID: 0))
        entry.hash = entry.expectedHash
        entry.signature = key.signature(for: entry.hash)
        return entry
    }
}
