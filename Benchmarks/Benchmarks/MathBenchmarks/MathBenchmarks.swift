// UInt256 benchmarks. Each benchmark runs 1,000 operations per iteration (scalingFactor .kilo), so the
// reported time is per operation. Inputs rotate through a small table so the optimizer cannot fold
// them, and every result goes through blackHole.
//
// Targets (docs/math.md): mulDiv ≤ 50 ns median and ≥ 5× faster than BigInt; 0 allocations per op.

import AntibodyMath
import Benchmark
import BigInt

/// Realistic operands: Uniswap-v3-style Q96/Q128 prices and liquidities, WAD amounts, full-width
/// values. Eight of them, so loops index with `i & 7` (a `%` by a runtime count costs a division).
let operands: [UInt256] = [
    UInt256(decimal: "79228162514264337593543950336")!,  // 2^96 (sqrtPriceX96 of price 1)
    UInt256(decimal: "1461446703485210103287273052203988822378723970341")!,  // max sqrtPriceX96
    UInt256(decimal: "340282366920938463463374607431768211455")!,  // 2^128 - 1
    UInt256(decimal: "123456789012345678901234567890123456789012345")!,
    UInt256(decimal: "1000000000000000000000000")!,  // 1e6 WAD
    UInt256(decimal: "98765432109876543210987654321098765432109876543210987654321")!,
    UInt256(decimal: "4295128739")!,  // min sqrtPriceX96
    UInt256(decimal: "57896044618658097711785492504343953926634992332820282019728792003956564819967")!,
]

/// Denominators (4): 64- to 192-bit, as prices, liquidities and Q-format scalings give.
let denominators: [UInt256] = [
    UInt256(decimal: "1000000000000000000")!,  // WAD
    UInt256(decimal: "79228162514264337593543950336")!,  // Q96
    UInt256(decimal: "340282366920938463463374607431768211457")!,
    UInt256(decimal: "12345678901234567890123456789012345678901234567890123456")!,
]

/// mulDiv inputs whose product needs more than 256 bits but whose result fits, so every call does the
/// full 512-by-256-bit division; 64 of them (a power of two, so the loop indexes with a mask).
let mulDivCases: [(UInt256, UInt256, UInt256)] = {
    var cases: [(UInt256, UInt256, UInt256)] = []
    for a in operands {
        for b in operands {
            for d in denominators where !a.multipliedFullWidth(by: b).high.isZero && (try? mulDiv(a, b, d)) != nil {
                cases.append((a, b, d))
            }
        }
    }
    precondition(cases.count >= 16, "too few mulDiv cases: \(cases.count)")
    return (0..<64).map { cases[$0 % cases.count] }
}()

/// mulDiv inputs whose product fits in 256 bits (the common case in protocol accounting: amounts
/// times Q96 prices or WAD factors), 64 of them.
let mulDivNarrowCases: [(UInt256, UInt256, UInt256)] = {
    var cases: [(UInt256, UInt256, UInt256)] = []
    for a in operands {
        for b in operands {
            for d in denominators where a.multipliedFullWidth(by: b).high.isZero && !(a * b / d).isZero {
                cases.append((a, b, d))
            }
        }
    }
    precondition(cases.count >= 16, "too few mulDiv cases: \(cases.count)")
    return (0..<64).map { cases[$0 % cases.count] }
}()

/// Uniswap v3 `SqrtPriceMath.getAmount0Delta` inputs: `mulDiv(liquidity << 96, sqrtB − sqrtA, sqrtB)`
/// with liquidity around 10¹⁸–10²² and sqrt prices around 2⁹⁶: the product is below 2²⁴⁹ (so
/// `high = 0`; this is not a 512-bit product), the denominator has two limbs and the quotient three,
/// 64 of them from a fixed-seed generator.
let uniswapCases: [(UInt256, UInt256, UInt256)] = {
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next() -> UInt64 {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return state
    }
    let q96 = UInt256.one << 96
    return (0..<64).map { _ in
        let liquidity = UInt256(low64: 1_000_000_000_000_000_000) * UInt256(low64: 1 + next() % 10_000)
        let sqrtA = q96 + UInt256(low64: next()) << 20
        let sqrtB = sqrtA + UInt256(low64: next()) << 16
        return (liquidity << 96, sqrtB - sqrtA, sqrtB)
    }
}()

/// Uniswap v3 `SqrtPriceMath.getNextSqrtPriceFromAmount0RoundingUp` inputs, which do need 512 bits:
/// `mulDivRoundingUp(liquidity << 96, sqrtP, (liquidity << 96) + amount · sqrtP)` with liquidity
/// 10²¹–10²⁵, sqrtP about 2⁹⁶–2⁹⁷ and amount 10¹⁸–10²²: products of 2²⁶²–2²⁷⁶ and a three-limb
/// denominator; 64 of them from a fixed-seed generator.
let uniswapWideCases: [(UInt256, UInt256, UInt256)] = {
    var state: UInt64 = 0x2545_F491_4F6C_DD1D
    func next() -> UInt64 {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return state
    }
    let q96 = UInt256.one << 96
    return (0..<64).map { _ in
        let liquidity = UInt256(low64: 1_000_000_000_000_000_000) * UInt256(low64: 1_000 + next() % 10_000_000)
        let sqrtP = q96 + UInt256(low64: next()) << 32
        let amount = UInt256(low64: 1_000_000_000_000_000_000) * UInt256(low64: 1 + next() % 10_000)
        let numerator = liquidity << 96
        precondition(!numerator.multipliedFullWidth(by: sqrtP).high.isZero, "not a 512-bit product")
        return (numerator, sqrtP, numerator + amount * sqrtP)
    }
}()

let bigMulDivCases = uniswapCases.map {
    (BigUInt(words: $0.0.words), BigUInt(words: $0.1.words), BigUInt(words: $0.2.words))
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal],
        timeUnits: .nanoseconds,
        warmupIterations: 10,
        scalingFactor: .kilo,
        maxDuration: .seconds(2),
        maxIterations: 1_000,
        thresholds: [
            // No allocation at all in UInt256 arithmetic.
            .mallocCountTotal: .init(absolute: [.p0: 0, .p25: 0, .p50: 0, .p75: 0, .p90: 0, .p99: 0, .p100: 0]),
            .wallClock: .init(relative: [.p50: 25.0, .p75: 25.0]),
        ]
    )

    Benchmark("UInt256 add") { benchmark in
        for i in benchmark.scaledIterations {
            blackHole(operands[i & 7] &+ operands[(i &+ 3) & 7])
        }
    }

    Benchmark("UInt256 multiply (wrapping)") { benchmark in
        for i in benchmark.scaledIterations {
            blackHole(operands[i & 7] &* operands[(i &+ 3) & 7])
        }
    }

    Benchmark("UInt256 multiply full width") { benchmark in
        for i in benchmark.scaledIterations {
            blackHole(operands[i & 7].multipliedFullWidth(by: operands[(i &+ 3) & 7]))
        }
    }

    Benchmark("UInt256 divide") { benchmark in
        for i in benchmark.scaledIterations {
            blackHole(operands[i & 7] / denominators[i & 3])
        }
    }

    // Uniswap v3 getAmount0Delta inputs: a product below 2²⁵⁶, a two-limb denominator.
    Benchmark("mulDiv") { benchmark in
        let cases = uniswapCases
        for i in benchmark.scaledIterations {
            let (a, b, d) = cases[i & 63]
            blackHole(try? mulDiv(a, b, d))
        }
    }

    // 64 cases mixing every divisor size (1–4 limbs) and quotient length (2–4 limbs), all with a
    // 512-bit product: the full FullMath path, and hard on branch prediction.
    Benchmark("mulDiv (mixed shapes)") { benchmark in
        let cases = mulDivCases
        for i in benchmark.scaledIterations {
            let (a, b, d) = cases[i & 63]
            blackHole(try? mulDiv(a, b, d))
        }
    }

    // Uniswap v3 getNextSqrtPriceFromAmount0RoundingUp inputs: a 512-bit product every time, a
    // three-limb denominator.
    Benchmark("mulDivRoundingUp (Uniswap, 512-bit product)") { benchmark in
        let cases = uniswapWideCases
        for i in benchmark.scaledIterations {
            let (a, b, d) = cases[i & 63]
            blackHole(try? mulDivRoundingUp(a, b, d))
        }
    }

    Benchmark("mulDiv (product < 2^256)") { benchmark in
        let cases = mulDivNarrowCases
        for i in benchmark.scaledIterations {
            let (a, b, d) = cases[i & 63]
            blackHole(try? mulDiv(a, b, d))
        }
    }

    Benchmark("mulDivRoundingUp") { benchmark in
        let cases = uniswapCases
        for i in benchmark.scaledIterations {
            let (a, b, d) = cases[i & 63]
            blackHole(try? mulDivRoundingUp(a, b, d))
        }
    }

    // The same mulDiv computations with attaswift/BigInt, for the speed ratio (it allocates).
    Benchmark(
        "mulDiv BigInt",
        configuration: .init(
            metrics: [.wallClock, .throughput, .mallocCountTotal], timeUnits: .nanoseconds,
            warmupIterations: 10, scalingFactor: .kilo, maxDuration: .seconds(2), maxIterations: 1_000)
    ) { benchmark in
        let cases = bigMulDivCases
        for i in benchmark.scaledIterations {
            let (a, b, d) = cases[i & 63]
            blackHole(a * b / d)
        }
    }

    Benchmark("UInt256.sqrt") { benchmark in
        for i in benchmark.scaledIterations {
            blackHole(UInt256.sqrt(operands[i & 7]))
        }
    }

    Benchmark("wadMul") { benchmark in
        for i in benchmark.scaledIterations {
            blackHole(try? wadMul(operands[i & 7] >> 128, operands[(i &+ 1) & 7] >> 128))
        }
    }

    Benchmark("rayDiv") { benchmark in
        for i in benchmark.scaledIterations {
            blackHole(try? rayDiv(operands[i & 7] >> 128, denominators[i & 3]))
        }
    }
}
