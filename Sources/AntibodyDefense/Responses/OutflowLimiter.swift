public import AntibodyCore

/// An outflow rate limiter with ERC-7265's semantics, for one asset.
///
/// Follows the EIP-7265 reference `LimiterLib`/`CircuitBreaker`: liquidity changes are grouped in
/// ticks (`tickLength`, e.g. 5 minutes) and kept for `withdrawalPeriod` (e.g. 4 hours) in
/// `liquidityInPeriod`; older ticks are folded into `totalLiquidity`. An outflow that would leave
/// less than `minLiquidityRetainedBps` of `totalLiquidity` (e.g. 7000 = keep 70 %, so more than
/// 30 % leaving within 4 hours trips) trips the limiter, once `totalLiquidity` has reached
/// `limitBeginThreshold`. While tripped, outflows are held for later claim (or reverted, as the
/// caller asks) until governance overrides (starting a grace period) or `cooldown` has passed
/// since the trip (``overrideExpired(at:)``). Amounts are exact integers (token units).
///
/// Memory is bounded: at most `withdrawalPeriod / tickLength + 1` ticks are kept.
public struct OutflowLimiter: Hashable, Sendable {
    /// Settings, from the policy.
    public struct Configuration: Hashable, Sendable {
        /// The asset limited (used as the action scope).
        public var asset: String
        /// Share of liquidity that must stay, in basis points (1…10000).
        public var minLiquidityRetainedBps: Int
        /// Liquidity below which the limiter does not enforce (launch, dust).
        public var limitBeginThreshold: Int128
        /// The tracked window, in seconds (reference: 4 h).
        public var withdrawalPeriod: Int64
        /// Tick length, in seconds (reference: 5 min).
        public var tickLength: Int64
        /// Time after a trip after which anyone may lift it (reference: 3 days), in seconds.
        public var cooldown: Int64
        /// Grace period after a governance override during which outflows are not limited, in seconds.
        public var gracePeriod: Int64

        /// Settings with all fields; see the type's documentation.
        public init(
            asset: String, minLiquidityRetainedBps: Int, limitBeginThreshold: Int128,
            withdrawalPeriod: Int64 = 4 * 3600, tickLength: Int64 = 300, cooldown: Int64 = 3 * 86_400,
            gracePeriod: Int64 = 0
        ) {
            precondition((1...10_000).contains(minLiquidityRetainedBps), "minLiquidityRetainedBps must be 1…10000")
            precondition(withdrawalPeriod > 0 && tickLength > 0 && tickLength <= withdrawalPeriod)
            self.asset = asset
            self.minLiquidityRetainedBps = minLiquidityRetainedBps
            self.limitBeginThreshold = limitBeginThreshold
            self.withdrawalPeriod = withdrawalPeriod
            self.tickLength = tickLength
            self.cooldown = cooldown
            self.gracePeriod = gracePeriod
        }
    }

    /// The limiter's status for the current liquidity, as ERC-7265's `LimitStatus`.
    public enum Status: Hashable, Sendable {
        /// Liquidity below `limitBeginThreshold`: not enforced.
        case inactive
        /// Within bounds.
        case ok
        /// Liquidity in the period would fall below the retained minimum.
        case triggered
    }

    /// What happened to an outflow.
    public enum OutflowResult: Hashable, Sendable {
        /// Released to the recipient.
        case released
        /// Held by the limiter, claimable after an override; `tripped` if this outflow tripped it.
        case held(tripped: Bool)
        /// Refused (the caller asked to revert when limited); nothing recorded.
        case reverted
    }

    /// Settings.
    public let configuration: Configuration
    /// Liquidity accounted before the current period (`liqTotal`).
    public private(set) var totalLiquidity: Int128 = 0
    /// Net change within the period (`liqInPeriod`).
    public private(set) var liquidityInPeriod: Int128 = 0
    /// Whether outflows are currently limited (`isRateLimited`).
    public private(set) var isRateLimited = false
    /// When it last tripped, in seconds.
    public private(set) var lastTrip: Int64 = 0
    /// End of the grace period after an override, in seconds.
    public private(set) var gracePeriodEnd: Int64 = -1
    /// Amounts held for each recipient.
    public private(set) var held: [String: Int128] = [:]
    /// Ticks in the period: (tick start in seconds, net amount), oldest first.
    public private(set) var ticks: [(start: Int64, amount: Int128)] = []
    /// Start of the oldest tick still tracked (`listHead`), or 0 when none was ever recorded.
    public private(set) var head: Int64 = 0

    /// An empty limiter.
    public init(_ configuration: Configuration) {
        self.configuration = configuration
        ticks.reserveCapacity(Int(configuration.withdrawalPeriod / configuration.tickLength) + 2)
    }

    /// The tick containing `seconds`.
    public func tick(of seconds: Int64) -> Int64 { seconds - seconds % configuration.tickLength }

    /// Records an inflow of `amount` at `time`.
    public mutating func inflow(_ amount: Int128, at time: Timestamp) {
        record(amount, at: time.seconds)
    }

    /// Records an outflow of `amount` to `recipient` at `time` and says whether it is released.
    ///
    /// As in the reference: the change is recorded first; when already limited the amount is held
    /// (or reverted); otherwise if the status is now triggered and no grace period runs, the
    /// limiter trips and holds the amount; else it is released. `actions` receives a `limit`
    /// action on tripping.
    public mutating func outflow(
        _ amount: Int128, to recipient: String, revertOnLimit: Bool = false,
        at time: Timestamp, actions: inout [Action]
    ) -> OutflowResult {
        let now = time.seconds
        if isRateLimited {
            if revertOnLimit { return .reverted }
            record(-amount, at: now)
            held[recipient, default: 0] += amount
            return .held(tripped: false)
        }
        let saved = self
        record(-amount, at: now)
        if status == .triggered && !isInGracePeriod(at: time) {
            if revertOnLimit {
                self = saved
                return .reverted
            }
            isRateLimited = true
            lastTrip = now
            held[recipient, default: 0] += amount
            let bound = Double(totalLiquidity * Int128(10_000 - configuration.minLiquidityRetainedBps) / 10_000)
            actions.append(
                Action(
                    .limit(maxOutflow: bound, window: .seconds(configuration.withdrawalPeriod)),
                    scope: .asset(configuration.asset), at: time,
                    reason: "outflow limiter \(configuration.asset) tripped: more than "
                        + "\(Double(10_000 - configuration.minLiquidityRetainedBps) / 100) % "
                        + "would leave within \(configuration.withdrawalPeriod / 3600) h"))
            return .held(tripped: true)
        }
        return .released
    }

    /// ERC-7265's `status()`.
    public var status: Status {
        if totalLiquidity < configuration.limitBeginThreshold { return .inactive }
        let future = totalLiquidity + liquidityInPeriod
        let minimum = totalLiquidity * Int128(configuration.minLiquidityRetainedBps) / 10_000
        return future < minimum ? .triggered : .ok
    }

    /// Whether a governance override's grace period runs at `time`.
    public func isInGracePeriod(at time: Timestamp) -> Bool { time.seconds <= gracePeriodEnd }

    /// Governance override after a false alarm: lifts the limit and starts the grace period.
    /// Returns `false` if it was not limited.
    public mutating func override(at time: Timestamp) -> Bool {
        guard isRateLimited else { return false }
        isRateLimited = false
        gracePeriodEnd = time.seconds + configuration.gracePeriod
        return true
    }

    /// Anyone may lift a limit once `cooldown` has passed since the trip. Returns whether it did.
    public mutating func overrideExpired(at time: Timestamp) -> Bool {
        guard isRateLimited, time.seconds - lastTrip >= configuration.cooldown else { return false }
        isRateLimited = false
        return true
    }

    /// Releases everything held for `recipient` once the limit is lifted; returns the amount.
    public mutating func claim(for recipient: String) -> Int128 {
        guard !isRateLimited else { return 0 }
        return held.removeValue(forKey: recipient) ?? 0
    }

    /// Folds ticks older than the period into `totalLiquidity` (`clearBackLog` / `sync`).
    public mutating func sync(at time: Timestamp) {
        sync(now: time.seconds)
    }

    private mutating func record(_ amount: Int128, at now: Int64) {
        let current = tick(of: now)
        liquidityInPeriod += amount
        if head == 0 {
            head = current
            ticks = [(current, amount)]
            return
        }
        if now - head >= configuration.withdrawalPeriod { sync(now: now) }
        if let last = ticks.last, last.start == current {
            ticks[ticks.count - 1].amount += amount
        } else {
            ticks.append((current, amount))
        }
    }

    private mutating func sync(now: Int64) {
        var expired: Int128 = 0
        var drop = 0
        while drop < ticks.count, now - ticks[drop].start >= configuration.withdrawalPeriod {
            expired += ticks[drop].amount
            drop += 1
        }
        ticks.removeFirst(drop)
        head = ticks.first?.start ?? now
        totalLiquidity += expired
        liquidityInPeriod -= expired
    }

    public static func == (lhs: OutflowLimiter, rhs: OutflowLimiter) -> Bool {
        lhs.configuration == rhs.configuration && lhs.totalLiquidity == rhs.totalLiquidity
            && lhs.liquidityInPeriod == rhs.liquidityInPeriod && lhs.isRateLimited == rhs.isRateLimited
            && lhs.lastTrip == rhs.lastTrip && lhs.gracePeriodEnd == rhs.gracePeriodEnd && lhs.held == rhs.held
            && lhs.head == rhs.head && lhs.ticks.map(\.start) == rhs.ticks.map(\.start)
            && lhs.ticks.map(\.amount) == rhs.ticks.map(\.amount)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(totalLiquidity)
        hasher.combine(liquidityInPeriod)
        hasher.combine(isRateLimited)
        hasher.combine(head)
        hasher.combine(ticks.map(\.start))
    }
}
