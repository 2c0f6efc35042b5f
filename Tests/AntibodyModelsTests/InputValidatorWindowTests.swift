import AntibodyModels
import AntibodySim
import Testing

@Suite("Models: the input validator's sliding window")
struct InputValidatorWindowTests {
    /// Exact two-sample KS statistic of sorted `a` and `b` (independent of the validator's code).
    static func exactKS(_ a: [Double], _ b: [Double]) -> Double {
        var i = 0
        var j = 0
        var d = 0.0
        while i < a.count, j < b.count {
            let value = min(a[i], b[j])
            while i < a.count, a[i] == value { i += 1 }
            while j < b.count, b[j] == value { j += 1 }
            d = max(d, abs(Double(i) / Double(a.count) - Double(j) / Double(b.count)))
        }
        return d
    }

    @Test("after the window wraps, KS and PSI equal a fresh validator's over the same last inputs")
    func evictionMatchesRecomputation() throws {
        let train = try Support.dataset(count: 1_000, seed: 31)
        let stream = try Support.dataset(count: 700, seed: 32).rows
        var sliding = try InputValidator(reference: train, window: 100)
        for row in stream { _ = try sliding.assess(row) }
        var fresh = try InputValidator(reference: train, window: 100)
        for row in stream.suffix(100) { _ = try fresh.assess(row) }
        #expect(sliding.windowCount == 100)
        #expect(sliding.shiftReport() == fresh.shiftReport())
    }

    @Test("KS at the reference's percentiles never exceeds the exact two-sample KS and stays close to it")
    func percentileKSBoundsExact() throws {
        let train = try Support.dataset(count: 1_000, seed: 41)
        let window = try Support.dataset(count: 256, seed: 42).rows
        var validator = try InputValidator(reference: train, window: 256)
        for row in window { _ = try validator.assess(row) }
        for (i, shift) in validator.shiftReport().enumerated() {
            let exact = Self.exactKS(train.rows.map { $0[i] }.sorted(), window.map { $0[i] }.sorted())
            #expect(shift.ks <= exact + 1e-12, "\(shift.name)")
            #expect(exact - shift.ks < 0.05, "\(shift.name): \(shift.ks) vs exact \(exact)")
        }
    }

    @Test("an input outside the specification leaves the window unchanged")
    func refusedInputNotCounted() throws {
        let train = try Support.dataset(count: 200, seed: 51)
        var validator = try InputValidator(reference: train, window: 20)
        var bad = train.rows[0]
        bad[1] = 0.5
        #expect(throws: ModelError.self) { try validator.assess(bad) }
        #expect(validator.windowCount == 0)
        _ = try validator.assess(train.rows[0])
        #expect(validator.windowCount == 1)
    }
}
