// AntibodyChain benchmarks: the Guardian's pause call data, and transaction signing.
// Inputs are fixed keys (keccak256("sentinel-i")) so runs are comparable.
//
// Target (issue 10): ABI-encode a Guardian pause call with a 3-signature certificate ≤ 2 µs (p50,
// release build), without allocating when the output buffer is reused.

import AntibodyChain
import AntibodyCore
import AntibodyMath
import AntibodyTrust
import Benchmark

let keys = (0..<4).map { try! Secp256k1PrivateKey(bytes: Keccak256.hash("sentinel-\($0)")) }
let domain = GuardianDomain(
    chainID: 31337, verifyingContract: try! EthereumAddress(hex: "0x5FbDB2315678afecb367f032d93F642f64180aa3"))
let vault = try! EthereumAddress(hex: "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512")
let request = ActionRequest(action: .pause, target: vault, nonce: 1, expiry: 2_000_000_000)
let certificate = QuorumCertificate(
    domain: domain, request: request, signatures: keys.prefix(3).map { request.sign(in: domain, with: $0) })
let certificateValue = GuardianContract.certificateValue(certificate)
let transfer = EIP1559Transaction(
    chainID: 31337, nonce: 7, maxPriorityFeePerGas: UInt256(UInt64(1_000_000_000)),
    maxFeePerGas: UInt256(UInt64(3_000_000_000)), gasLimit: 21_000, to: vault, value: 1)

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal],
        timeUnits: .nanoseconds,
        warmupIterations: 10,
        maxDuration: .seconds(2),
        maxIterations: 100_000,
        thresholds: [.wallClock: .init(relative: [.p50: 25.0, .p75: 25.0])]
    )

    Benchmark("Guardian pause call data, 3 signatures, reused buffer") { benchmark in
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1024)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            buffer.removeAll(keepingCapacity: true)
            GuardianContract.encodePauseCall(target: vault, certificate: certificate, into: &buffer)
            blackHole(buffer)
        }
    }

    Benchmark("Guardian pause call data, 3 signatures, new array") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(GuardianContract.pauseCall(target: vault, certificate: certificate))
        }
    }

    Benchmark("Guardian pause call data, 3 signatures, generic ABI encoder") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try? GuardianContract.Functions.pause.encodeCall([.address(vault), certificateValue]))
        }
    }

    Benchmark("EIP-1559 transfer: RLP, sign, hash") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(transfer.signed(with: keys[3]))
        }
    }
}
