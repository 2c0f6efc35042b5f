/// The key-derivation function of a Web3 Secret Storage (v3) keystore, with its cost parameters.
public enum KeystoreKDF: Hashable, Sendable {
    /// scrypt with cost n (a power of two), block size r and parallelism p.
    case scrypt(n: Int, r: Int, p: Int)
    /// PBKDF2-HMAC-SHA256 with `iterations` rounds.
    case pbkdf2(iterations: Int)

    /// geth's "standard" scrypt parameters (n = 2¹⁸, r = 8, p = 1): about 256 MiB and a second or
    /// so per derivation; the default for new keystores.
    public static let standardScrypt = KeystoreKDF.scrypt(n: 1 << 18, r: 8, p: 1)

    /// geth's "light" scrypt parameters (n = 2¹², r = 8, p = 6), for tests and constrained hosts.
    public static let lightScrypt = KeystoreKDF.scrypt(n: 1 << 12, r: 8, p: 6)

    /// Largest scrypt n accepted when reading a file (2²⁰, i.e. 1 GiB at r = 8), so a hostile file
    /// cannot make us allocate without bound.
    public static let maximumScryptN = 1 << 20
    /// Largest scrypt r accepted when reading.
    public static let maximumScryptR = 32
    /// Largest scrypt p accepted when reading.
    public static let maximumScryptP = 16
    /// Largest scrypt working memory accepted when reading (128 · n · r bytes).
    public static let maximumScryptMemory = 1 << 30
    /// Largest PBKDF2 iteration count accepted when reading.
    public static let maximumPBKDF2Iterations = 10_000_000

    /// Checks the parameters against the bounds above.
    func validate() throws(TrustError) {
        switch self {
        case .scrypt(let n, let r, let p):
            guard n >= 2, n <= Self.maximumScryptN, n & (n - 1) == 0 else {
                throw .keystore("scrypt n must be a power of two from 2 to \(Self.maximumScryptN), not \(n)")
            }
            guard (1...Self.maximumScryptR).contains(r), (1...Self.maximumScryptP).contains(p) else {
                throw .keystore(
                    "scrypt r must be 1…\(Self.maximumScryptR) and p 1…\(Self.maximumScryptP); got r \(r), p \(p)")
            }
            // RFC 7914 requires N < 2^(128·r/8) = 2^(16·r), and BoringSSL enforces it; only r = 1
            // (N < 65536) is affected within our bounds.
            guard 16 * r >= 64 || n < 1 << (16 * r) else {
                throw .keystore(
                    "scrypt n = \(n) with r = \(r) breaks RFC 7914's rule n < 2^(16·r), which BoringSSL (our scrypt) "
                        + "enforces; this keystore cannot be read here — re-encrypt it with r = 8 (e.g. geth's defaults)"
                )
            }
            guard 128 * n * r <= Self.maximumScryptMemory else {
                throw .keystore("scrypt n·r needs more than \(Self.maximumScryptMemory >> 20) MiB; refused")
            }
        case .pbkdf2(let iterations):
            guard (1...Self.maximumPBKDF2Iterations).contains(iterations) else {
                throw .keystore("pbkdf2 c must be 1…\(Self.maximumPBKDF2Iterations), not \(iterations)")
            }
        }
    }
}
