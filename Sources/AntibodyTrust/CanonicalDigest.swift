import AntibodyCore

/// The canonical digest of a document (a policy as a parsed tree) or of a model's parameters: the
/// value governance signs in a ``Commitment``.
///
/// Two documents that mean the same get the same digest: object members are sorted by the UTF-8
/// bytes of their names, whitespace and member order in the source do not matter, and numbers are
/// canonical — `1`, `1.0` and `1e0` are the same integer; other numbers are compared as IEEE-754
/// doubles. The encoding is tagged and length-prefixed so no two different trees collide:
///
/// ```
/// null 0x00 | false 0x01 | true 0x02 | double 0x03 bits u64 | integer 0x04 u32 len decimal
/// string 0x05 u32 len UTF-8 | array 0x06 u32 count items | object 0x07 u32 count (key value)…
/// ```
///
/// and the digest is Keccak-256(`"ANTIBODY-COMMITMENT-V1"` ‖ encoding).
public enum CanonicalDigest {
    /// The digest of a document tree.
    ///
    /// - Throws: ``TrustError`` for a number that is neither an integer nor a finite double.
    public static func digest(of document: JSONValue) throws(TrustError) -> Bytes32 {
        var hasher = Keccak256()
        hasher.update("ANTIBODY-COMMITMENT-V1".utf8)
        var out: [UInt8] = []
        try encode(document, into: &out)
        hasher.update(out)
        return Bytes32(hasher.finalize())
    }

    /// The digest of a model's named parameter vectors (e.g. detector weights and thresholds).
    ///
    /// - Throws: ``TrustError`` if a parameter is not finite.
    public static func digest(ofModel name: String, parameters: [String: [Double]]) throws(TrustError) -> Bytes32 {
        var members: [String: JSONValue] = [:]
        for (key, values) in parameters {
            members[key] = .array(
                try values.map { (value: Double) throws(TrustError) -> JSONValue in
                    guard value.isFinite else { throw .commitment("model parameter \(key) holds a non-finite value") }
                    return .number("\(value)")
                })
        }
        return try digest(of: .object(["model": .string(name), "parameters": .object(members)]))
    }

    static func encode(_ value: JSONValue, into out: inout [UInt8]) throws(TrustError) {
        switch value {
        case .null: out.append(0x00)
        case .bool(let flag): out.append(flag ? 0x02 : 0x01)
        case .number(let literal): try encodeNumber(literal, into: &out)
        case .string(let text): appendString(text, tag: 0x05, into: &out)
        case .array(let items):
            out.append(0x06)
            appendLength(items.count, into: &out)
            for item in items { try encode(item, into: &out) }
        case .object(let members):
            out.append(0x07)
            appendLength(members.count, into: &out)
            for key in members.keys.sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }) {
                appendString(key, tag: 0x05, into: &out)
                try encode(members[key]!, into: &out)
            }
        }
    }

    static func encodeNumber(_ literal: String, into out: inout [UInt8]) throws(TrustError) {
        let isIntegerSyntax = !literal.contains(where: { $0 == "." || $0 == "e" || $0 == "E" })
        if isIntegerSyntax {
            var digits = Substring(literal)
            let negative = digits.hasPrefix("-")
            if negative { digits = digits.dropFirst() }
            let trimmed = digits.drop(while: { $0 == "0" })
            let magnitude = trimmed.isEmpty ? "0" : String(trimmed)
            appendString(negative && magnitude != "0" ? "-" + magnitude : magnitude, tag: 0x04, into: &out)
            return
        }
        guard let value = Double(literal), value.isFinite else {
            throw .commitment("number \(literal.prefix(40)) is not a finite double")
        }
        if value == value.rounded(), abs(value) < 9_007_199_254_740_992 {
            appendString(String(Int64(value)), tag: 0x04, into: &out)
            return
        }
        out.append(0x03)
        out += QuorumCertificate.bigEndian(value.bitPattern)
    }

    static func appendString(_ text: String, tag: UInt8, into out: inout [UInt8]) {
        out.append(tag)
        let bytes = Array(text.utf8)
        appendLength(bytes.count, into: &out)
        out += bytes
    }

    static func appendLength(_ count: Int, into out: inout [UInt8]) {
        out += QuorumCertificate.bigEndian(UInt64(count)).suffix(4)
    }
}
