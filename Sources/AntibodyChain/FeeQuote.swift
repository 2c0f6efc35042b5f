public import AntibodyMath

/// What a transaction pays for gas: a legacy gas price, or EIP-1559's fee cap and priority fee.
public enum FeeQuote: Hashable, Sendable {
    /// A legacy (EIP-155) transaction at this gas price, in wei.
    case legacy(gasPrice: UInt256)
    /// An EIP-1559 transaction with these caps, in wei per gas.
    case eip1559(maxFeePerGas: UInt256, maxPriorityFeePerGas: UInt256)
}
