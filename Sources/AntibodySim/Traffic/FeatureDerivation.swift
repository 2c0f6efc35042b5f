import AntibodyCore

/// Turns the raw ``TransactionFacts`` of a recording into ``TransactionFeatures``, keeping each
/// sender's history (its last 100 blocks of price moves, its cumulative deposits and withdrawals,
/// its contract's age) and each world's protocol age. Deterministic: its only randomness (contract
/// and protocol ages, per ``AgentKind``'s rules) comes from the generator it is given, drawn once
/// per sender and per world in recording order.
struct FeatureDerivation {
    private struct SenderKey: Hashable {
        var world: Int, account: Int
    }

    private struct SenderHistory {
        var moves: [(block: Int64, impact: Double, oracle: Bool)] = []
        var deposited = 0.0, withdrawn = 0.0
        var firstBlock: Int64
        var ageAtFirst: Double
    }

    /// The window of the sender's cumulative impact, in blocks.
    static let windowBlocks: Int64 = 100
    /// A borrow counts as following a price move when the sender moved a lending oracle's price by
    /// at least this much (cumulatively) in the window before it.
    static let priceMoveThreshold = 0.001

    private var senders: [SenderKey: SenderHistory] = [:]
    private var worlds: [Int: (firstBlock: Int64, age: Double)] = [:]
    private var rng: Xoshiro256StarStar

    init(rng: Xoshiro256StarStar) { self.rng = rng }

    /// Forgets the senders of `world` (its run is over; keeps the maps small).
    mutating func close(world: Int) {
        senders = senders.filter { $0.key.world != world }
        worlds[world] = nil
    }

    /// The row for `facts`, executed in `world`.
    mutating func features(_ facts: TransactionFacts, world: Int) -> TransactionFeatures {
        if worlds[world] == nil {
            // The protocol's contracts were deployed 10⁵–10^6.5 blocks (≈ 2 weeks to 1.5 years) before.
            worlds[world] = (facts.block, _pow(10, 5 + 1.5 * rng.nextUnit()))
        }
        let key = SenderKey(world: world, account: facts.account)
        var history =
            senders[key]
            ?? SenderHistory(
                firstBlock: facts.block,
                ageAtFirst: facts.kind.contractAgeAtFirstAction.map { range in
                    _pow(10, range.lowerBound + (range.upperBound - range.lowerBound) * rng.nextUnit())
                } ?? 0)
        let elapsed = Double(Swift.max(0, facts.block - history.firstBlock))
        let age: Double
        if facts.kind.actsThroughContract {
            age = history.ageAtFirst + elapsed
        } else {
            let protocolAge = worlds[world]!
            age = protocolAge.age + Double(Swift.max(0, facts.block - protocolAge.firstBlock))
        }
        history.moves.removeAll { $0.block < facts.block - Self.windowBlocks }
        var oracleMove = 1.0
        for move in history.moves where move.oracle { oracleMove *= 1 + move.impact }
        let borrowAfterMove = facts.operation == .borrow && oracleMove - 1 >= Self.priceMoveThreshold
        if facts.priceImpact > 0 {
            history.moves.append((facts.block, facts.priceImpact, facts.movesOracle))
        }
        var window = 1.0
        for move in history.moves { window *= 1 + move.impact }
        history.deposited += Swift.max(0, facts.depositedUSD)
        history.withdrawn += Swift.max(0, facts.withdrawnUSD)
        let ratio: Double
        if history.withdrawn == 0 && history.deposited == 0 {
            ratio = 0
        } else if history.deposited == 0 {
            ratio = 6
        } else if history.withdrawn == 0 {
            ratio = -3
        } else {
            ratio = _log(history.withdrawn / history.deposited) / _log(10)
        }
        senders[key] = history
        var depth = 1 + facts.operation.frames + (facts.flashLoan && facts.operation != .flashLoan ? 2 : 0)
        if facts.kind.actsThroughContract {
            depth += 1
        } else if facts.operation == .swap {
            depth += 1  // a wallet swaps through the router
        }
        // An empty contract counts as one raw unit of value, never zero.
        let tvl = Swift.max(facts.tvlUSD, 1e-6)
        return TransactionFeatures(
            log10SizeToTVL: _log(Swift.max(facts.notionalUSD, 1e-12) / tvl) / _log(10),
            flashLoan: facts.flashLoan, log1pPriceImpact: _log(1 + facts.priceImpact),
            log10ContractAge: _log(1 + age) / _log(10), callDepth: Double(depth), outflowShare: facts.outflowShare,
            log1pOracleDeviation: _log(1 + facts.oracleDeviation), borrowAfterPriceMove: borrowAfterMove,
            log10WithdrawToDeposit: ratio, log1pSenderWindowImpact: _log(window), utilisation: facts.utilisation,
            marketVolatility: facts.volatility)
    }
}
