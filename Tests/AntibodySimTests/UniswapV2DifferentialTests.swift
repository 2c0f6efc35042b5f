import AntibodyMath
import AntibodySim
import Testing

/// Replays `uniswap_v2_swaps.json` (1,200 cases computed in Python from the Solidity) and requires
/// every integer and every revert reason to match exactly.
@Suite struct UniswapV2DifferentialTests {
    nonisolated(unsafe) static let cases = try! Fixtures.load("uniswap_v2_swaps.json")["cases"] as! [[String: Any]]

    @Test func fixtureHasAtLeastAThousandSwaps() {
        #expect(Self.cases.count >= 1_000)
        #expect(Self.cases.filter { ($0.dict("result")["ok"] as? Bool) == true }.count >= 500)
    }

    @Test func libraryFunctionsMatch() {
        var mismatches = 0
        for c in Self.cases {
            let zeroForOne = c["zeroForOne"] as! Bool
            let r0 = c.u256("reserve0"), r1 = c.u256("reserve1")
            let (rin, rout) = zeroForOne ? (r0, r1) : (r1, r0)
            let expectedOut = c.dict("amountOut")
            do {
                let out = try UniswapV2Pair.getAmountOut(c.u256("amountIn"), reserveIn: rin, reserveOut: rout)
                if expectedOut.u256OrNil("ok") != out { mismatches += 1 }
            } catch {
                if expectedOut["revert"] as? String != error.revertReason { mismatches += 1 }
            }
            let expectedIn = c.dict("amountInForTarget")
            do {
                let amountIn = try UniswapV2Pair.getAmountIn(c.u256("targetOut"), reserveIn: rin, reserveOut: rout)
                if expectedIn.u256OrNil("ok") != amountIn { mismatches += 1 }
            } catch {
                if expectedIn["revert"] as? String != error.revertReason { mismatches += 1 }
            }
        }
        #expect(mismatches == 0)
    }

    @Test func pairSwapsMatch() throws {
        var mismatches: [Int] = []
        for c in Self.cases {
            var pair = try UniswapV2Pair(
                reserve0: c.u256("reserve0"), reserve1: c.u256("reserve1"),
                blockTimestampLast: UInt32(c.uint64("blockTimestampLast")),
                price0CumulativeLast: c.u256("price0CumulativeLast"),
                price1CumulativeLast: c.u256("price1CumulativeLast"))
            let before = pair
            let zeroForOne = c["zeroForOne"] as! Bool
            let swap = c.dict("swap")
            let out = swap.u256("amountOut"), paid = swap.u256("paidIn"), repaid = swap.u256("repaidInOutputToken")
            let ts = c.uint64("blockTimestamp")
            let result = c.dict("result")
            do {
                if swap["flash"] as! Bool {
                    // Flash swap: the output is lent first; the callback repays in the same token.
                    try pair.swap(
                        amount0Out: zeroForOne ? .zero : out, amount1Out: zeroForOne ? out : .zero, blockTimestamp: ts
                    ) { _ in zeroForOne ? (.zero, repaid) : (repaid, .zero) }
                } else {
                    var next = pair
                    try next.transfer(amount0: zeroForOne ? paid : .zero, amount1: zeroForOne ? .zero : paid)
                    try next.swap(
                        amount0Out: zeroForOne ? .zero : out, amount1Out: zeroForOne ? out : .zero, blockTimestamp: ts)
                    pair = next
                }
                let ok = result["ok"] as! Bool
                if !ok || pair.reserve0 != result.u256("reserve0") || pair.reserve1 != result.u256("reserve1")
                    || UInt64(pair.blockTimestampLast) != result.uint64("blockTimestampLast")
                    || pair.price0CumulativeLast != result.u256("price0CumulativeLast")
                    || pair.price1CumulativeLast != result.u256("price1CumulativeLast")
                {
                    mismatches.append(c.int("id"))
                }
            } catch {
                if result["revert"] as? String != error.revertReason || pair != before {
                    mismatches.append(c.int("id"))
                }
            }
        }
        #expect(mismatches.isEmpty, "mismatching cases: \(mismatches.prefix(20))")
    }

    /// Property: across random swap sequences, reserve0·reserve1 never decreases (the fee only adds).
    @Test func kNeverDecreasesAcrossSwaps() throws {
        var rng = Xoshiro256StarStar(seed: 2024)
        for _ in 0..<50 {
            var pair = try UniswapV2Pair(
                reserve0: UInt256(low64: 1_000_000 + rng.next(below: 1 << 60)),
                reserve1: UInt256(low64: 1_000_000 + rng.next(below: 1 << 60)))
            var k = pair.reserve0 * pair.reserve1
            var ts: UInt64 = 1_700_000_000
            for _ in 0..<200 {
                ts += 12
                let zeroForOne = rng.next(below: 2) == 0
                let reserveIn = zeroForOne ? pair.reserve0 : pair.reserve1
                let amountIn =
                    reserveIn / UInt256(low64: 2 + rng.next(below: 1_000)) + UInt256(low64: rng.next(below: 100))
                if (try? pair.swapExactIn(amountIn, zeroForOne: zeroForOne, blockTimestamp: ts)) != nil {
                    let newK = pair.reserve0 * pair.reserve1
                    #expect(newK >= k)
                    k = newK
                }
            }
        }
    }

    @Test func mintBurnAndDonationFollowTheContract() throws {
        var pair = UniswapV2Pair()
        try pair.transfer(amount0: 4_000_000, amount1: 9_000_000)
        let minted = try pair.mint(blockTimestamp: 100)
        #expect(minted == 6_000_000 - 1_000)  // √(4e6·9e6) − MINIMUM_LIQUIDITY
        #expect(pair.totalSupply == 6_000_000)
        try pair.transfer(amount0: 1_000)  // a donation is absorbed by sync
        try pair.sync(blockTimestamp: 112)
        #expect(pair.reserve0 == 4_001_000)
        // 12 s at price 9e6/4e6 (UQ112x112) accumulated by sync's _update.
        #expect(pair.price0CumulativeLast == ((UInt256(9_000_000) << 112) / 4_000_000) * 12)
        let (a0, a1) = try pair.burn(liquidity: 600_000, blockTimestamp: 124)
        #expect(a0 == 600_000 * 4_001_000 / 6_000_000)
        #expect(a1 == 600_000 * 9_000_000 / 6_000_000)
        #expect(throws: SimError.self) { try UniswapV2Pair(reserve0: EVM.uint112Limit, reserve1: 1) }
    }
}

extension Dictionary where Key == String, Value == Any {
    func u256OrNil(_ key: String) -> UInt256? { (self[key] as? String).flatMap { UInt256(decimal: $0) } }
}
