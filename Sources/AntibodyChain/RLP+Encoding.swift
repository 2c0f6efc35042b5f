extension RLP {
    /// The item's RLP encoding.
    public var encoded: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(encodedCount)
        append(to: &out)
        return out
    }

    /// The length of ``encoded`` in bytes, computed without encoding.
    public var encodedCount: Int {
        switch self {
        case .bytes(let b):
            if b.count == 1 && b[0] < 0x80 { return 1 }
            return Self.headerCount(b.count) + b.count
        case .list(let items):
            let payload = items.reduce(0) { $0 + $1.encodedCount }
            return Self.headerCount(payload) + payload
        }
    }

    /// Appends the item's encoding to `out`.
    public func append(to out: inout [UInt8]) {
        switch self {
        case .bytes(let b):
            if b.count == 1 && b[0] < 0x80 {
                out.append(b[0])
            } else {
                Self.appendHeader(count: b.count, short: 0x80, long: 0xb7, to: &out)
                out.append(contentsOf: b)
            }
        case .list(let items):
            let payload = items.reduce(0) { $0 + $1.encodedCount }
            Self.appendHeader(count: payload, short: 0xc0, long: 0xf7, to: &out)
            for item in items { item.append(to: &out) }
        }
    }

    static func headerCount(_ count: Int) -> Int {
        count < 56 ? 1 : 1 + (Int.bitWidth - count.leadingZeroBitCount + 7) / 8
    }

    static func appendHeader(count: Int, short: UInt8, long: UInt8, to out: inout [UInt8]) {
        if count < 56 {
            out.append(short + UInt8(count))
            return
        }
        let lengthBytes = (Int.bitWidth - count.leadingZeroBitCount + 7) / 8
        out.append(long + UInt8(lengthBytes))
        for shift in stride(from: (lengthBytes - 1) * 8, through: 0, by: -8) {
            out.append(UInt8(truncatingIfNeeded: count >> shift))
        }
    }
}
