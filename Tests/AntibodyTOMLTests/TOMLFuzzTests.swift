import AntibodyTOML
import Foundation
import Testing

/// Seeded, bounded mutation fuzzing of the repository's own TOML files (example policies and
/// built-in scenarios): byte flips, truncations, inserted brackets, quotes, escapes, non-ASCII
/// text, huge numbers and dates. Every mutant either parses or is refused with a position inside
/// the document; none may trap.
@Suite struct TOMLFuzzTests {
    /// SplitMix64: small, seedable, deterministic.
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(max(1, bound))) }
    }

    static let inserts: [[UInt8]] = [
        "[", "]", "[[", "]]", "[[[", "{", "}", "=", "\"", "'", "\"\"\"", "'''", "\\", "\\u", "\\U0010FFFF", "\\uD800",
        "\\x", ".", ",", "#", "\n", "\r", "\t", "\u{0}", "\u{7F}", "é", "😀", "99999999999999999999999",
        "-9223372036854775809", "0x", "0xFFFFFFFFFFFFFFFFF", "0o777", "0b102", "1e400", "1__0", "_1", "+inf", "-nan",
        "1979-05-27T07:32:00Z", "1979-05-27", "07:32:00", "1979-05-27T07:32:00.999999-07:00", "1979-02-30",
        "24:00:00", "1979-05-27 07:32", "[a]", "[[a]]", "a.b.c = 1", "{a=1}", "[1,[2]]", "= ", "\"\"", "true",
        "tru", "-", "+", "0.", ".5", "1.e5",
    ].map { Array($0.utf8) }

    static func mutate(_ original: [UInt8], _ rng: inout Generator) -> [UInt8] {
        var b = original
        for _ in 0..<(1 + rng.below(4)) {
            guard !b.isEmpty else {
                b = inserts[rng.below(inserts.count)]
                continue
            }
            let i = rng.below(b.count)
            switch rng.below(6) {
            case 0: b[i] ^= UInt8(1 << rng.below(8))
            case 1: b.removeSubrange(i...)
            case 2: b.insert(contentsOf: inserts[rng.below(inserts.count)], at: i)
            case 3: b.removeSubrange(i..<min(b.count, i + 1 + rng.below(8)))
            case 4:
                let j = rng.below(b.count)
                b.insert(contentsOf: b[min(i, j)..<max(i, j)].prefix(200), at: i)
            default:
                let lineStart = b[..<i].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
                let lineEnd = b[i...].firstIndex(of: 0x0A) ?? b.count
                if let equals = b[lineStart..<lineEnd].firstIndex(of: 0x3D) {
                    b.replaceSubrange((equals + 1)..<lineEnd, with: [0x20] + inserts[rng.below(inserts.count)])
                }
            }
        }
        return b
    }

    static let corpus: [String] = {
        var root = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        root.removeLast(3)
        let repository = root.joined(separator: "/")
        var files: [String] = []
        for folder in ["policies", "scenarios", "scenarios/policies"] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: "\(repository)/\(folder)")) ?? []
            files += names.filter { $0.hasSuffix(".toml") }.sorted().map { "\(repository)/\(folder)/\($0)" }
        }
        return files
    }()

    @Test func corpusParses() throws {
        #expect(Self.corpus.count >= 10)
        for file in Self.corpus {
            _ = try TOMLTable.parse(try String(contentsOfFile: file, encoding: .utf8))
        }
    }

    @Test func mutantsNeverTrapAndEveryErrorHasAPosition() throws {
        let originals = try Self.corpus.map { Array(try String(contentsOfFile: $0, encoding: .utf8).utf8) }
        var rng = Generator(state: 20_261_124)
        var refused = 0
        let mutants = 6_000
        for n in 0..<mutants {
            let text = String(decoding: Self.mutate(originals[n % originals.count], &rng), as: UTF8.self)
            do {
                _ = try TOMLTable.parse(text)
            } catch {
                refused += 1
                let lines = text.utf8.count(where: { $0 == 0x0A }) + 1
                #expect(error.position.line >= 1 && error.position.line <= lines, "\(error)")
                #expect(error.position.column >= 1 && error.position.column <= text.utf8.count + 1, "\(error)")
                #expect(!error.message.isEmpty && !error.hint.isEmpty)
            }
        }
        #expect(refused > mutants / 4)
    }
}
