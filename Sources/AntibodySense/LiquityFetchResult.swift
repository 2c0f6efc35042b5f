public import AntibodyCore

/// The result of one ``LiquityPriceFeed/fetchPrice(chainlink:previousChainlink:tellor:now:)``: the
/// price returned and the actions the contract would perform (its two events), for the caller to carry out.
public struct LiquityFetchResult: Hashable, Sendable {
    /// Where the returned price came from.
    public enum Source: String, Hashable, Sendable, Codable {
        /// Chainlink's current answer.
        case chainlink
        /// Tellor's current value.
        case tellor
        /// The last good price stored earlier.
        case lastGoodPrice
    }

    /// The price returned, 18 decimals.
    public var price: UInt128
    /// Where it came from.
    public var source: Source
    /// `PriceFeedStatusChanged(newStatus)`: the new status, when `_changeStatus` ran.
    public var statusChange: LiquityStatus?
    /// `LastGoodPriceUpdated(price)`: the stored price, when `_storePrice` ran.
    public var storedPrice: UInt128?
    /// The status after the call.
    public var status: LiquityStatus

    /// A result with every field given.
    @inlinable
    public init(
        price: UInt128, source: Source, statusChange: LiquityStatus?, storedPrice: UInt128?, status: LiquityStatus
    ) {
        self.price = price
        self.source = source
        self.statusChange = statusChange
        self.storedPrice = storedPrice
        self.status = status
    }

    /// The result as a ``PriceVerdict``: Chainlink in `chainlinkWorking` is `ok`; Chainlink without a
    /// fallback, or Tellor, is `degraded`; the last good price is `untrusted` (its price is reported for
    /// information but must not be used to liquidate or lend).
    public func verdict(at timestamp: Timestamp) -> PriceVerdict {
        let value = Double(price) / 1e18
        var reasons = ReasonSet()
        var status: VerdictStatus
        switch source {
        case .chainlink:
            status = self.status == .chainlinkWorking ? .ok : .degraded
        case .tellor:
            status = .degraded
            reasons.insert(.usingFallbackOracle)
        case .lastGoodPrice:
            status = .untrusted
            reasons.insert(.usingLastGoodPrice)
        }
        if self.status == .bothOraclesUntrusted { reasons.insert(.bothOraclesUntrusted) }
        return PriceVerdict(
            timestamp: timestamp, status: status, price: value, reasons: reasons, lower: value, upper: value)
    }
}
