extension RLP {
    /// Decodes exactly one item that spans all of `bytes`.
    ///
    /// - Throws: ``ChainError`` naming the offset of the first problem: truncated input, a
    ///   non-canonical prefix or length, nesting deeper than ``maximumDepth``, or trailing bytes.
    public init(decoding bytes: [UInt8]) throws(ChainError) {
        var offset = 0
        let item = try Self.decodeItem(bytes, &offset, end: bytes.count, depth: 0)
        guard offset == bytes.count else {
            throw .invalidRLP("RLP: \(bytes.count - offset) trailing bytes after the item at offset \(offset)")
        }
        self = item
    }

    private static func decodeItem(
        _ bytes: [UInt8], _ offset: inout Int, end: Int, depth: Int
    ) throws(ChainError)
        -> RLP
    {
        guard offset < end else { throw .invalidRLP("RLP: input ends at offset \(offset) where an item should start") }
        let start = offset
        let prefix = bytes[offset]
        offset += 1
        switch prefix {
        case 0x00...0x7f:
            return .bytes([prefix])
        case 0x80...0xb7:
            let count = Int(prefix - 0x80)
            let payload = try take(bytes, &offset, count, end: end, at: start)
            if count == 1 && payload[0] < 0x80 {
                throw .invalidRLP(
                    "RLP: the single byte 0x\(String(payload[0], radix: 16)) at offset \(start) "
                        + "must be encoded as itself, not with a prefix")
            }
            return .bytes(payload)
        case 0xb8...0xbf:
            let count = try longLength(bytes, &offset, lengthBytes: Int(prefix - 0xb7), end: end, at: start)
            return .bytes(try take(bytes, &offset, count, end: end, at: start))
        case 0xc0...0xf7:
            return .list(try list(bytes, &offset, count: Int(prefix - 0xc0), end: end, depth: depth, at: start))
        default:
            let count = try longLength(bytes, &offset, lengthBytes: Int(prefix - 0xf7), end: end, at: start)
            return .list(try list(bytes, &offset, count: count, end: end, depth: depth, at: start))
        }
    }

    private static func list(
        _ bytes: [UInt8], _ offset: inout Int, count: Int, end: Int, depth: Int, at start: Int
    )
        throws(ChainError) -> [RLP]
    {
        guard depth < maximumDepth else {
            throw .invalidRLP("RLP: lists nested deeper than \(maximumDepth) at offset \(start)")
        }
        guard count <= end - offset else {
            throw .invalidRLP(
                "RLP: the list at offset \(start) declares \(count) bytes but only \(end - offset) remain")
        }
        let listEnd = offset + count
        var items: [RLP] = []
        while offset < listEnd {
            items.append(try decodeItem(bytes, &offset, end: listEnd, depth: depth + 1))
        }
        return items
    }

    private static func take(
        _ bytes: [UInt8], _ offset: inout Int, _ count: Int, end: Int, at start: Int
    )
        throws(ChainError) -> [UInt8]
    {
        guard count <= end - offset else {
            throw .invalidRLP(
                "RLP: the string at offset \(start) declares \(count) bytes but only \(end - offset) remain")
        }
        defer { offset += count }
        return Array(bytes[offset..<offset + count])
    }

    private static func longLength(
        _ bytes: [UInt8], _ offset: inout Int, lengthBytes: Int, end: Int, at start: Int
    )
        throws(ChainError) -> Int
    {
        guard lengthBytes <= end - offset else {
            throw .invalidRLP("RLP: the length field at offset \(start) runs past the end of the input")
        }
        guard bytes[offset] != 0 else {
            throw .invalidRLP("RLP: the length field at offset \(start) has a leading zero byte")
        }
        guard lengthBytes <= 4 else {
            throw .invalidRLP("RLP: the item at offset \(start) declares a \(lengthBytes)-byte length (at most 4)")
        }
        var count = 0
        for _ in 0..<lengthBytes {
            count = count << 8 | Int(bytes[offset])
            offset += 1
        }
        guard count >= 56 else {
            throw .invalidRLP(
                "RLP: the item at offset \(start) uses the long form for \(count) bytes (short form "
                    + "required below 56)")
        }
        return count
    }
}
