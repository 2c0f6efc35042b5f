public import AntibodyMath

/// A lock-and-mint token bridge between two chains, with Nomad's message-verification design:
/// on the source chain deposits are locked in an escrow and a message is dispatched; on the
/// destination a *replica* accepts a message only if it was proven under a root whose optimistic
/// window has passed (`acceptableRoot`), then mints wrapped tokens. Burning wrapped tokens sends a
/// message back that unlocks escrow.
///
/// The Nomad exploit (Aug 2022) is reproducible: an upgrade initialised the trusted root to
/// `0x00`, and since an unproven message's root also reads as `0x00`, *any* message was accepted.
/// ``trustZeroRoot`` models that misconfiguration. Invariant: wrapped supply ≤ escrow.
public struct LockMintBridge: Hashable, Sendable {
    /// A cross-chain message: release or mint `amount` to `recipient`, identified by `nonce`.
    public struct Message: Hashable, Sendable {
        /// The message's unique nonce.
        public var nonce: UInt64
        /// The receiving account.
        public var recipient: Int
        /// Tokens to mint (towards the destination) or unlock (towards the source).
        public var amount: UInt256
        /// A message.
        public init(nonce: UInt64, recipient: Int, amount: UInt256) {
            self.nonce = nonce
            self.recipient = recipient
            self.amount = amount
        }
    }

    /// Tokens locked on the source chain.
    public private(set) var escrow: UInt256 = .zero
    /// Wrapped tokens outstanding on the destination chain.
    public private(set) var wrappedSupply: UInt256 = .zero
    /// Source-chain tokens released to each account by the bridge.
    public private(set) var released: [Int: UInt256] = [:]
    /// Wrapped tokens held per account.
    public private(set) var wrapped: [Int: UInt256] = [:]
    /// Whether the replica accepts messages proven under no root (Nomad's bug).
    public var trustZeroRoot: Bool
    private var proven: Set<UInt64> = []
    private var processed: Set<UInt64> = []
    private var nextNonce: UInt64 = 1

    /// A bridge; `trustZeroRoot` reproduces Nomad's misconfigured upgrade.
    public init(trustZeroRoot: Bool = false) { self.trustZeroRoot = trustZeroRoot }

    /// Locks `amount` for `recipient` and delivers the proven mint message on the destination.
    @discardableResult
    public mutating func deposit(_ amount: UInt256, recipient: Int) throws(SimError) -> Message {
        guard !amount.isZero else { throw .revert("BridgeRouter: zero amount") }
        escrow = try EVM.add(escrow, amount)
        let m = Message(nonce: nextNonce, recipient: recipient, amount: amount)
        nextNonce += 1
        proven.insert(m.nonce)
        processed.insert(m.nonce)
        wrappedSupply = try EVM.add(wrappedSupply, amount)
        wrapped[recipient] = try EVM.add(wrapped[recipient] ?? .zero, amount)
        return m
    }

    /// Burns `amount` wrapped tokens of `holder` and returns the proven unlock message, which
    /// ``process(_:)`` delivers on the source chain.
    public mutating func burn(_ amount: UInt256, holder: Int) throws(SimError) -> Message {
        guard (wrapped[holder] ?? .zero) >= amount, !amount.isZero else {
            throw .revert("ERC20: burn amount exceeds balance")
        }
        wrapped[holder] = wrapped[holder]! - amount
        wrappedSupply -= amount
        let m = Message(nonce: nextNonce, recipient: holder, amount: amount)
        nextNonce += 1
        proven.insert(m.nonce)
        return m
    }

    /// `Replica.process`: delivers an unlock message on the source chain if its root is acceptable
    /// and it has not been processed; releases escrow to the recipient.
    public mutating func process(_ message: Message) throws(SimError) {
        guard proven.contains(message.nonce) || trustZeroRoot else { throw .revert("!proven") }
        guard !processed.contains(message.nonce) else { throw .revert("!processed") }
        guard escrow >= message.amount else { throw .revert("ERC20: transfer amount exceeds balance") }
        processed.insert(message.nonce)
        escrow -= message.amount
        released[message.recipient] = try EVM.add(released[message.recipient] ?? .zero, message.amount)
    }

    /// Escrow missing behind the wrapped supply (0 while the invariant holds).
    public var deficit: UInt256 { wrappedSupply > escrow ? wrappedSupply - escrow : .zero }
}
