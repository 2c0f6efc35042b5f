public import AntibodyCore

/// What ``GuardianExecutor`` needs to put a call on chain: one account that signs, sends and waits
/// for the receipt. The chain module's transaction sender conforms; tests may use a fake.
public protocol GuardianTransactionSender: Sendable {
    /// The sending account (a Guardian governor when the executor queues unpauses or parameter changes).
    var from: EthereumAddress { get }
    /// Sends a transaction calling `to` with `data` and returns its receipt once mined. A reverted
    /// transaction either returns a receipt with `succeeded == false` or throws a revert ``ChainError``
    /// carrying the reason; the executor handles both.
    ///
    /// - Throws: ``ChainError`` if it could not be sent, reverted, or no receipt arrived in time.
    func submit(to: EthereumAddress, data: [UInt8]) async throws(ChainError) -> TransactionReceipt
}
