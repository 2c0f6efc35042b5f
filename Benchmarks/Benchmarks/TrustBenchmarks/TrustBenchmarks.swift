// AntibodyTrust benchmarks: secp256k1 signing and recovery, and quorum-certificate verification.
// One operation per iteration; inputs are fixed keys (keccak256("sentinel-i")) so runs are comparable.
//
// Targets (docs/trust.md): sign ≤ 50 µs, recover ≤ 60 µs, verify a 7-signature certificate ≤ 0.5 ms
// (p50, release build).

import AntibodyCore
import AntibodyTrust
import Benchmark

let keys = (0..<7).map { try! Secp256k1PrivateKey(bytes: Keccak256.hash("sentinel-\($0)")) }
let sentinels = try! SentinelSet(members: keys.map(\.address))
let domain = GuardianDomain(
    chainID: 1, verifyingContract: try! EthereumAddress(hex: "0x5FbDB2315678afecb367f032d93F642f64180aa3"))
let request = ActionRequest(
    action: .setParameter, target: keys[0].address, params: Array(0..<64), nonce: 1, expiry: 2_000_000_000)
/// 64 distinct digests (a power of two, so loops index with a mask).
let digests: [Bytes32] = (0..<64).map { Bytes32(Keccak256.digest([UInt8($0)])) }
let signatures: [RecoverableSignature] = digests.map { keys[0].signature(for: $0) }
let certificate = QuorumCertificate(
    domain: domain, request: request, signatures: keys.map { request.sign(in: domain, with: $0) })
let verifier = QuorumVerifier(domain: domain, sentinels: sentinels)
let now = Timestamp(seconds: 1_700_000_000)

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal],
        timeUnits: .microseconds,
        warmupIterations: 10,
        maxDuration: .seconds(2),
        maxIterations: 10_000,
        thresholds: [.wallClock: .init(relative: [.p50: 25.0, .p75: 25.0])]
    )

    Benchmark("secp256k1 sign (RFC 6979, recoverable, low-s)") { benchmark in
        for i in benchmark.scaledIterations {
            blackHole(keys[0].signature(for: digests[i & 63]))
        }
    }

    Benchmark("secp256k1 recover address") { benchmark in
        for i in benchmark.scaledIterations {
            blackHole(try? signatures[i & 63].recoverAddress(digest: digests[i & 63]))
        }
    }

    Benchmark("verify 7-signature quorum certificate") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try? verifier.verify(certificate, at: now, replay: ReplayGuard()))
        }
    }

    Benchmark("ActionRequest EIP-712 digest") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(request.digest(in: domain))
        }
    }
}
