import AntibodyCore

extension Keystore {
    /// The members of a v3 keystore, validated.
    struct Parsed {
        let address: EthereumAddress?
        let kdf: KeystoreKDF
        let salt: [UInt8]
        let iv: [UInt8]
        let ciphertext: [UInt8]
        let mac: [UInt8]

        init(json: String) throws(TrustError) {
            let root: [String: JSONValue]
            do throws(TrustError) {
                guard let object = try JSONValue.parse(json).objectValue else {
                    throw TrustError.keystore("a keystore is a JSON object")
                }
                root = object
            } catch {
                throw .keystore("the keystore is not valid JSON: \(error.message)")
            }
            guard case .number("3") = root["version"] else {
                throw .keystore("only version 3 keystores (Web3 Secret Storage v3) are supported")
            }
            guard let crypto = (root["crypto"] ?? root["Crypto"])?.objectValue else {
                throw .keystore("the keystore has no \"crypto\" object")
            }
            guard crypto["cipher"]?.stringValue == "aes-128-ctr" else {
                throw .keystore("the keystore cipher must be \"aes-128-ctr\"")
            }
            iv = try Self.hexMember(crypto["cipherparams"]?.objectValue?["iv"], "crypto.cipherparams.iv", count: 16)
            // Keys with leading zero bytes were written shorter by old geth versions (its test data
            // has 31- and 30-byte ones); they decrypt to the key without those zeros.
            ciphertext = try Self.hexMember(crypto["ciphertext"], "crypto.ciphertext", count: nil)
            guard (1...32).contains(ciphertext.count) else {
                throw .keystore("crypto.ciphertext must be 1…32 bytes, not \(ciphertext.count)")
            }
            mac = try Self.hexMember(crypto["mac"], "crypto.mac", count: 32)
            guard let params = crypto["kdfparams"]?.objectValue else {
                throw .keystore("the keystore has no \"crypto.kdfparams\" object")
            }
            guard try Self.integer(params["dklen"], "crypto.kdfparams.dklen") == 32 else {
                throw .keystore("crypto.kdfparams.dklen must be 32")
            }
            salt = try Self.hexMember(params["salt"], "crypto.kdfparams.salt", count: nil)
            switch crypto["kdf"]?.stringValue {
            case "scrypt":
                kdf = .scrypt(
                    n: try Self.integer(params["n"], "crypto.kdfparams.n"),
                    r: try Self.integer(params["r"], "crypto.kdfparams.r"),
                    p: try Self.integer(params["p"], "crypto.kdfparams.p"))
            case "pbkdf2":
                guard params["prf"]?.stringValue == "hmac-sha256" else {
                    throw .keystore("crypto.kdfparams.prf must be \"hmac-sha256\"")
                }
                kdf = .pbkdf2(iterations: try Self.integer(params["c"], "crypto.kdfparams.c"))
            default:
                throw .keystore("crypto.kdf must be \"scrypt\" or \"pbkdf2\"")
            }
            try kdf.validate()
            if let text = root["address"]?.stringValue {
                let bytes = try Self.hexMember(.string(text), "address", count: 20)
                address = try EthereumAddress(validBytes: bytes)
            } else {
                address = nil
            }
        }

        static func hexMember(_ value: JSONValue?, _ name: String, count: Int?) throws(TrustError) -> [UInt8] {
            guard let text = value?.stringValue else { throw .keystore("the keystore has no string \(name)") }
            let bytes: [UInt8]
            do {
                bytes = try Hex.decode(text)
            } catch {
                throw .keystore("\(name) is not hex: \(error.message)")
            }
            if let count, bytes.count != count {
                throw .keystore("\(name) must be \(count) bytes, not \(bytes.count)")
            }
            return bytes
        }

        static func integer(_ value: JSONValue?, _ name: String) throws(TrustError) -> Int {
            guard case .number(let literal) = value, let number = Int(literal) else {
                throw .keystore("\(name) must be an integer")
            }
            return number
        }
    }
}
