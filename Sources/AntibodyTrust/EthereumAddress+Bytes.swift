import AntibodyCore

extension EthereumAddress {
    /// An address from 20 bytes, rethrowing a wrong length as a ``TrustError``.
    init(validBytes bytes: [UInt8]) throws(TrustError) {
        do {
            try self.init(bytes: bytes)
        } catch {
            throw .invalidInput(error.message)
        }
    }
}
