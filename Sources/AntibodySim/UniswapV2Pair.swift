public import AntibodyMath

/// A Uniswap V2 pair with the contract's integer maths (`UniswapV2Pair.sol`, Solidity 0.5.16, and
/// `UniswapV2Library.sol`): the 0.3 % fee as 997/1000, `uint112` reserves, the k check
/// `(1000·b₀ − 3·in₀)(1000·b₁ − 3·in₁) ≥ r₀·r₁·1000²`, `uint32` block timestamps and the UQ112x112
/// cumulative price accumulators (which wrap modulo 2²⁵⁶, as the contract intends), minting and
/// burning LP tokens (`MINIMUM_LIQUIDITY` = 1000, protocol fee off) and flash swaps.
///
/// The pair tracks its token *balances* separately from its *reserves*, as the contract does: a
/// caller first transfers input in (``transfer(amount0:amount1:)``), then calls ``swap`` with the
/// outputs it wants; tokens sent in without a swap are a donation that the next `swap`, `mint` or
/// ``sync(blockTimestamp:)`` absorbs. Every mutating operation either completes or throws a revert
/// and leaves the pair unchanged.
public struct UniswapV2Pair: Hashable, Sendable {
    @usableFromInline var _reserve0: UInt256, _reserve1: UInt256
    @usableFromInline var _balance0: UInt256, _balance1: UInt256
    @usableFromInline var _blockTimestampLast: UInt32
    @usableFromInline var _price0CumulativeLast: UInt256, _price1CumulativeLast: UInt256
    @usableFromInline var _totalSupply: UInt256

    /// Reserve of token0 as of the last `_update` (< 2¹¹²).
    @inlinable public var reserve0: UInt256 { _reserve0 }
    /// Reserve of token1 as of the last `_update` (< 2¹¹²).
    @inlinable public var reserve1: UInt256 { _reserve1 }
    /// The pair's token0 balance (reserve plus anything transferred in since).
    @inlinable public var balance0: UInt256 { _balance0 }
    /// The pair's token1 balance.
    @inlinable public var balance1: UInt256 { _balance1 }
    /// `block.timestamp mod 2³²` of the last `_update`.
    @inlinable public var blockTimestampLast: UInt32 { _blockTimestampLast }
    /// Σ (reserve1 · 2¹¹² / reserve0) · Δt over updates, modulo 2²⁵⁶ (UQ112x112 seconds).
    @inlinable public var price0CumulativeLast: UInt256 { _price0CumulativeLast }
    /// Σ (reserve0 · 2¹¹² / reserve1) · Δt over updates, modulo 2²⁵⁶.
    @inlinable public var price1CumulativeLast: UInt256 { _price1CumulativeLast }
    /// Total LP token supply (including the `MINIMUM_LIQUIDITY` locked forever).
    @inlinable public var totalSupply: UInt256 { _totalSupply }

    /// LP tokens locked by the first mint.
    public static let minimumLiquidity: UInt256 = 1000
    @usableFromInline static let q112Shift = 112

    /// An empty pair (no liquidity) at timestamp 0.
    public init() {
        _reserve0 = .zero
        _reserve1 = .zero
        _balance0 = .zero
        _balance1 = .zero
        _blockTimestampLast = 0
        _price0CumulativeLast = .zero
        _price1CumulativeLast = .zero
        _totalSupply = .zero
    }

    /// A pair in a given state (for replaying recorded state and for tests); balances equal reserves.
    ///
    /// - Throws: ``SimError`` (input) if a reserve does not fit in `uint112`.
    public init(
        reserve0: UInt256, reserve1: UInt256, blockTimestampLast: UInt32 = 0,
        price0CumulativeLast: UInt256 = .zero, price1CumulativeLast: UInt256 = .zero,
        totalSupply: UInt256? = nil
    ) throws(SimError) {
        guard reserve0 < EVM.uint112Limit, reserve1 < EVM.uint112Limit else {
            throw .invalidInput("pair reserves \(reserve0), \(reserve1) overflow uint112 (max 2^112 - 1)")
        }
        self._reserve0 = reserve0
        self._reserve1 = reserve1
        self._balance0 = reserve0
        self._balance1 = reserve1
        self._blockTimestampLast = blockTimestampLast
        self._price0CumulativeLast = price0CumulativeLast
        self._price1CumulativeLast = price1CumulativeLast
        self._totalSupply = totalSupply ?? .zero
    }

    // MARK: UniswapV2Library

    /// `UniswapV2Library.getAmountOut`: the most output for `amountIn` of input at the 0.3 % fee,
    /// `amountIn·997·reserveOut / (reserveIn·1000 + amountIn·997)`, rounded down.
    @inlinable
    public static func getAmountOut(
        _ amountIn: UInt256, reserveIn: UInt256, reserveOut: UInt256
    ) throws(SimError) -> UInt256 {
        guard !amountIn.isZero else { throw .revert("UniswapV2Library: INSUFFICIENT_INPUT_AMOUNT") }
        guard !reserveIn.isZero, !reserveOut.isZero else { throw .revert("UniswapV2Library: INSUFFICIENT_LIQUIDITY") }
        let amountInWithFee = try EVM.mul(amountIn, 997)
        let numerator = try EVM.mul(amountInWithFee, reserveOut)
        let denominator = try EVM.add(try EVM.mul(reserveIn, 1000), amountInWithFee)
        return numerator / denominator
    }

    /// `UniswapV2Library.getAmountIn`: the least input that buys `amountOut`,
    /// `reserveIn·amountOut·1000 / ((reserveOut − amountOut)·997) + 1`.
    @inlinable
    public static func getAmountIn(
        _ amountOut: UInt256, reserveIn: UInt256, reserveOut: UInt256
    ) throws(SimError) -> UInt256 {
        guard !amountOut.isZero else { throw .revert("UniswapV2Library: INSUFFICIENT_OUTPUT_AMOUNT") }
        guard !reserveIn.isZero, !reserveOut.isZero else { throw .revert("UniswapV2Library: INSUFFICIENT_LIQUIDITY") }
        let numerator = try EVM.mul(try EVM.mul(reserveIn, amountOut), 1000)
        guard reserveOut >= amountOut else { throw .revert("ds-math-sub-underflow") }
        let denominator = try EVM.mul(reserveOut - amountOut, 997)
        return try EVM.add(try EVM.div(numerator, denominator), 1)
    }

    // MARK: Pair

    /// Transfers tokens to the pair (what a router or a flash-swap callback does before `swap`
    /// checks balances; alone, a donation).
    ///
    /// - Throws: a revert if a balance would pass 2²⁵⁶ (an ERC-20 total supply cannot).
    @inlinable
    public mutating func transfer(amount0: UInt256 = .zero, amount1: UInt256 = .zero) throws(SimError) {
        let b0 = try EVM.add(balance0, amount0)
        let b1 = try EVM.add(balance1, amount1)
        _balance0 = b0
        _balance1 = b1
    }

    /// `UniswapV2Pair.swap` without the callback: sends out `amount0Out`/`amount1Out` and checks,
    /// against the balances, that the input paid covers the fee-adjusted invariant.
    @inlinable
    public mutating func swap(amount0Out: UInt256, amount1Out: UInt256, blockTimestamp: UInt64) throws(SimError) {
        try swap(amount0Out: amount0Out, amount1Out: amount1Out, blockTimestamp: blockTimestamp) { _ in
            (.zero, .zero)
        }
    }

    /// `UniswapV2Pair.swap` with a flash-swap callback: the outputs are sent first, then
    /// `callback(outputs)` runs (the borrower's `uniswapV2Call`) and returns what it pays back to
    /// the pair in each token; then the k check runs on the resulting balances. A callback that
    /// throws, or pays back too little, reverts the whole swap.
    @inlinable
    public mutating func swap(
        amount0Out: UInt256, amount1Out: UInt256, blockTimestamp: UInt64,
        callback: (_ outputs: (UInt256, UInt256)) throws(SimError) -> (UInt256, UInt256)
    ) throws(SimError) {
        guard !amount0Out.isZero || !amount1Out.isZero else { throw .revert("UniswapV2: INSUFFICIENT_OUTPUT_AMOUNT") }
        let r0 = reserve0, r1 = reserve1
        guard amount0Out < r0, amount1Out < r1 else { throw .revert("UniswapV2: INSUFFICIENT_LIQUIDITY") }
        let (repay0, repay1) = try callback((amount0Out, amount1Out))
        // Balances after the optimistic transfer out and the callback's repayment.
        let b0 = try EVM.add(try EVM.sub(balance0, amount0Out), repay0)
        let b1 = try EVM.add(try EVM.sub(balance1, amount1Out), repay1)
        let amount0In = b0 > r0 - amount0Out ? b0 - (r0 - amount0Out) : .zero
        let amount1In = b1 > r1 - amount1Out ? b1 - (r1 - amount1Out) : .zero
        guard !amount0In.isZero || !amount1In.isZero else { throw .revert("UniswapV2: INSUFFICIENT_INPUT_AMOUNT") }
        let adjusted0 = try EVM.sub(try EVM.mul(b0, 1000), try EVM.mul(amount0In, 3))
        let adjusted1 = try EVM.sub(try EVM.mul(b1, 1000), try EVM.mul(amount1In, 3))
        let lhs = try EVM.mul(adjusted0, adjusted1)
        let rhs = try EVM.mul(try EVM.mul(r0, r1), 1_000_000)
        guard lhs >= rhs else { throw .revert("UniswapV2: K") }
        try update(balance0: b0, balance1: b1, blockTimestamp: blockTimestamp)
        _balance0 = b0
        _balance1 = b1
    }

    /// Swaps exactly `amountIn` of one token for the `getAmountOut` of the other (what
    /// `UniswapV2Router02.swapExactTokensForTokens` does for a one-hop path) and returns the output.
    @inlinable
    @discardableResult
    public mutating func swapExactIn(
        _ amountIn: UInt256, zeroForOne: Bool, blockTimestamp: UInt64
    ) throws(SimError) -> UInt256 {
        let out =
            zeroForOne
            ? try Self.getAmountOut(amountIn, reserveIn: reserve0, reserveOut: reserve1)
            : try Self.getAmountOut(amountIn, reserveIn: reserve1, reserveOut: reserve0)
        var next = self
        if zeroForOne {
            try next.transfer(amount0: amountIn)
            try next.swap(amount0Out: .zero, amount1Out: out, blockTimestamp: blockTimestamp)
        } else {
            try next.transfer(amount1: amountIn)
            try next.swap(amount0Out: out, amount1Out: .zero, blockTimestamp: blockTimestamp)
        }
        self = next
        return out
    }

    /// `UniswapV2Pair.mint` (protocol fee off): adds the balances above the reserves as liquidity and
    /// returns the LP tokens minted (`√(a₀a₁) − 1000` on the first mint, else
    /// `min(a₀·S/r₀, a₁·S/r₁)`).
    @discardableResult
    public mutating func mint(blockTimestamp: UInt64) throws(SimError) -> UInt256 {
        let amount0 = try EVM.sub(balance0, reserve0)
        let amount1 = try EVM.sub(balance1, reserve1)
        var supply = totalSupply
        let liquidity: UInt256
        if supply.isZero {
            let root = UInt256.sqrt(try EVM.mul(amount0, amount1))
            liquidity = try EVM.sub(root, Self.minimumLiquidity)
            supply = Self.minimumLiquidity
        } else {
            liquidity = Swift.min(
                try EVM.mul(amount0, supply) / reserve0, try EVM.mul(amount1, supply) / reserve1)
        }
        guard !liquidity.isZero else { throw .revert("UniswapV2: INSUFFICIENT_LIQUIDITY_MINTED") }
        var next = self
        try next.update(balance0: balance0, balance1: balance1, blockTimestamp: blockTimestamp)
        next._totalSupply = try EVM.add(supply, liquidity)
        self = next
        return liquidity
    }

    /// `UniswapV2Pair.burn`: redeems `liquidity` LP tokens for a pro-rata share of the balances.
    public mutating func burn(liquidity: UInt256, blockTimestamp: UInt64) throws(SimError) -> (UInt256, UInt256) {
        guard !totalSupply.isZero, liquidity <= totalSupply else { throw .revert("panic: arithmetic underflow") }
        let amount0 = try EVM.mul(liquidity, balance0) / totalSupply
        let amount1 = try EVM.mul(liquidity, balance1) / totalSupply
        guard !amount0.isZero, !amount1.isZero else { throw .revert("UniswapV2: INSUFFICIENT_LIQUIDITY_BURNED") }
        var next = self
        next._totalSupply = totalSupply - liquidity
        let b0 = balance0 - amount0, b1 = balance1 - amount1
        try next.update(balance0: b0, balance1: b1, blockTimestamp: blockTimestamp)
        next._balance0 = b0
        next._balance1 = b1
        self = next
        return (amount0, amount1)
    }

    /// `UniswapV2Pair.sync`: sets the reserves to the balances (absorbs donations).
    public mutating func sync(blockTimestamp: UInt64) throws(SimError) {
        try update(balance0: balance0, balance1: balance1, blockTimestamp: blockTimestamp)
    }

    /// `_update`: checks `uint112`, accumulates prices over the elapsed `uint32` seconds (wrapping),
    /// and stores the new reserves.
    @inlinable
    mutating func update(balance0 b0: UInt256, balance1 b1: UInt256, blockTimestamp: UInt64) throws(SimError) {
        guard b0 < EVM.uint112Limit, b1 < EVM.uint112Limit else { throw .revert("UniswapV2: OVERFLOW") }
        let ts32 = UInt32(truncatingIfNeeded: blockTimestamp)
        let elapsed = ts32 &- blockTimestampLast
        if elapsed > 0, !reserve0.isZero, !reserve1.isZero {
            let dt = UInt256(low64: UInt64(elapsed))
            _price0CumulativeLast &+= ((reserve1 << Self.q112Shift) / reserve0) &* dt
            _price1CumulativeLast &+= ((reserve0 << Self.q112Shift) / reserve1) &* dt
        }
        _reserve0 = b0
        _reserve1 = b1
        _blockTimestampLast = ts32
    }

    /// The spot price of token0 in token1 (`reserve1/reserve0`) as a statistic.
    public var spotPrice0: Double { reserve0.isZero ? .nan : Double(reserve1) / Double(reserve0) }
}
