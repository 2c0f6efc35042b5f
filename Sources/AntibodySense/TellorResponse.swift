public import AntibodyCore

/// A Tellor read as Liquity v1's `PriceFeed` sees it (`getTellorCurrentValue`), with `success == false`
/// when the call reverted.
public struct TellorResponse: Hashable, Sendable {
    /// Whether the call succeeded; a failed read is broken.
    public var success: Bool
    /// The value, scaled by `10^tellorDigits` (6 in Liquity v1); 0 is broken.
    public var value: UInt128
    /// When the value was reported; 0 or in the future is broken.
    public var timestamp: Timestamp

    /// A successful read.
    @inlinable
    public init(value: UInt128, timestamp: Timestamp) {
        success = true
        self.value = value
        self.timestamp = timestamp
    }

    /// A read whose call reverted.
    public static let failed = TellorResponse(success: false)

    @inlinable
    init(success: Bool) {
        self.success = success
        value = 0
        timestamp = .epoch
    }
}
