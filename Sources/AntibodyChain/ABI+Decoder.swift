import AntibodyCore
import AntibodyMath

extension ABI {
    struct Decoder {
        let data: [UInt8]

        func word(at offset: Int, for type: ABIType) throws(ChainError) -> ArraySlice<UInt8> {
            guard offset >= 0, offset <= data.count - 32 else {
                throw .invalidABI("ABI: \(type) at offset \(offset) runs past the end of \(data.count) bytes")
            }
            return data[offset..<offset + 32]
        }

        /// A word that must hold a small non-negative integer (an offset or a length).
        func smallInteger(at offset: Int, for type: ABIType, what: String) throws(ChainError) -> Int {
            let w = try word(at: offset, for: type)
            guard w.prefix(28).allSatisfy({ $0 == 0 }) else {
                throw .invalidABI("ABI: the \(what) of \(type) at offset \(offset) is impossibly large")
            }
            return w.suffix(4).reduce(0) { $0 << 8 | Int($1) }
        }

        mutating func tuple(_ types: [ABIType], at base: Int, depth: Int) throws(ChainError) -> [ABIValue] {
            guard depth < 32 else { throw .invalidABI("ABI: data nests deeper than 32") }
            var values: [ABIValue] = []
            values.reserveCapacity(types.count)
            var head = base
            for type in types {
                if type.isDynamic {
                    let offset = try smallInteger(at: head, for: type, what: "offset")
                    guard offset <= data.count - base else {
                        throw .invalidABI("ABI: the offset \(offset) of \(type) at \(head) points past the data")
                    }
                    values.append(try value(type, at: base + offset, depth: depth))
                } else {
                    values.append(try value(type, at: head, depth: depth))
                }
                head += type.headSize
            }
            return values
        }

        mutating func value(_ type: ABIType, at offset: Int, depth: Int) throws(ChainError) -> ABIValue {
            switch type {
            case .uint(let bits):
                let v = UInt256(bigEndianBytes: try word(at: offset, for: type))!
                guard bits == 256 || v >> bits == 0 else {
                    throw .invalidABI("ABI: the uint\(bits) at offset \(offset) is out of range")
                }
                return .uint(v)
            case .int(let bits):
                let v = UInt256(bigEndianBytes: try word(at: offset, for: type))!
                if bits < 256 {
                    let signExtension = v >> (bits - 1)
                    guard signExtension == 0 || signExtension == (UInt256.max >> (bits - 1)) else {
                        throw .invalidABI("ABI: the int\(bits) at offset \(offset) is not sign-extended")
                    }
                }
                return .int(v)
            case .address:
                let w = try word(at: offset, for: type)
                guard w.prefix(12).allSatisfy({ $0 == 0 }) else {
                    throw .invalidABI("ABI: the address at offset \(offset) has non-zero upper bytes")
                }
                return .address(try! EthereumAddress(bytes: Array(w.suffix(20))))
            case .bool:
                let w = try word(at: offset, for: type)
                guard w.prefix(31).allSatisfy({ $0 == 0 }), w.last! <= 1 else {
                    throw .invalidABI("ABI: the bool at offset \(offset) is neither 0 nor 1")
                }
                return .bool(w.last! == 1)
            case .fixedBytes(let n):
                let w = try word(at: offset, for: type)
                guard w.dropFirst(n).allSatisfy({ $0 == 0 }) else {
                    throw .invalidABI("ABI: the bytes\(n) at offset \(offset) has non-zero padding")
                }
                return .fixedBytes(Array(w.prefix(n)))
            case .bytes:
                return .bytes(try dynamicBytes(at: offset, for: type))
            case .string:
                let raw = try dynamicBytes(at: offset, for: type)
                guard let text = String(validating: raw, as: UTF8.self) else {
                    throw .invalidABI("ABI: the string at offset \(offset) is not valid UTF-8")
                }
                return .string(text)
            case .array(let element):
                let count = try smallInteger(at: offset, for: type, what: "length")
                guard count <= (data.count - offset - 32) / max(element.headSize, 32) else {
                    throw .invalidABI("ABI: \(type) at offset \(offset) declares \(count) elements, more than fit")
                }
                let elements = try tuple(Array(repeating: element, count: count), at: offset + 32, depth: depth + 1)
                return .array(elements)
            case .fixedArray(let element, let count):
                return .array(try tuple(Array(repeating: element, count: count), at: offset, depth: depth + 1))
            case .tuple(let types):
                return .tuple(try tuple(types, at: offset, depth: depth + 1))
            }
        }

        func dynamicBytes(at offset: Int, for type: ABIType) throws(ChainError) -> [UInt8] {
            let count = try smallInteger(at: offset, for: type, what: "length")
            let start = offset + 32
            guard count <= data.count - start else {
                throw .invalidABI("ABI: \(type) at offset \(offset) declares \(count) bytes, more than remain")
            }
            return Array(data[start..<start + count])
        }
    }
}
