import AntibodyCore
import AntibodyMath
import AntibodyTrust

/// Typed access to a decoded log's parameters by name (used by the bindings' event decoders).
struct EventFields {
    let event: ABIEvent
    let values: [String: ABIValue]

    func missing(_ name: String, _ type: String) -> ChainError {
        .invalidABI("ABI: \(event.signature) has no \(type) parameter '\(name)'")
    }

    func uint(_ name: String) throws(ChainError) -> UInt256 {
        guard let value = values[name]?.uintValue else { throw missing(name, "uint") }
        return value
    }

    func uint64(_ name: String) throws(ChainError) -> UInt64 {
        guard let value = try uint(name).exactUInt64 else {
            throw .invalidABI("ABI: \(event.signature): '\(name)' exceeds 64 bits")
        }
        return value
    }

    func address(_ name: String) throws(ChainError) -> EthereumAddress {
        guard let value = values[name]?.addressValue else { throw missing(name, "address") }
        return value
    }

    func bool(_ name: String) throws(ChainError) -> Bool {
        guard let value = values[name]?.boolValue else { throw missing(name, "bool") }
        return value
    }

    func bytes32(_ name: String) throws(ChainError) -> Bytes32 {
        guard let bytes = values[name]?.bytesValue, let value = Bytes32(bytes: bytes) else {
            throw missing(name, "bytes32")
        }
        return value
    }
}
