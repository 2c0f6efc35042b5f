/// The features of one transaction (or one protocol interaction inside it) as a risk model sees
/// them, in the order of ``names``: the row the simulator's traffic generator emits for training
/// the transaction classifier, and what a ``TransactionObservation`` carries into the engine.
///
/// Every value is bounded (see ``bounds``); logarithmic scales keep heavy-tailed sizes usable by
/// linear models. Twelve stored `Double`s: no heap storage. A model attaches its own feature
/// specification by name (AntibodyModels' `FeatureSpecification.transactionFlow` lists the same
/// names in the same order), so this type is plain numbers.
public struct TransactionFeatures: Hashable, Sendable, Codable {
    /// log10 of the transaction's notional over the total value locked of the pool or vault it touches.
    public var log10SizeToTVL: Double
    /// 1 when the transaction borrows a flash loan, else 0.
    public var flashLoan: Double
    /// ln(1 + relative spot-price move the transaction causes in the pool it trades).
    public var log1pPriceImpact: Double
    /// log10(1 + age in blocks of the contract the sender calls through; 0 for one deployed this block).
    public var log10ContractAge: Double
    /// Deepest internal call frame.
    public var callDepth: Double
    /// Share of the pool's (or vault's, bridge's) reserve that leaves it in this transaction.
    public var outflowShare: Double
    /// ln(1 + relative deviation of the price the protocol uses from the reference price after the transaction).
    public var log1pOracleDeviation: Double
    /// 1 when the transaction borrows after moving a price the lending market reads, else 0.
    public var borrowAfterPriceMove: Double
    /// log10 of the value the sender has withdrawn from the protocol over the value it deposited (capped at 6).
    public var log10WithdrawToDeposit: Double
    /// ln(1 + cumulative price move caused by the same sender in the last 100 blocks).
    public var log1pSenderWindowImpact: Double
    /// Utilisation of the lending market at the time (protocol state).
    public var utilisation: Double
    /// Annualised volatility of the market at the time (market state).
    public var marketVolatility: Double

    /// Feature names, in ``vector`` order.
    public static let names = [
        "log10SizeToTVL", "flashLoan", "log1pPriceImpact", "log10ContractAge", "callDepth", "outflowShare",
        "log1pOracleDeviation", "borrowAfterPriceMove", "log10WithdrawToDeposit", "log1pSenderWindowImpact",
        "utilisation", "marketVolatility",
    ]

    /// Closed bounds of each feature, in ``vector`` order; ``clamped()`` enforces them.
    public static let bounds: [ClosedRange<Double>] = [
        -8...2, 0...1, 0...5, 0...8, 1...64, 0...1, 0...5, 0...1, -3...6, 0...5, 0...1, 0...5,
    ]

    /// A row from named values (each is clamped to its bound).
    public init(
        log10SizeToTVL: Double, flashLoan: Bool, log1pPriceImpact: Double, log10ContractAge: Double,
        callDepth: Double, outflowShare: Double, log1pOracleDeviation: Double, borrowAfterPriceMove: Bool,
        log10WithdrawToDeposit: Double, log1pSenderWindowImpact: Double, utilisation: Double,
        marketVolatility: Double
    ) {
        self.log10SizeToTVL = log10SizeToTVL
        self.flashLoan = flashLoan ? 1 : 0
        self.log1pPriceImpact = log1pPriceImpact
        self.log10ContractAge = log10ContractAge
        self.callDepth = callDepth
        self.outflowShare = outflowShare
        self.log1pOracleDeviation = log1pOracleDeviation
        self.borrowAfterPriceMove = borrowAfterPriceMove ? 1 : 0
        self.log10WithdrawToDeposit = log10WithdrawToDeposit
        self.log1pSenderWindowImpact = log1pSenderWindowImpact
        self.utilisation = utilisation
        self.marketVolatility = marketVolatility
        self = clamped()
    }

    /// The number of features.
    public static let count = 12

    /// Calls `body` with the values in ``names`` order in a stack buffer (no heap allocation).
    @inlinable
    public func withUnsafeValues<R>(_ body: (UnsafeBufferPointer<Double>) throws -> R) rethrows -> R {
        try withUnsafeTemporaryAllocation(of: Double.self, capacity: Self.count) { buffer in
            buffer[0] = log10SizeToTVL
            buffer[1] = flashLoan
            buffer[2] = log1pPriceImpact
            buffer[3] = log10ContractAge
            buffer[4] = callDepth
            buffer[5] = outflowShare
            buffer[6] = log1pOracleDeviation
            buffer[7] = borrowAfterPriceMove
            buffer[8] = log10WithdrawToDeposit
            buffer[9] = log1pSenderWindowImpact
            buffer[10] = utilisation
            buffer[11] = marketVolatility
            return try body(UnsafeBufferPointer(buffer))
        }
    }

    /// Features from values in ``names`` order, unclamped (validate them before use).
    ///
    /// - Returns: `nil` unless there are exactly ``count`` values.
    public init?(values: [Double]) {
        guard values.count == Self.count else { return nil }
        log10SizeToTVL = values[0]
        flashLoan = values[1]
        log1pPriceImpact = values[2]
        log10ContractAge = values[3]
        callDepth = values[4]
        outflowShare = values[5]
        log1pOracleDeviation = values[6]
        borrowAfterPriceMove = values[7]
        log10WithdrawToDeposit = values[8]
        log1pSenderWindowImpact = values[9]
        utilisation = values[10]
        marketVolatility = values[11]
    }

    /// The values in ``names`` order.
    public var vector: [Double] {
        [
            log10SizeToTVL, flashLoan, log1pPriceImpact, log10ContractAge, callDepth, outflowShare,
            log1pOracleDeviation, borrowAfterPriceMove, log10WithdrawToDeposit, log1pSenderWindowImpact, utilisation,
            marketVolatility,
        ]
    }

    /// This row with every feature clamped to its bound (NaN becomes the lower bound).
    public func clamped() -> TransactionFeatures {
        func clamp(_ value: Double, _ index: Int) -> Double {
            let range = Self.bounds[index]
            guard value.isFinite else { return value > 0 ? range.upperBound : range.lowerBound }
            return Swift.min(Swift.max(value, range.lowerBound), range.upperBound)
        }
        var copy = self
        copy.log10SizeToTVL = clamp(log10SizeToTVL, 0)
        copy.log1pPriceImpact = clamp(log1pPriceImpact, 2)
        copy.log10ContractAge = clamp(log10ContractAge, 3)
        copy.callDepth = clamp(callDepth.rounded(), 4)
        copy.outflowShare = clamp(outflowShare, 5)
        copy.log1pOracleDeviation = clamp(log1pOracleDeviation, 6)
        copy.log10WithdrawToDeposit = clamp(log10WithdrawToDeposit, 8)
        copy.log1pSenderWindowImpact = clamp(log1pSenderWindowImpact, 9)
        copy.utilisation = clamp(utilisation, 10)
        copy.marketVolatility = clamp(marketVolatility, 11)
        return copy
    }
}
