import AntibodyEngine
import Foundation
import Testing

/// Deterministic mutations of the example policies (delete, duplicate, replace bytes and lines):
/// every mutant either loads or is refused with diagnostics; none crashes.
@Suite struct PolicyMutationTests {
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(max(1, bound)))
        }
    }

    @Test(arguments: ["aave-like-lending", "erc4626-vault", "lock-and-mint-bridge"])
    func mutantsNeverCrash(_ name: String) throws {
        let original = Array(
            try String(contentsOfFile: "\(repositoryRoot)/policies/\(name).toml", encoding: .utf8).utf8)
        var rng = Generator(state: 7)
        let alphabet = Array("[]{}=\"'.,#\n 0123456789-_abcxyz".utf8)
        var refused = 0
        for _ in 0..<1_000 {
            var bytes = original
            for _ in 0..<(1 + rng.next(4)) {
                let i = rng.next(bytes.count)
                switch rng.next(4) {
                case 0: bytes.remove(at: i)
                case 1: bytes.insert(alphabet[rng.next(alphabet.count)], at: i)
                case 2: bytes[i] = alphabet[rng.next(alphabet.count)]
                default:
                    let j = rng.next(bytes.count)
                    bytes.insert(contentsOf: bytes[min(i, j)..<max(i, j)].prefix(200), at: i)
                }
            }
            do {
                _ = try Policy.load(source: String(decoding: bytes, as: UTF8.self), file: "m.toml")
            } catch {
                refused += 1
                #expect(!error.diagnostics.isEmpty)
                #expect(error.diagnostics.allSatisfy { $0.position.line >= 1 && $0.position.column >= 1 })
            }
        }
        #expect(refused > 300)
    }
}
