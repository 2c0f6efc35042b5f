public import AntibodyCore

extension Bytes32 {
    /// The ABI/EIP-712 word of an address: 12 zero bytes then the 20 address bytes.
    @inlinable
    public static func word(_ address: EthereumAddress) -> Bytes32 {
        Bytes32(bytes: [UInt8](repeating: 0, count: 12) + address.bytes)!
    }

    /// The ABI/EIP-712 word of a signed 64-bit integer (two's complement, sign-extended).
    @inlinable
    public static func word(_ value: Int64) -> Bytes32 {
        let fill: UInt64 = value < 0 ? .max : 0
        return Bytes32(words: fill, fill, fill, UInt64(bitPattern: value).bigEndian)
    }
}
