import AntibodyMath

extension ABI {
    enum Encoder {
        static func tuple(_ values: [ABIValue], _ types: [ABIType], into out: inout [UInt8]) throws(ChainError) {
            guard values.count == types.count else {
                throw .invalidABI("ABI: \(values.count) values for \(types.count) types (\(ABIType.tuple(types)))")
            }
            let base = out.count
            let headSize = types.reduce(0) { $0 + $1.headSize }
            var tail: [UInt8] = []
            var offsets: [(position: Int, tailOffset: Int)] = []
            for (value, type) in zip(values, types) {
                if type.isDynamic {
                    offsets.append((out.count, tail.count))
                    out.append(contentsOf: [UInt8](repeating: 0, count: 32))
                    try self.value(value, type, into: &tail)
                } else {
                    try self.value(value, type, into: &out)
                }
            }
            assert(out.count - base == headSize)
            for (position, tailOffset) in offsets {
                write(UInt64(headSize + tailOffset), at: position, in: &out)
            }
            out.append(contentsOf: tail)
        }

        static func value(_ value: ABIValue, _ type: ABIType, into out: inout [UInt8]) throws(ChainError) {
            switch (type, value) {
            case (.uint(let bits), .uint(let v)):
                guard bits == 256 || v >> bits == 0 else { throw .invalidABI("ABI: \(v) does not fit uint\(bits)") }
                out.append(contentsOf: v.bigEndianBytes)
            case (.int(let bits), .int(let word)):
                if bits < 256 {
                    let signExtension = word >> (bits - 1)
                    guard signExtension == 0 || signExtension == (UInt256.max >> (bits - 1)) else {
                        throw .invalidABI("ABI: value does not fit int\(bits)")
                    }
                }
                out.append(contentsOf: word.bigEndianBytes)
            case (.address, .address(let a)):
                out.append(contentsOf: [UInt8](repeating: 0, count: 12))
                out.append(contentsOf: a.bytes)
            case (.bool, .bool(let b)):
                out.append(contentsOf: [UInt8](repeating: 0, count: 31))
                out.append(b ? 1 : 0)
            case (.fixedBytes(let n), .fixedBytes(let b)):
                guard b.count == n else { throw .invalidABI("ABI: bytes\(n) needs \(n) bytes, got \(b.count)") }
                out.append(contentsOf: b)
                out.append(contentsOf: [UInt8](repeating: 0, count: 32 - n))
            case (.bytes, .bytes(let b)):
                appendDynamicBytes(b, to: &out)
            case (.string, .string(let s)):
                appendDynamicBytes(Array(s.utf8), to: &out)
            case (.array(let element), .array(let elements)):
                out.append(contentsOf: UInt256(UInt64(elements.count)).bigEndianBytes)
                try tuple(elements, Array(repeating: element, count: elements.count), into: &out)
            case (.fixedArray(let element, let count), .array(let elements)):
                guard elements.count == count else {
                    throw .invalidABI("ABI: \(type) needs \(count) elements, got \(elements.count)")
                }
                try tuple(elements, Array(repeating: element, count: count), into: &out)
            case (.tuple(let types), .tuple(let elements)):
                try tuple(elements, types, into: &out)
            default:
                throw .invalidABI("ABI: a value of the wrong kind for \(type): \(value)")
            }
        }

        static func appendDynamicBytes(_ bytes: [UInt8], to out: inout [UInt8]) {
            out.append(contentsOf: UInt256(UInt64(bytes.count)).bigEndianBytes)
            out.append(contentsOf: bytes)
            let padding = (32 - bytes.count % 32) % 32
            out.append(contentsOf: [UInt8](repeating: 0, count: padding))
        }

        static func write(_ value: UInt64, at position: Int, in out: inout [UInt8]) {
            for i in 0..<8 { out[position + 24 + i] = UInt8(truncatingIfNeeded: value >> UInt64(56 - 8 * i)) }
        }
    }
}
