public import AntibodyCore

extension ChainAccount: GuardianTransactionSender {
    /// The account's address.
    public nonisolated var from: EthereumAddress { address }

    /// ``ChainAccount/sendAndWait(to:data:value:gasLimit:fees:)``: estimates gas, sends with the
    /// account's nonce and waits for the receipt; a revert throws with its reason.
    public func submit(to: EthereumAddress, data: [UInt8]) async throws(ChainError) -> TransactionReceipt {
        try await sendAndWait(to: to, data: data)
    }
}
