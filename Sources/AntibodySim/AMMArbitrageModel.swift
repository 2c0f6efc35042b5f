public import AntibodyMath

/// The AMM benchmark and baseline market: one Uniswap V2 pair (token0 = a volatile asset, token1 =
/// a dollar stablecoin) and one arbitrageur, driven block by block.
///
/// Each ``step()`` is one block: the block timestamp advances by `blockTime`, the reference price
/// moves by an exact GBM increment (log-price plus a ziggurat normal), and if the pool's price is outside the no-arbitrage band
/// `[γ·P, P/γ]` (γ = 0.997) the arbitrageur computes the size that brings the pool's marginal
/// price back to the reference, `in = (√(γ·r₀·r₁·P) − r₁)/γ` (or its mirror), and trades it
/// through the pair with exact integer maths when the expected profit exceeds its gas cost.
/// Reserves stay exact `uint112` integers throughout; only the arbitrageur's *decision* uses
/// `Double`, as a bot's off-chain logic would. The step is allocation-free.
public struct AMMArbitrageModel: Sendable {
    @usableFromInline var _pair: UniswapV2Pair
    @usableFromInline var _referencePrice: Double
    @usableFromInline var _timestamp: UInt64
    @usableFromInline var _trades = 0
    @usableFromInline var _arbitrageProfit = 0.0
    /// The pool.
    @inlinable public var pair: UniswapV2Pair { _pair }
    /// The reference (true) price of token0 in token1 raw units.
    @inlinable public var referencePrice: Double { _exp(logReference) }
    /// Block timestamp (seconds).
    @inlinable public var timestamp: UInt64 { _timestamp }
    /// Number of arbitrage trades executed.
    @inlinable public var trades: Int { _trades }
    /// Arbitrageur profit in token1 raw units at the reference price (after gas).
    @inlinable public var arbitrageProfit: Double { _arbitrageProfit }
    @usableFromInline var rng: Xoshiro256StarStar
    @usableFromInline let drift: Double, scale: Double
    @usableFromInline let gasCost: Double
    @usableFromInline let blockTime: UInt64
    @usableFromInline var logReference: Double
    @usableFromInline var logPool: Double
    @usableFromInline var reserve0Double: Double
    @usableFromInline var reserve1Double: Double
    @usableFromInline static let gamma = 0.997
    @usableFromInline static let logGamma = -0.003_004_509_027_067_201  // ln 0.997

    /// A model with a pool of `reserve0`/`reserve1` raw units, annual volatility `volatility` of the
    /// reference price, 12-second blocks and an arbitrage gas cost of `gasCost` token1 raw units.
    public init(
        reserve0: UInt256, reserve1: UInt256, volatility: Double, drift: Double = 0, gasCost: Double,
        blockTime: UInt64 = 12, seed: UInt64
    ) throws(SimError) {
        guard volatility.isFinite, volatility >= 0, gasCost.isFinite, gasCost >= 0, blockTime > 0,
            !reserve0.isZero, !reserve1.isZero
        else { throw .invalidInput("AMM model needs positive reserves, volatility ≥ 0, gas ≥ 0 and blockTime > 0") }
        self._pair = try UniswapV2Pair(reserve0: reserve0, reserve1: reserve1, blockTimestampLast: 1_700_000_000)
        self._referencePrice = Double(reserve1) / Double(reserve0)
        self.reserve0Double = Double(reserve0)
        self.reserve1Double = Double(reserve1)
        self.logPool = _log(Double(reserve1) / Double(reserve0))
        self.logReference = self.logPool
        self._timestamp = 1_700_000_000
        self.rng = Xoshiro256StarStar(seed: seed)
        let dt = Double(blockTime) / 31_536_000
        self.drift = (drift - volatility * volatility / 2) * dt
        self.scale = volatility * dt.squareRoot()
        self.gasCost = gasCost
        self.blockTime = blockTime
    }

    /// Advances one block. O(1), allocation-free; `exp` is taken only when the arbitrageur trades.
    @inlinable
    public mutating func step() {
        _timestamp &+= blockTime
        logReference += drift + scale * ZigguratNormal.sample(&rng)
        if logReference > logPool - Self.logGamma {
            trade(buyToken0: true)
        } else if logReference < logPool + Self.logGamma {
            trade(buyToken0: false)
        }
    }

    /// The arbitrage trade toward the reference price, executed with the pair's integer maths when
    /// its expected profit beats the gas cost.
    @inlinable
    mutating func trade(buyToken0: Bool) {
        let p = _exp(logReference)
        _referencePrice = p
        let r0 = reserve0Double, r1 = reserve1Double
        let gamma = Self.gamma
        if buyToken0 {
            // token0 is cheap in the pool: pay token1, receive token0.
            let amountIn = ((gamma * r0 * r1 * p).squareRoot() - r1) / gamma
            guard amountIn >= 1, amountIn < 1e33 else { return }
            let input = UInt256(amountIn)
            guard
                let out = try? UniswapV2Pair.getAmountOut(input, reserveIn: _pair.reserve1, reserveOut: _pair.reserve0)
            else { return }
            let profit = Double(out) * p - Double(input) - gasCost
            guard profit > 0 else { return }
            var next = _pair
            guard (try? next.transfer(amount1: input)) != nil,
                (try? next.swap(amount0Out: out, amount1Out: .zero, blockTimestamp: _timestamp)) != nil
            else { return }
            _pair = next
            _arbitrageProfit += profit
        } else {
            let amountIn = ((gamma * r0 * r1 / p).squareRoot() - r0) / gamma
            guard amountIn >= 1, amountIn < 1e33 else { return }
            let input = UInt256(amountIn)
            guard
                let out = try? UniswapV2Pair.getAmountOut(input, reserveIn: _pair.reserve0, reserveOut: _pair.reserve1)
            else { return }
            let profit = Double(out) - Double(input) * p - gasCost
            guard profit > 0 else { return }
            var next = _pair
            guard (try? next.transfer(amount0: input)) != nil,
                (try? next.swap(amount0Out: .zero, amount1Out: out, blockTimestamp: _timestamp)) != nil
            else { return }
            _pair = next
            _arbitrageProfit += profit
        }
        _trades += 1
        reserve0Double = Double(_pair.reserve0)
        reserve1Double = Double(_pair.reserve1)
        logPool = _log(reserve1Double / reserve0Double)
    }

    /// Runs `blocks` steps.
    @inlinable
    public mutating func run(blocks: Int) {
        for _ in 0..<blocks { step() }
    }

    /// The relative gap between the pool price and the reference, `|pool/ref − 1|`.
    public var priceGap: Double { abs(pair.spotPrice0 / referencePrice - 1) }

    /// Loss-versus-holding of the LPs in token1 raw units at the reference price: the value of the
    /// initial reserves held minus the value of the current reserves.
    public func lossVersusHolding(initialReserve0: UInt256, initialReserve1: UInt256) -> Double {
        let held = Double(initialReserve0) * referencePrice + Double(initialReserve1)
        let pool = Double(pair.reserve0) * referencePrice + Double(pair.reserve1)
        return held - pool
    }
}
