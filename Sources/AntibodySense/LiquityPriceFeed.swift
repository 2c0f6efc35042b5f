public import AntibodyCore

/// Liquity v1's `PriceFeed` fallback state machine (Chainlink primary, Tellor fallback) as a value type
/// that returns actions instead of emitting events.
///
/// A transcription of `fetchPrice()` in liquity/dev `packages/contracts/contracts/PriceFeed.sol`: the
/// same five statuses, the same branch order, and the same integer arithmetic — prices scaled to 18
/// digits (`answer · 10^(18 − decimals)`, or floor-divided when `decimals > 18`), the 50 % limit
/// between consecutive Chainlink rounds measured against the larger price, the 5 % limit between the
/// oracles measured against the smaller, both with floor division, and `now − timestamp > timeout`
/// (4 h) for frozen. The one departure: prices are held in 128 bits rather than 256, so an answer whose
/// 18-digit scaling exceeds `UInt128.max` (≈ 3.4 · 10^20 units) is treated as broken instead of
/// accepted. `fetchPrice` is O(1) and never allocates.
public struct LiquityPriceFeed: Sendable {
    /// Liquity v1's `TIMEOUT`: 14,400 s (4 h) without an update means frozen.
    public static let defaultTimeout = Timestamp.Duration.seconds(14_400)
    /// Liquity v1's `MAX_PRICE_DEVIATION_FROM_PREVIOUS_ROUND`: 5e17 (50 %).
    public static let maxPriceDeviationFromPreviousRound: UInt128 = 500_000_000_000_000_000
    /// Liquity v1's `MAX_PRICE_DIFFERENCE_BETWEEN_ORACLES`: 5e16 (5 %).
    public static let maxPriceDifferenceBetweenOracles: UInt128 = 50_000_000_000_000_000
    /// Liquity v1's `TELLOR_DIGITS`: 6.
    public static let defaultTellorDigits = 6
    static let targetDigits = 18

    /// The current status.
    public private(set) var status: LiquityStatus
    /// The last good price, 18 decimals.
    public private(set) var lastGoodPrice: UInt128
    /// The frozen timeout.
    public let timeout: Timestamp.Duration
    /// Tellor's digits (6 for Liquity v1's legacy request id 1).
    public let tellorDigits: Int

    /// The machine as `setAddresses` leaves it: status `chainlinkWorking` and the current Chainlink price
    /// stored. Throws, as the contract reverts, unless Chainlink is working and current.
    public init(
        chainlink: ChainlinkResponse, previousChainlink: ChainlinkResponse, now: Timestamp,
        timeout: Timestamp.Duration = LiquityPriceFeed.defaultTimeout,
        tellorDigits: Int = LiquityPriceFeed.defaultTellorDigits
    ) throws(SenseError) {
        guard timeout.milliseconds > 0 else {
            throw .invalidConfiguration("Liquity timeout is \(timeout.seconds) s; use a positive duration")
        }
        guard (0...18).contains(tellorDigits) else {
            throw .invalidConfiguration("Tellor digits is \(tellorDigits); use 0…18")
        }
        self.timeout = timeout
        self.tellorDigits = tellorDigits
        self.status = .chainlinkWorking
        self.lastGoodPrice = 0
        guard !isBroken(chainlink, previousChainlink, now: now), !isFrozen(chainlink.timestamp, now: now),
            let price = scaledChainlink(chainlink)
        else {
            throw .malformedInput("PriceFeed: Chainlink must be working and current")
        }
        lastGoodPrice = price
    }

    /// A machine in an arbitrary state, for replaying a deployed contract from its storage.
    public init(
        status: LiquityStatus, lastGoodPrice: UInt128, timeout: Timestamp.Duration = LiquityPriceFeed.defaultTimeout,
        tellorDigits: Int = LiquityPriceFeed.defaultTellorDigits
    ) throws(SenseError) {
        guard timeout.milliseconds > 0, (0...18).contains(tellorDigits) else {
            throw .invalidConfiguration("Liquity timeout must be positive and Tellor digits 0…18")
        }
        self.status = status
        self.lastGoodPrice = lastGoodPrice
        self.timeout = timeout
        self.tellorDigits = tellorDigits
    }

    // MARK: fetchPrice

    /// One `fetchPrice()` call at `now` with the current and previous Chainlink rounds and Tellor's value.
    // swiftlint:disable:next function_body_length cyclomatic_complexity
    public mutating func fetchPrice(
        chainlink: ChainlinkResponse, previousChainlink: ChainlinkResponse, tellor: TellorResponse, now: Timestamp
    ) -> LiquityFetchResult {
        var change: LiquityStatus?
        var stored: UInt128?
        let cl = chainlink
        let prev = previousChainlink
        let clBroken = isBroken(cl, prev, now: now)
        let clFrozen = isFrozen(cl.timestamp, now: now)
        let tBroken = isBroken(tellor, now: now)
        let tFrozen = isFrozen(tellor.timestamp, now: now)

        func changeStatus(_ new: LiquityStatus) {
            status = new
            change = new
        }
        func useChainlink() -> LiquityFetchResult {
            // Only reached when Chainlink is unbroken, so the scaling succeeds.
            let price = scaledChainlink(cl) ?? lastGoodPrice
            lastGoodPrice = price
            stored = price
            return LiquityFetchResult(price: price, source: .chainlink, statusChange: change, storedPrice: stored, status: status)
        }
        func useTellor() -> LiquityFetchResult {
            let price = scaledTellor(tellor) ?? lastGoodPrice
            lastGoodPrice = price
            stored = price
            return LiquityFetchResult(price: price, source: .tellor, statusChange: change, storedPrice: stored, status: status)
        }
        func useLastGood() -> LiquityFetchResult {
            LiquityFetchResult(
                price: lastGoodPrice, source: .lastGoodPrice, statusChange: change, storedPrice: nil, status: status)
        }
        func bothLiveUnbrokenAndSimilar() -> Bool {
            if tBroken || tFrozen || clBroken || clFrozen { return false }
            return similar(cl, tellor)
        }

        switch status {
        case .chainlinkWorking:
            if clBroken {
                if tBroken {
                    changeStatus(.bothOraclesUntrusted)
                    return useLastGood()
                }
                if tFrozen {
                    changeStatus(.usingTellorChainlinkUntrusted)
                    return useLastGood()
                }
                changeStatus(.usingTellorChainlinkUntrusted)
                return useTellor()
            }
            if clFrozen {
                if tBroken {
                    changeStatus(.usingChainlinkTellorUntrusted)
                    return useLastGood()
                }
                changeStatus(.usingTellorChainlinkFrozen)
                if tFrozen { return useLastGood() }
                return useTellor()
            }
            if changeAboveMax(cl, prev) {
                if tBroken {
                    changeStatus(.bothOraclesUntrusted)
                    return useLastGood()
                }
                if tFrozen {
                    changeStatus(.usingTellorChainlinkUntrusted)
                    return useLastGood()
                }
                if similar(cl, tellor) { return useChainlink() }
                changeStatus(.usingTellorChainlinkUntrusted)
                return useTellor()
            }
            if tBroken { changeStatus(.usingChainlinkTellorUntrusted) }
            return useChainlink()

        case .usingTellorChainlinkUntrusted:
            if bothLiveUnbrokenAndSimilar() {
                changeStatus(.chainlinkWorking)
                return useChainlink()
            }
            if tBroken {
                changeStatus(.bothOraclesUntrusted)
                return useLastGood()
            }
            if tFrozen { return useLastGood() }
            return useTellor()

        case .bothOraclesUntrusted:
            if bothLiveUnbrokenAndSimilar() {
                changeStatus(.chainlinkWorking)
                return useChainlink()
            }
            return useLastGood()

        case .usingTellorChainlinkFrozen:
            if clBroken {
                if tBroken {
                    changeStatus(.bothOraclesUntrusted)
                    return useLastGood()
                }
                changeStatus(.usingTellorChainlinkUntrusted)
                if tFrozen { return useLastGood() }
                return useTellor()
            }
            if clFrozen {
                if tBroken {
                    changeStatus(.usingChainlinkTellorUntrusted)
                    return useLastGood()
                }
                if tFrozen { return useLastGood() }
                return useTellor()
            }
            if tBroken {
                changeStatus(.usingChainlinkTellorUntrusted)
                return useChainlink()
            }
            if tFrozen { return useLastGood() }
            if similar(cl, tellor) {
                changeStatus(.chainlinkWorking)
                return useChainlink()
            }
            changeStatus(.usingTellorChainlinkUntrusted)
            return useTellor()

        case .usingChainlinkTellorUntrusted:
            if clBroken {
                changeStatus(.bothOraclesUntrusted)
                return useLastGood()
            }
            if clFrozen { return useLastGood() }
            if bothLiveUnbrokenAndSimilar() {
                changeStatus(.chainlinkWorking)
                return useChainlink()
            }
            if changeAboveMax(cl, prev) {
                changeStatus(.bothOraclesUntrusted)
                return useLastGood()
            }
            return useChainlink()
        }
    }

    // MARK: Helpers (Liquity's private functions)

    /// `_chainlinkIsBroken`: the current or the previous response is bad (or cannot be scaled).
    func isBroken(_ current: ChainlinkResponse, _ previous: ChainlinkResponse, now: Timestamp) -> Bool {
        isBad(current, now: now) || isBad(previous, now: now)
    }

    /// `_badChainlinkResponse`, plus decimals outside 0…36 or an unscalable answer.
    func isBad(_ response: ChainlinkResponse, now: Timestamp) -> Bool {
        if !response.success { return true }
        if response.roundId == 0 { return true }
        if response.timestamp.milliseconds == 0 || response.timestamp > now { return true }
        if response.answer <= 0 { return true }
        return scaledChainlink(response) == nil
    }

    /// `_tellorIsBroken`.
    func isBroken(_ response: TellorResponse, now: Timestamp) -> Bool {
        if !response.success { return true }
        if response.timestamp.milliseconds == 0 || response.timestamp > now { return true }
        if response.value == 0 { return true }
        return scaledTellor(response) == nil
    }

    /// `_chainlinkIsFrozen` / `_tellorIsFrozen`: `now − timestamp > TIMEOUT`.
    func isFrozen(_ timestamp: Timestamp, now: Timestamp) -> Bool {
        timestamp.duration(to: now) > timeout
    }

    /// `_chainlinkPriceChangeAboveMax`: deviation against the larger price above 50 %.
    func changeAboveMax(_ current: ChainlinkResponse, _ previous: ChainlinkResponse) -> Bool {
        // The previous round is scaled with the current decimals, as Liquity does.
        var previous = previous
        previous.decimals = current.decimals
        guard let a = scaledChainlink(current), let b = scaledChainlink(previous) else { return true }
        return RelativeDeviation.exceeds(
            a, b, limitWad: LiquityPriceFeed.maxPriceDeviationFromPreviousRound, denominator: .larger)
    }

    /// `_bothOraclesSimilarPrice`: difference against the smaller price at most 5 %.
    func similar(_ chainlink: ChainlinkResponse, _ tellor: TellorResponse) -> Bool {
        guard let a = scaledChainlink(chainlink), let b = scaledTellor(tellor) else { return false }
        return !RelativeDeviation.exceeds(
            a, b, limitWad: LiquityPriceFeed.maxPriceDifferenceBetweenOracles, denominator: .smaller)
    }

    /// `_scaleChainlinkPriceByDigits`, or `nil` if the answer is not positive or overflows 128 bits.
    func scaledChainlink(_ response: ChainlinkResponse) -> UInt128? {
        guard response.answer > 0, (0...36).contains(response.decimals) else { return nil }
        let answer = UInt128(response.answer)
        if response.decimals >= LiquityPriceFeed.targetDigits {
            guard let divisor = Decimal10.exact(response.decimals - LiquityPriceFeed.targetDigits) else { return nil }
            return answer / divisor
        }
        guard let factor = Decimal10.exact(LiquityPriceFeed.targetDigits - response.decimals) else { return nil }
        let (product, overflow) = answer.multipliedReportingOverflow(by: factor)
        return overflow ? nil : product
    }

    /// `_scaleTellorPriceByDigits`, or `nil` on overflow.
    func scaledTellor(_ response: TellorResponse) -> UInt128? {
        guard let factor = Decimal10.exact(LiquityPriceFeed.targetDigits - tellorDigits) else { return nil }
        let (product, overflow) = response.value.multipliedReportingOverflow(by: factor)
        return overflow ? nil : product
    }
}
