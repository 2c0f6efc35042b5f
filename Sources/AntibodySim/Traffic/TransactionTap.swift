import AntibodyMath

/// The recording sink a simulated world writes to when ``TrafficRecorder`` runs it: every executed
/// protocol interaction appends its ``TransactionFacts`` here (a reverted transaction, e.g. a flash
/// loan whose body throws, leaves none). Worlds hold it as an optional, so runs that do not record
/// pay one `nil` check per operation.
struct TransactionTap: Sendable {
    /// Who each account of the world is; an account not listed is not recorded (the worlds'
    /// constructors fund honest suppliers before the tap is attached).
    var kinds: [Int: AgentKind] = [:]
    /// The recorded facts, in execution order.
    var facts: [TransactionFacts] = []
    /// Whether the operations now executing run inside a flash loan.
    var insideFlashLoan = false
    /// Annualised realised volatility (RiskMetrics EWMA, λ = 0.94, of the observed price's log-returns).
    private(set) var volatility: Double
    /// Utilisation to report for worlds without a lending market (the ambient market's).
    var ambientUtilisation: Double
    private var variance: Double?
    private var lastPrice: Double?
    private let periodsPerYear: Double

    /// A tap whose volatility starts at `volatility`, updated from prices observed every
    /// `periodSeconds`.
    init(volatility: Double = 0, ambientUtilisation: Double = 0, periodSeconds: Int64 = 3_600) {
        self.volatility = volatility
        self.ambientUtilisation = ambientUtilisation
        self.periodsPerYear = 31_536_000 / Double(Swift.max(periodSeconds, 1))
    }

    /// Feeds one observation of the market's true price (once per period).
    mutating func observe(price: Double) {
        guard price > 0, price.isFinite else { return }
        defer { lastPrice = price }
        guard let lastPrice else { return }
        let r = _log(price / lastPrice)
        let v = variance.map { 0.94 * $0 + 0.06 * r * r } ?? r * r
        variance = v
        volatility = (v * periodsPerYear).squareRoot()
    }

    /// The kind recorded for `account` doing `operation`: a benign keeper that liquidates is a
    /// liquidator (the attack worlds' keeper both arbitrages and liquidates).
    func kind(of account: Int, doing operation: TransactionOperation) -> AgentKind? {
        guard let kind = kinds[account] else { return nil }
        return !kind.isAttack && operation == .liquidate ? .liquidator : kind
    }

    /// Records one executed interaction of `account` (nothing when the account is not listed).
    mutating func record(
        account: Int, operation: TransactionOperation, block: Int64, notionalUSD: Double, tvlUSD: Double,
        outflowShare: Double = 0, priceImpact: Double = 0, oracleDeviation: Double = 0, movesOracle: Bool = false,
        depositedUSD: Double = 0, withdrawnUSD: Double = 0, utilisation: Double? = nil
    ) {
        guard let kind = kind(of: account, doing: operation) else { return }
        facts.append(
            TransactionFacts(
                account: account, kind: kind, operation: operation, block: block, notionalUSD: notionalUSD,
                tvlUSD: tvlUSD, outflowShare: outflowShare, priceImpact: priceImpact,
                oracleDeviation: oracleDeviation, movesOracle: movesOracle,
                flashLoan: insideFlashLoan || operation == .flashLoan, depositedUSD: depositedUSD,
                withdrawnUSD: withdrawnUSD, utilisation: utilisation ?? ambientUtilisation, volatility: volatility))
    }

    /// Utilisation of `pool`'s reserve `asset`: debt / (debt + available liquidity), 0 when empty.
    static func utilisation(_ pool: LendingPool, _ asset: Int) -> Double {
        let reserve = pool.reserves[asset]
        let debt = Double(reserve.totalVariableDebt), cash = Double(reserve.underlying)
        return debt + cash > 0 ? debt / (debt + cash) : 0
    }

    /// The value locked in `pool` (available liquidity plus debt of every reserve) at `prices` (USD per unit).
    static func lendingTVL(_ pool: LendingPool, prices: [Double]) -> Double {
        var total = 0.0
        for (i, reserve) in pool.reserves.enumerated() {
            let units =
                (Double(reserve.underlying) + Double(reserve.totalVariableDebt))
                / Double(reserve.configuration.unit)
            total += units * prices[i]
        }
        return total
    }

    /// |after / before − 1| of two spot prices (0 when either is not positive).
    static func relativeMove(_ before: Double, _ after: Double) -> Double {
        before > 0 && after > 0 && before.isFinite && after.isFinite ? Swift.abs(after / before - 1) : 0
    }

    /// `amount` as a `Double` share of `reserve` (0 for an empty reserve).
    static func share(_ amount: UInt256, of reserve: UInt256) -> Double {
        reserve.isZero ? 0 : Double(amount) / Double(reserve)
    }
}
