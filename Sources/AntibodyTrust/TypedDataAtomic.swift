import AntibodyCore

/// Encoding of EIP-712 atomic and dynamic member types to their 32-byte words.
enum TypedDataAtomic {
    /// Whether `type` is a built-in (non-struct, non-array) EIP-712 type.
    static func isKnown(_ type: String) -> Bool {
        switch type {
        case "address", "bool", "string", "bytes": return true
        default:
            if let size = fixedBytesSize(type) { return (1...32).contains(size) }
            if let bits = integerBits(type) { return bits.bits > 0 }
            return false
        }
    }

    /// The word for one value of an atomic or dynamic type.
    static func encode(type: String, _ value: JSONValue, path: String) throws(TrustError) -> Bytes32 {
        switch type {
        case "string":
            guard let text = value.stringValue else {
                throw .typedData("\(path) must be a string, not \(value.kindName)")
            }
            return Bytes32(Keccak256.digest(text.utf8))
        case "bytes":
            return Bytes32(Keccak256.digest(try hexBytes(value, path: path, type: type)))
        case "address":
            guard let text = value.stringValue else {
                throw .typedData("\(path) must be an address string (0x and 40 hex digits), not \(value.kindName)")
            }
            let address: EthereumAddress
            do {
                address = try EthereumAddress(hex: text)
            } catch {
                throw .typedData("\(path): \(error.message)")
            }
            return Bytes32(bytes: [UInt8](repeating: 0, count: 12) + address.bytes)!
        case "bool":
            switch value {
            case .bool(let flag): return Bytes32(bigEndian: flag ? 1 : 0)
            case .string("true"): return Bytes32(bigEndian: 1)
            case .string("false"): return Bytes32(bigEndian: 0)
            default: throw .typedData("\(path) must be true or false, not \(value.kindName)")
            }
        default:
            break
        }
        if let size = fixedBytesSize(type), (1...32).contains(size) {
            let bytes = try hexBytes(value, path: path, type: type)
            guard bytes.count == size else {
                throw .typedData("\(path) must be exactly \(size) bytes (\(type)), not \(bytes.count)")
            }
            return Bytes32(bytes: bytes + [UInt8](repeating: 0, count: 32 - size))!
        }
        if let (signed, bits) = integerBits(type), bits > 0 {
            return try integerWord(value, signed: signed, bits: bits, path: path, type: type)
        }
        throw .typedData("\(path) has unknown type \(type.prefix(64).debugDescription)")
    }

    /// N for `bytesN`, or nil.
    static func fixedBytesSize(_ type: String) -> Int? {
        guard type.hasPrefix("bytes"), type.count > 5 else { return nil }
        let digits = type.dropFirst(5)
        guard digits.first != "0", let size = Int(digits) else { return nil }
        return size
    }

    /// (signed, N) for `uintN`/`intN` with N a multiple of 8 in 8...256 (`uint`/`int` mean 256);
    /// bits 0 for a malformed width.
    static func integerBits(_ type: String) -> (signed: Bool, bits: Int)? {
        let signed: Bool
        let digits: Substring
        if type.hasPrefix("uint") {
            signed = false
            digits = type.dropFirst(4)
        } else if type.hasPrefix("int") {
            signed = true
            digits = type.dropFirst(3)
        } else {
            return nil
        }
        if digits.isEmpty { return (signed, 256) }
        guard digits.first != "0", let bits = Int(digits), bits % 8 == 0, (8...256).contains(bits) else {
            return (signed, 0)
        }
        return (signed, bits)
    }

    static func hexBytes(_ value: JSONValue, path: String, type: String) throws(TrustError) -> [UInt8] {
        guard let text = value.stringValue, text.hasPrefix("0x") || text.hasPrefix("0X") else {
            throw .typedData("\(path) must be a 0x hex string (\(type)), not \(value.kindName)")
        }
        do {
            return try Hex.decode(text)
        } catch {
            throw .typedData("\(path): \(error.message)")
        }
    }

    /// A 256-bit two's-complement big-endian word for an integer given as a JSON number, a decimal
    /// string (optionally negative) or a `0x` hex string, range-checked against `bits`.
    static func integerWord(
        _ value: JSONValue, signed: Bool, bits: Int, path: String, type: String
    )
        throws(TrustError) -> Bytes32
    {
        let text: String
        switch value {
        case .number(let literal): text = literal
        case .string(let literal): text = literal
        default: throw .typedData("\(path) must be an integer (\(type)) as a number or string, not \(value.kindName)")
        }
        var negative = false
        var digits = Substring(text)
        if digits.hasPrefix("-") {
            negative = true
            digits = digits.dropFirst()
        }
        var magnitude = [UInt8](repeating: 0, count: 32)
        let tooLarge = TrustError.typedData("\(path) = \(text.prefix(80)) does not fit in \(type)")
        if digits.hasPrefix("0x") || digits.hasPrefix("0X") {
            let hex = digits.dropFirst(2)
            guard !hex.isEmpty, hex.count <= 64 else { throw tooLarge }
            let padded = String(repeating: "0", count: 64 - hex.count) + hex
            do {
                magnitude = try Hex.decode(padded)
            } catch {
                throw .typedData("\(path): \(error.message)")
            }
        } else {
            guard !digits.isEmpty, digits.count <= 80, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                throw .typedData(
                    "\(path) = \(text.prefix(80).debugDescription) is not an integer (\(type)); "
                        + "use decimal digits or 0x hex, without fractions or exponents")
            }
            for digit in digits.utf8 {
                var carry = UInt16(digit - UInt8(ascii: "0"))
                for index in stride(from: 31, through: 0, by: -1) {
                    let product = UInt16(magnitude[index]) * 10 + carry
                    magnitude[index] = UInt8(truncatingIfNeeded: product)
                    carry = product >> 8
                }
                guard carry == 0 else { throw tooLarge }
            }
        }
        let isZero = magnitude.allSatisfy { $0 == 0 }
        if negative && !isZero {
            guard signed else { throw .typedData("\(path) = \(text.prefix(80)) is negative but \(type) is unsigned") }
        }
        // Range check: unsigned < 2^bits; signed positive < 2^(bits-1); negative ≤ 2^(bits-1).
        let limitBits = signed ? bits - 1 : bits
        if !fits(magnitude, bits: limitBits, inclusive: negative && !isZero) { throw tooLarge }
        if negative && !isZero {
            // Two's complement: invert and add one.
            var carry: UInt16 = 1
            for index in stride(from: 31, through: 0, by: -1) {
                let sum = UInt16(~magnitude[index]) + carry
                magnitude[index] = UInt8(truncatingIfNeeded: sum)
                carry = sum >> 8
            }
        }
        return Bytes32(bytes: magnitude)!
    }

    /// Whether a big-endian 32-byte magnitude is < 2^bits (or ≤ 2^bits when `inclusive`).
    static func fits(_ magnitude: [UInt8], bits: Int, inclusive: Bool) -> Bool {
        if bits >= 256 { return true }
        // Bits at positions ≥ `bits` (counting from the least significant) must be zero, except
        // that exactly 2^bits is allowed when inclusive.
        var exceeds = false
        for bit in bits..<256 {
            let byteIndex = 31 - bit / 8
            if magnitude[byteIndex] >> (bit % 8) & 1 == 1 { exceeds = true; break }
        }
        if !exceeds { return true }
        guard inclusive else { return false }
        // Exactly 2^bits: that bit set and nothing else.
        var power = [UInt8](repeating: 0, count: 32)
        power[31 - bits / 8] = 1 << (bits % 8)
        return magnitude == power
    }
}
