public import AntibodyCore
import Foundation
import GRDB

/// The audit log on disk: SQLite through GRDB, in WAL mode, append-only through this API.
///
/// Schema (migration `"v1-audit-log"`): `audit_entry(position INTEGER PRIMARY KEY, entry_index,
/// time_ms, kind, payload, previous_hash, hash, signature)` and `audit_meta(key, value)` holding
/// the signer's address and the signed head (entry count and last hash, re-signed on every
/// append, in the same transaction). Verification reads entries in `position` order and checks
/// each with ``AuditVerifier``; the signed head catches entries cut off the end.
public final class AuditLog: Sendable {
    private let database: any DatabaseWriter
    /// The file path.
    public let path: String

    /// Opens (creating if needed) a log for appending.
    ///
    /// - Throws: ``TrustError`` if the file cannot be opened or migrated.
    public init(path: String) throws(TrustError) {
        self.path = path
        do {
            let pool = try DatabasePool(path: path)
            try Self.migrator.migrate(pool)
            database = pool
        } catch {
            throw .storage("cannot open audit log \(path): \(error)")
        }
    }

    /// Opens an existing log read-only, for verification and export.
    ///
    /// - Throws: ``TrustError`` if the file does not exist or is not an audit log.
    public init(readingExistingAt path: String) throws(TrustError) {
        self.path = path
        guard FileManager.default.fileExists(atPath: path) else {
            throw .storage("no audit log at \(path); pass the path of an existing SQLite audit log")
        }
        do {
            var configuration = Configuration()
            configuration.readonly = true
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            let hasTable = try queue.read { try $0.tableExists("audit_entry") && $0.tableExists("audit_meta") }
            guard hasTable else {
                throw TrustError.storage(
                    "\(path) is an SQLite file but not an Antibody audit log (no audit_entry table)")
            }
            database = queue
        } catch let error as TrustError {
            throw error
        } catch {
            throw .storage("cannot open audit log \(path): \(error)")
        }
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-audit-log") { db in
            try db.create(table: "audit_entry") { table in
                table.column("position", .integer).primaryKey()
                table.column("entry_index", .integer).notNull()
                table.column("time_ms", .integer).notNull()
                table.column("kind", .text).notNull()
                table.column("payload", .text).notNull()
                table.column("previous_hash", .blob).notNull()
                table.column("hash", .blob).notNull()
                table.column("signature", .blob).notNull()
            }
            try db.create(table: "audit_meta") { table in
                table.column("key", .text).primaryKey()
                table.column("value", .text).notNull()
            }
        }
        return migrator
    }

    /// The address that signs this log, if any entry was written.
    public func signer() throws(TrustError) -> EthereumAddress? {
        try storage { db in try Self.meta(db, "signer").flatMap { try? EthereumAddress(hex: $0) } }
    }

    /// Appends an entry signed by `key`, in one transaction with the new signed head.
    ///
    /// - Throws: ``TrustError`` if `key` is not the log's signer, the entry is too large, or the
    ///   write fails.
    @discardableResult
    public func append(
        kind: String, payload: String, at time: Timestamp, signedBy key: Secp256k1PrivateKey
    )
        throws(TrustError) -> AuditEntry
    {
        try storage { db in
            if let existing = try Self.meta(db, "signer"), existing != key.address.description {
                throw TrustError.auditLog(
                    "this audit log is signed by \(existing), not \(key.address); use that node's key")
            }
            let last = try Row.fetchOne(db, sql: "SELECT * FROM audit_entry ORDER BY position DESC LIMIT 1")
                .map(Self.entry(from:))
            let entry = try AuditEntry.next(after: last, time: time, kind: kind, payload: payload, signedBy: key)
            try db.execute(
                sql: """
                    INSERT INTO audit_entry (position, entry_index, time_ms, kind, payload, previous_hash, hash, signature)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    Int64(bitPattern: entry.index), Int64(bitPattern: entry.index), entry.time.milliseconds, entry.kind,
                    entry.payload, Data(entry.previousHash.bytes), Data(entry.hash.bytes), Data(entry.signature.rsv),
                ])
            let head = AuditHead(count: entry.index + 1, hash: entry.hash)
            try Self.setMeta(db, "signer", key.address.description)
            try Self.setMeta(db, "head", head.encoded(signedBy: key))
            return entry
        }
    }

    /// Verifies the whole log (streaming) and returns the outcome.
    ///
    /// - Parameter expectedSigner: the node address the log must be signed by; when `nil`, the
    ///   address recorded in the log is used (pin it to detect a log re-signed by another key).
    public func verify(expectedSigner: EthereumAddress? = nil) throws(TrustError) -> AuditReport {
        try storage { db in
            let recorded = try Self.meta(db, "signer").flatMap { try? EthereumAddress(hex: $0) }
            guard let signer = expectedSigner ?? recorded else {
                let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM audit_entry") ?? 0
                return AuditReport(
                    signer: nil, verifiedCount: 0,
                    fault: count == 0 ? nil : AuditFault(index: 0, reason: .invalidSignature))
            }
            var verifier = AuditVerifier(signer: signer)
            let cursor = try Row.fetchCursor(db, sql: "SELECT * FROM audit_entry ORDER BY position")
            while let row = try cursor.next() {
                let entry: AuditEntry
                do {
                    entry = try Self.entry(from: row)
                } catch {
                    return AuditReport(
                        signer: signer, verifiedCount: verifier.count,
                        fault: AuditFault(index: verifier.count, reason: .hashMismatch))
                }
                if verifier.check(entry) != nil { break }
            }
            let head = try Self.meta(db, "head").flatMap { AuditHead(decoding: $0, signer: signer) }
            verifier.finish(signedHeadCount: head?.count, signedHeadHash: head?.hash)
            return AuditReport(signer: signer, verifiedCount: verifier.count, fault: verifier.fault)
        }
    }

    /// Calls `body` with every stored entry in order (for export), stopping at the first row that
    /// cannot be decoded.
    public func forEachEntry(_ body: (AuditEntry) throws -> Void) throws {
        try database.read { db in
            let cursor = try Row.fetchCursor(db, sql: "SELECT * FROM audit_entry ORDER BY position")
            while let row = try cursor.next() { try body(try Self.entry(from: row)) }
        }
    }

    static func entry(from row: Row) throws(TrustError) -> AuditEntry {
        guard let index: Int64 = row["entry_index"], let time: Int64 = row["time_ms"], let kind: String = row["kind"],
            let payload: String = row["payload"], let previous: Data = row["previous_hash"],
            let hash: Data = row["hash"], let signature: Data = row["signature"],
            let previousHash = Bytes32(bytes: previous), let entryHash = Bytes32(bytes: hash)
        else {
            throw .auditLog("an audit_entry row has a missing or malformed column")
        }
        return AuditEntry(
            index: UInt64(bitPattern: index), time: Timestamp(milliseconds: time), kind: kind, payload: payload,
            previousHash: previousHash, hash: entryHash, signature: try RecoverableSignature(rsv: Array(signature)))
    }

    private static func meta(_ db: Database, _ key: String) throws -> String? {
        try String.fetchOne(db, sql: "SELECT value FROM audit_meta WHERE key = ?", arguments: [key])
    }

    private static func setMeta(_ db: Database, _ key: String, _ value: String) throws {
        try db.execute(
            sql:
                "INSERT INTO audit_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            arguments: [key, value])
    }

    private func storage<T>(_ body: (Database) throws -> T) throws(TrustError) -> T {
        do {
            if let pool = database as? DatabasePool {
                return try pool.write(body)
            }
            return try database.read(body)
        } catch let error as TrustError {
            throw error
        } catch {
            throw .storage("audit log \(path): \(error)")
        }
    }
}
