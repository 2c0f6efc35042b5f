public import AntibodyCore
import Crypto
import Foundation
import _CryptoExtras

/// Encrypted private keys in the Web3 Secret Storage Definition, version 3 — the keystore format
/// of geth, Foundry (`cast wallet`), ethers, web3.js and MetaMask exports — so other Ethereum
/// tools read ours and we read theirs.
///
/// The cipher is AES-128-CTR; the key-derivation function scrypt or PBKDF2-HMAC-SHA256 (both from
/// swift-crypto's `_CryptoExtras`, over BoringSSL); the MAC is Keccak-256 of the derived key's
/// second 16 bytes and the ciphertext. KDF parameters read from a file are bounded
/// (``KeystoreKDF``) so a hostile file cannot exhaust memory or time.
///
/// Errors never contain the passphrase, derived key or private key.
public enum Keystore {
    /// Encrypts `key` under `passphrase` as a v3 keystore JSON document.
    ///
    /// - Parameters:
    ///   - salt, iv, id: fixed values for reproducible tests; random (32-byte salt, 16-byte IV,
    ///     UUID v4) when `nil`.
    /// - Throws: ``TrustError`` if the KDF parameters are outside the accepted bounds or the KDF
    ///   fails.
    public static func encrypt(
        _ key: Secp256k1PrivateKey, passphrase: [UInt8], kdf: KeystoreKDF = .standardScrypt, salt: [UInt8]? = nil,
        iv: [UInt8]? = nil, id: String? = nil
    ) throws(TrustError) -> String {
        try kdf.validate()
        var generator = SystemRandomNumberGenerator()
        let salt = salt ?? (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let iv = iv ?? (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }
        guard iv.count == 16 else { throw .keystore("the AES-128-CTR IV has 16 bytes, not \(iv.count)") }
        let derived = try deriveKey(passphrase: passphrase, salt: salt, kdf: kdf)
        let ciphertext = try key.withSecretBytes { secret throws(TrustError) in
            try aesCTR(Array(secret), key: derived.prefix(16), iv: iv)
        }
        let mac = Keccak256.hash(derived[16..<32] + ciphertext)
        let kdfJSON: String
        switch kdf {
        case .scrypt(let n, let r, let p):
            kdfJSON =
                #""kdf":"scrypt","kdfparams":{"dklen":32,"n":\#(n),"p":\#(p),"r":\#(r),"salt":"\#(Hex.encode(salt, prefix: false))"}"#
        case .pbkdf2(let iterations):
            kdfJSON =
                #""kdf":"pbkdf2","kdfparams":{"c":\#(iterations),"dklen":32,"prf":"hmac-sha256","salt":"\#(Hex.encode(salt, prefix: false))"}"#
        }
        let address = Hex.encode(key.address.bytes, prefix: false)
        let identifier = id ?? UUID().uuidString.lowercased()
        return
            #"{"address":"\#(address)","crypto":{"cipher":"aes-128-ctr","ciphertext":"\#(Hex.encode(ciphertext, prefix: false))","cipherparams":{"iv":"\#(Hex.encode(iv, prefix: false))"},\#(kdfJSON),"mac":"\#(Hex.encode(mac, prefix: false))"},"id":"\#(identifier)","version":3}"#
    }

    /// Decrypts a v3 keystore JSON document with `passphrase`.
    ///
    /// - Throws: ``TrustError`` — ``TrustError/isWrongPassphrase`` when the MAC does not match (a
    ///   wrong passphrase or an altered file), otherwise naming the malformed or unsupported member.
    public static func decrypt(json: String, passphrase: [UInt8]) throws(TrustError) -> Secp256k1PrivateKey {
        let parsed = try Parsed(json: json)
        let derived = try deriveKey(passphrase: passphrase, salt: parsed.salt, kdf: parsed.kdf)
        let mac = Keccak256.hash(derived[16..<32] + parsed.ciphertext)
        guard constantTimeEqual(mac, parsed.mac) else {
            throw .wrongPassphrase(
                "the keystore's MAC does not match: the passphrase is wrong (or the file was altered)")
        }
        var secret = try aesCTR(parsed.ciphertext, key: derived.prefix(16), iv: parsed.iv)
        if secret.count < 32 { secret.insert(contentsOf: [UInt8](repeating: 0, count: 32 - secret.count), at: 0) }
        defer { Secp256k1PrivateKey.wipe(&secret) }
        let key: Secp256k1PrivateKey
        do {
            key = try Secp256k1PrivateKey(bytes: secret)
        } catch {
            throw .keystore("the keystore decrypts to bytes that are not a valid secp256k1 key")
        }
        if let stated = parsed.address, stated != key.address {
            throw .keystore("the keystore decrypts to \(key.address), not the address \(stated) it states")
        }
        return key
    }

    /// The address a keystore states in its `address` member, read without the passphrase
    /// (`nil` if absent). Only ``decrypt(json:passphrase:)`` proves the key matches it.
    public static func statedAddress(json: String) throws(TrustError) -> EthereumAddress? {
        try Parsed(json: json).address
    }

    static func deriveKey(passphrase: [UInt8], salt: [UInt8], kdf: KeystoreKDF) throws(TrustError) -> [UInt8] {
        try kdf.validate()
        guard salt.count <= 1024 else { throw .keystore("the KDF salt is longer than 1024 bytes") }
        do {
            let key: SymmetricKey
            switch kdf {
            case .scrypt(let n, let r, let p):
                key = try KDF.Scrypt.deriveKey(
                    from: passphrase, salt: salt, outputByteCount: 32, rounds: n, blockSize: r, parallelism: p)
            case .pbkdf2(let iterations):
                key = try KDF.Insecure.PBKDF2.deriveKey(
                    from: passphrase, salt: salt, using: .sha256, outputByteCount: 32, unsafeUncheckedRounds: iterations
                )
            }
            return key.withUnsafeBytes { Array($0) }
        } catch {
            throw .keystore(
                "the key-derivation function failed (BoringSSL refused the parameters or ran out of memory)")
        }
    }

    static func aesCTR(_ input: [UInt8], key: ArraySlice<UInt8>, iv: [UInt8]) throws(TrustError) -> [UInt8] {
        do {
            let output = try AES._CTR.encrypt(
                input, using: SymmetricKey(data: Array(key)), nonce: AES._CTR.Nonce(nonceBytes: iv))
            return Array(output)
        } catch {
            throw .keystore("AES-128-CTR failed (the IV must be 16 bytes)")
        }
    }

    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }
}
