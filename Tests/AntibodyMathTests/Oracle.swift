// Test support: BigUInt (attaswift/BigInt) as the independent oracle, UInt256 generators built on
// swift-property-based, and a fixed-seed driver that runs ≥ 10,000 cases per property.
//
// `propertyCheck` runs a single case when a fixed seed is set (its documented behaviour), so the
// driver below runs the library's generators itself with a fixed-seed Xoshiro: every run sees the same
// cases, and a failure names the case index and input.

import AntibodyMath
import BigInt
import PropertyBased
import Testing

/// Cases per property (the acceptance criterion is ≥ 10,000 per operation).
let propertyCases = 10_000

/// 2²⁵⁶ as a BigUInt.
let twoTo256 = BigUInt(1) << 256

extension BigUInt {
    /// The oracle's copy of a UInt256, built from its limbs.
    init(_ value: UInt256) {
        self.init(words: [UInt(value.w0), UInt(value.w1), UInt(value.w2), UInt(value.w3)])
    }
}

extension UInt256 {
    /// The UInt256 with the value of `big`, which must be below 2²⁵⁶.
    init(oracle big: BigUInt) {
        precondition(big < twoTo256)
        var limbs: [UInt64] = [0, 0, 0, 0]
        for (i, word) in big.words.enumerated() where i < 4 { limbs[i] = UInt64(word) }
        self.init(w0: limbs[0], w1: limbs[1], w2: limbs[2], w3: limbs[3])
    }
}

/// Edge values forced into every property: 0, 1, 2, 2⁶⁴ ± 1, 2¹²⁸ ± 1, 2¹⁹², 2²⁵⁵, 2²⁵⁶ − 1 and its
/// neighbours, WAD, RAY and a few powers of two and ten.
let edgeValues: [UInt256] = {
    var values: [UInt256] = [0, 1, 2, 3, 10, 255, 256]
    for shift in [63, 64, 127, 128, 191, 192, 255] {
        let p = UInt256.one << shift
        values += [p &- 1, p, p &+ 1]
    }
    values += [.max, .max &- 1, .max >> 1, UInt256.wad, UInt256.ray, UInt256.halfWad, UInt256.halfRay]
    values += [
        UInt256(w0: .max, w1: 0, w2: .max, w3: 0), UInt256(w0: 0, w1: .max, w2: 0, w3: .max),
        UInt256(w0: 0x8000_0000_0000_0000, w1: 0, w2: 0, w3: 0x8000_0000_0000_0000),
    ]
    return values
}()

/// A generator of UInt256 values spread over all magnitudes, so that carries, borrows, every
/// division path (1 to 4 divisor limbs) and overflow boundaries are all exercised.
let uint256Gen: Generator<UInt256, Shrink.None<UInt256>> = Generator { rng in
    func word(_ rng: inout any SeededRandomNumberGenerator) -> UInt64 { rng.next() }
    switch rng.next() % 8 {
    case 0:
        // An edge value.
        return edgeValues[Int(rng.next() % UInt64(edgeValues.count))]
    case 1:
        // A power of two, plus or minus a little.
        let p = UInt256.one << Int(rng.next() % 256)
        let delta = UInt256(low64: rng.next() % 4)
        return rng.next() % 2 == 0 ? p &+ delta : p &- delta
    case 2:
        // Each limb zero, all ones or random: long carry and borrow chains.
        func limb(_ rng: inout any SeededRandomNumberGenerator) -> UInt64 {
            switch rng.next() % 3 {
            case 0: return 0
            case 1: return .max
            default: return rng.next()
            }
        }
        return UInt256(w0: limb(&rng), w1: limb(&rng), w2: limb(&rng), w3: limb(&rng))
    case 3:
        // Uniform over the whole range, through the standard library's generic `random(in:using:)`.
        return UInt256.random(in: UInt256.min...UInt256.max, using: &rng)
    default:
        // Random bits truncated to a random length 1...256.
        let value = UInt256(w0: word(&rng), w1: word(&rng), w2: word(&rng), w3: word(&rng))
        return value >> Int(rng.next() % 256)
    }
}

/// Runs `body` on all pairs of ``edgeValues`` (when `edgePairs`), then on random inputs from `gen`
/// with a fixed seed, `count` cases in all. `body` returns `nil` on success or a failure description;
/// the first few failures are recorded with the case number and input.
func forAll<Value>(
    _ gen: Generator<Value, some Sequence>,
    count: Int = propertyCases,
    seed: UInt64 = 0x5EED_A471_B0D1,
    edges: [Value] = [],
    sourceLocation: SourceLocation = #_sourceLocation,
    _ body: (Value) throws -> String?
) rethrows -> Int {
    var rng = Xoshiro(seed: (seed, 0x9E37_79B9_7F4A_7C15, 0xBF58_476D_1CE4_E5B9, 0x94D0_49BB_1331_11EB))
    var failures = 0
    var cases = 0
    func run(_ value: Value) throws {
        cases += 1
        if let failure = try body(value) {
            failures += 1
            if failures <= 3 {
                Issue.record("case \(cases): input \(value): \(failure)", sourceLocation: sourceLocation)
            }
        }
    }
    for value in edges.prefix(count) { try run(value) }
    while cases < count { try run(gen.run(using: &rng)) }
    #expect(failures == 0, "\(failures) of \(cases) cases failed", sourceLocation: sourceLocation)
    return cases
}

/// Pairs of edge values (every combination) for binary operations.
let edgePairs: [(UInt256, UInt256)] = edgeValues.flatMap { a in edgeValues.map { b in (a, b) } }

/// Triples of edge values for three-operand operations (every combination of a smaller edge set,
/// denominators of 1 included).
let edgeTriples: [(UInt256, UInt256, UInt256)] = {
    let small: [UInt256] = [
        0, 1, 2, UInt256.one << 64, (UInt256.one << 64) &- 1, UInt256.one << 128, .max, .max &- 1, UInt256.wad,
        UInt256.ray,
    ]
    return small.flatMap { a in small.flatMap { b in small.map { c in (a, b, c) } } }
}()

/// A generator of pairs.
let pairGen = zip(uint256Gen, uint256Gen)

/// A generator of triples.
let tripleGen = zip(uint256Gen, uint256Gen, uint256Gen)

/// `nil` when `actual` equals the oracle's `expected`, else a description of the mismatch.
func check(_ what: String, _ actual: UInt256, _ expected: BigUInt) -> String? {
    BigUInt(actual) == expected ? nil : "\(what): got \(actual), expected \(expected)"
}

/// `nil` when `actual == expected`, else a description of the mismatch.
func check<T: Equatable>(_ what: String, _ actual: T, _ expected: T) -> String? {
    actual == expected ? nil : "\(what): got \(actual), expected \(expected)"
}

/// The first failure among `checks`, or `nil` when all passed.
func firstFailure(_ checks: String?...) -> String? { checks.lazy.compactMap { $0 }.first }
