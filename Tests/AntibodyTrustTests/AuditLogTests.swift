import AntibodyCore
import Foundation
import GRDB
import Testing

@testable import AntibodyTrust

@Suite("hash-chained signed audit log")
struct AuditLogTests {
    static let node = try! Secp256k1PrivateKey(bytes: Keccak256.hash("audit-node"))
    static let intruder = try! Secp256k1PrivateKey(bytes: Keccak256.hash("intruder"))

    /// A fresh log of `count` entries in a temporary directory.
    static func makeLog(count: Int = 6) throws -> (AuditLog, String) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "antibody-audit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("audit.sqlite").path
        let log = try AuditLog(path: path)
        for index in 0..<count {
            try log.append(
                kind: index % 2 == 0 ? "alert" : "certificate", payload: #"{"n":\#(index)}"#,
                at: Timestamp(seconds: 1_700_000_000 + Int64(index)), signedBy: node)
        }
        return (log, path)
    }

    /// Runs raw SQL against the file, as an attacker with write access would.
    static func tamper(_ path: String, _ sql: String, _ arguments: StatementArguments = []) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.write { try $0.execute(sql: sql, arguments: arguments) }
    }

    static func fault(_ path: String, signer: EthereumAddress? = nil) throws -> AuditFault? {
        try AuditLog(readingExistingAt: path).verify(expectedSigner: signer).fault
    }

    @Test("an untouched log verifies; entries chain and are signed by the node")
    func intact() throws {
        let (log, path) = try Self.makeLog()
        let report = try AuditLog(readingExistingAt: path).verify()
        #expect(report.isIntact)
        #expect(report.verifiedCount == 6)
        #expect(report.signer == Self.node.address)
        var entries: [AuditEntry] = []
        try log.forEachEntry { entries.append($0) }
        #expect(entries.map(\.index) == Array(0..<6))
        #expect(entries[0].previousHash == .zero)
        for index in 1..<6 { #expect(entries[index].previousHash == entries[index - 1].hash) }
        #expect(throws: TrustError.self) { try log.append(kind: "x", payload: "", at: .epoch, signedBy: Self.intruder) }
    }

    @Test("edit: changing entry 3's payload names index 3")
    func edit() throws {
        let (_, path) = try Self.makeLog()
        try Self.tamper(path, "UPDATE audit_entry SET payload = '{\"n\":33}' WHERE position = 3")
        #expect(try Self.fault(path) == AuditFault(index: 3, reason: .hashMismatch))
    }

    @Test("edit with a recomputed hash: the signature no longer matches, index 3")
    func editRehashed() throws {
        let (log, path) = try Self.makeLog()
        var entries: [AuditEntry] = []
        try log.forEachEntry { entries.append($0) }
        var forged = entries[3]
        forged.payload = #"{"n":"forged"}"#
        forged.hash = forged.expectedHash
        try Self.tamper(
            path, "UPDATE audit_entry SET payload = ?, hash = ? WHERE position = 3",
            [forged.payload, Data(forged.hash.bytes)])
        #expect(
            try Self.fault(path)
                == AuditFault(index: 3, reason: .wrongSigner(try forged.signature.recoverAddress(digest: forged.hash))))
    }

    @Test("deletion: removing entry 2 names index 2")
    func deletion() throws {
        let (_, path) = try Self.makeLog()
        try Self.tamper(path, "DELETE FROM audit_entry WHERE position = 2")
        #expect(try Self.fault(path) == AuditFault(index: 2, reason: .indexMismatch(found: 3)))
    }

    @Test("truncation: removing the last two entries names index 4 (the signed head)")
    func truncation() throws {
        let (_, path) = try Self.makeLog()
        try Self.tamper(path, "DELETE FROM audit_entry WHERE position >= 4")
        #expect(try Self.fault(path) == AuditFault(index: 4, reason: .truncated(signedCount: 6)))
    }

    @Test("insertion: a forged entry inserted at index 2 (later ones renumbered) names index 2")
    func insertion() throws {
        let (log, path) = try Self.makeLog()
        var entries: [AuditEntry] = []
        try log.forEachEntry { entries.append($0) }
        let forged = try AuditEntry.next(
            after: entries[1], time: Timestamp(seconds: 1_700_000_001), kind: "alert", payload: "{}",
            signedBy: Self.intruder)
        try Self.tamper(
            path, "UPDATE audit_entry SET position = position + 100, entry_index = entry_index + 1 WHERE position >= 2")
        try Self.tamper(path, "UPDATE audit_entry SET position = position - 99 WHERE position >= 100")
        try Self.tamper(
            path,
            "INSERT INTO audit_entry (position, entry_index, time_ms, kind, payload, previous_hash, hash, signature) VALUES (2, 2, ?, ?, ?, ?, ?, ?)",
            [
                forged.time.milliseconds, forged.kind, forged.payload, Data(forged.previousHash.bytes),
                Data(forged.hash.bytes), Data(forged.signature.rsv),
            ])
        #expect(try Self.fault(path) == AuditFault(index: 2, reason: .wrongSigner(Self.intruder.address)))
    }

    @Test("insertion of a copy: duplicating entry 1 at index 2 names index 2")
    func duplicateInsertion() throws {
        let (_, path) = try Self.makeLog()
        try Self.tamper(path, "UPDATE audit_entry SET position = position + 100 WHERE position >= 2")
        try Self.tamper(path, "UPDATE audit_entry SET position = position - 99 WHERE position >= 100")
        try Self.tamper(
            path,
            "INSERT INTO audit_entry SELECT 2, entry_index, time_ms, kind, payload, previous_hash, hash, signature FROM audit_entry WHERE position = 1"
        )
        #expect(try Self.fault(path) == AuditFault(index: 2, reason: .indexMismatch(found: 1)))
    }

    @Test("reordering: swapping entries 3 and 4 names index 3")
    func reordering() throws {
        let (_, path) = try Self.makeLog()
        try Self.tamper(path, "UPDATE audit_entry SET position = 100 WHERE position = 3")
        try Self.tamper(path, "UPDATE audit_entry SET position = 3 WHERE position = 4")
        try Self.tamper(path, "UPDATE audit_entry SET position = 4 WHERE position = 100")
        #expect(try Self.fault(path) == AuditFault(index: 3, reason: .indexMismatch(found: 4)))
    }

    @Test("reordering with renumbered indices: the chain link breaks at index 3")
    func reorderingRenumbered() throws {
        let (_, path) = try Self.makeLog()
        try Self.tamper(path, "UPDATE audit_entry SET position = 100, entry_index = 4 WHERE position = 3")
        try Self.tamper(path, "UPDATE audit_entry SET position = 3, entry_index = 3 WHERE position = 4")
        try Self.tamper(path, "UPDATE audit_entry SET position = 4 WHERE position = 100")
        #expect(try Self.fault(path) == AuditFault(index: 3, reason: .brokenLink))
    }

    @Test("a log wholly re-signed by another key fails against the pinned node address at index 0")
    func resigned() throws {
        let (_, path) = try Self.makeLog(count: 0)
        let log = try AuditLog(path: path)
        try log.append(kind: "alert", payload: "{}", at: .epoch, signedBy: Self.intruder)
        #expect(
            try Self.fault(path, signer: Self.node.address)
                == AuditFault(index: 0, reason: .wrongSigner(Self.intruder.address)))
        #expect(try Self.fault(path) == nil)
    }

    @Test("read-only opening refuses missing files and non-audit databases")
    func openErrors() throws {
        #expect(throws: TrustError.self) { try AuditLog(readingExistingAt: "/nonexistent/audit.sqlite") }
        let (_, path) = try Self.makeLog(count: 1)
        let other = path + ".other"
        let queue = try DatabaseQueue(path: other)
        try queue.write { try $0.execute(sql: "CREATE TABLE t (x)") }
        #expect(throws: TrustError.self) { try AuditLog(readingExistingAt: other) }
    }
}
