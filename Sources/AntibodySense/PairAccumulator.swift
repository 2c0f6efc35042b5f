public import AntibodyMath

/// The oracle storage of a Uniswap V2 pair — reserves, `blockTimestampLast` and the two cumulative
/// price accumulators — updated exactly as `UniswapV2Pair._update` updates it.
///
/// ```solidity
/// uint32 blockTimestamp = uint32(block.timestamp % 2**32);
/// uint32 timeElapsed = blockTimestamp - blockTimestampLast; // overflow is desired
/// if (timeElapsed > 0 && _reserve0 != 0 && _reserve1 != 0) {
///     price0CumulativeLast += uint(UQ112x112.encode(_reserve1).uqdiv(_reserve0)) * timeElapsed;
///     price1CumulativeLast += uint(UQ112x112.encode(_reserve0).uqdiv(_reserve1)) * timeElapsed;
/// }
/// ```
///
/// The `+=` wraps modulo 2^256 (overflow is desired); the product never overflows (224 + 32 bits).
/// Only the first transaction of a block moves the accumulators, and it uses the reserves from before
/// that block: this is why a price pushed and reverted inside one block leaves the TWAP untouched.
public struct PairAccumulator: Hashable, Sendable {
    /// `reserve0` (`uint112`).
    public private(set) var reserve0: UInt128 = 0
    /// `reserve1` (`uint112`).
    public private(set) var reserve1: UInt128 = 0
    /// `blockTimestampLast`: the block timestamp modulo 2^32 of the last update.
    public private(set) var blockTimestampLast: UInt32 = 0
    /// `price0CumulativeLast`: Σ (reserve1 / reserve0 as UQ112x112) · seconds, modulo 2^256.
    public private(set) var price0CumulativeLast: UInt256 = 0
    /// `price1CumulativeLast`: Σ (reserve0 / reserve1 as UQ112x112) · seconds, modulo 2^256.
    public private(set) var price1CumulativeLast: UInt256 = 0

    /// A fresh pair: zero reserves and accumulators.
    public init() {}

    /// A pair with the given storage, e.g. read from a deployed contract.
    public init(
        reserve0: UInt128, reserve1: UInt128, blockTimestampLast: UInt32, price0CumulativeLast: UInt256,
        price1CumulativeLast: UInt256
    ) throws(SenseError) {
        guard reserve0 <= UQ112x112.maxReserve, reserve1 <= UQ112x112.maxReserve else {
            throw .malformedInput("pair reserves exceed uint112 (UniswapV2: OVERFLOW)")
        }
        self.reserve0 = reserve0
        self.reserve1 = reserve1
        self.blockTimestampLast = blockTimestampLast
        self.price0CumulativeLast = price0CumulativeLast
        self.price1CumulativeLast = price1CumulativeLast
    }

    /// `_update(balance0, balance1, reserve0, reserve1)` at a block with Unix time `blockTime`
    /// (seconds); throws like the contract's `UniswapV2: OVERFLOW` when a balance exceeds `uint112`.
    public mutating func update(balance0: UInt128, balance1: UInt128, blockTime: Int64) throws(SenseError) {
        guard balance0 <= UQ112x112.maxReserve, balance1 <= UQ112x112.maxReserve else {
            throw .malformedInput("balance exceeds uint112 (UniswapV2: OVERFLOW)")
        }
        let blockTimestamp = UInt32(truncatingIfNeeded: blockTime)
        let timeElapsed = blockTimestamp &- blockTimestampLast
        if timeElapsed > 0 && reserve0 != 0 && reserve1 != 0 {
            let elapsed = UInt256(high: 0, low: UInt128(timeElapsed))
            price0CumulativeLast = price0CumulativeLast &+ UQ112x112.fraction(reserve1, reserve0) * elapsed
            price1CumulativeLast = price1CumulativeLast &+ UQ112x112.fraction(reserve0, reserve1) * elapsed
        }
        reserve0 = balance0
        reserve1 = balance1
        blockTimestampLast = blockTimestamp
    }

    /// `UniswapV2OracleLibrary.currentCumulativePrices`: the accumulators as they would read at
    /// `blockTime` if the pair were updated now (counterfactual, without a transaction), or `nil` when a
    /// reserve is zero.
    public func currentCumulativePrices(at blockTime: Int64) -> (price0: UInt256, price1: UInt256)? {
        let blockTimestamp = UInt32(truncatingIfNeeded: blockTime)
        guard blockTimestampLast != blockTimestamp else { return (price0CumulativeLast, price1CumulativeLast) }
        guard reserve0 != 0, reserve1 != 0 else { return nil }
        let elapsed = UInt256(high: 0, low: UInt128(blockTimestamp &- blockTimestampLast))
        return (
            price0CumulativeLast &+ UQ112x112.fraction(reserve1, reserve0) * elapsed,
            price1CumulativeLast &+ UQ112x112.fraction(reserve0, reserve1) * elapsed
        )
    }
}
