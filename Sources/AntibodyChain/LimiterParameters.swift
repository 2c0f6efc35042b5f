public import AntibodyCore
import AntibodyMath

/// The ProtectedVault's per-asset outflow limiter parameters, the contracts' `LimiterParams` struct
/// `(uint256 windowSeconds, uint256 minRetainedBps, uint256 cooldownSeconds, bool holdOnTrip)`.
public struct LimiterParameters: Hashable, Sendable {
    /// The length of a limiter window, in seconds (1 s … 30 days on chain).
    public var windowSeconds: UInt64
    /// The share of the window's starting liquidity that must stay, in basis points (≤ 10,000).
    public var minRetainedBps: UInt64
    /// How long a tripped limiter holds outflows, in seconds (≤ 30 days).
    public var cooldownSeconds: UInt64
    /// Whether an outflow over the bound is held for a later claim (true) or reverts (false).
    public var holdOnTrip: Bool

    /// Parameters.
    public init(windowSeconds: UInt64, minRetainedBps: UInt64, cooldownSeconds: UInt64, holdOnTrip: Bool) {
        self.windowSeconds = windowSeconds
        self.minRetainedBps = minRetainedBps
        self.cooldownSeconds = cooldownSeconds
        self.holdOnTrip = holdOnTrip
    }

    /// The ABI type of the struct.
    public static let abiType = ABIType.tuple([.uint256, .uint256, .uint256, .bool])

    /// The parameters as an ABI tuple value.
    public var abiValue: ABIValue {
        .tuple([
            .uint(UInt256(windowSeconds)), .uint(UInt256(minRetainedBps)), .uint(UInt256(cooldownSeconds)),
            .bool(holdOnTrip),
        ])
    }

    /// Parameters from an ABI tuple value (as returned by the vault's `limiterParams(asset)`).
    ///
    /// - Throws: ``ChainError`` if the value is not such a tuple or a number exceeds 64 bits.
    public init(abiValue: ABIValue) throws(ChainError) {
        guard let fields = abiValue.elements, fields.count == 4, let window = fields[0].uintValue,
            let retained = fields[1].uintValue, let cooldown = fields[2].uintValue, let hold = fields[3].boolValue,
            let w = window.exactUInt64, let r = retained.exactUInt64, let c = cooldown.exactUInt64
        else { throw .invalidABI("LimiterParams: expected (uint256,uint256,uint256,bool) with 64-bit numbers") }
        self.init(windowSeconds: w, minRetainedBps: r, cooldownSeconds: c, holdOnTrip: hold)
    }

    /// The `params` of a ``GuardianAction/setParameter`` request for `asset`:
    /// `abi_encode(asset, (windowSeconds, minRetainedBps, cooldownSeconds, holdOnTrip))`, the
    /// 160-byte form the Guardian checks and `executeSetParams` must repeat.
    public func setParameterParams(asset: EthereumAddress) -> [UInt8] {
        // Static types only: encoding cannot fail.
        try! ABI.encode([.address(asset), abiValue], as: [.address, Self.abiType])
    }
}
