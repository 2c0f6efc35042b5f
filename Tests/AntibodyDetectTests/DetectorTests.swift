import AntibodyCore
import Foundation
import Testing

@testable import AntibodyDetect

private func series(_ n: Int, seed: UInt64) -> [Double] {
    var g = SplitMix64(seed: seed)
    return (0..<n).map { _ in g.normal() }
}

private func times(_ n: Int) -> [Timestamp] { (0..<n).map { Timestamp(seconds: Int64($0) * 60) } }

private func naiveMedian(_ v: [Double]) -> Double {
    let s = v.sorted()
    let n = s.count
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2
}

@Suite("Detectors")
struct DetectorTests {
    @Test("SortedWindow gives the exact median and MAD of the last w values", arguments: [3, 8, 17, 256])
    func sortedWindow(w: Int) {
        var g = SplitMix64(seed: UInt64(w))
        var window = SortedWindow(capacity: w)
        var recent: [Double] = []
        for i in 0..<2000 {
            // Rounded values force ties, which the order statistics must handle.
            let x = (g.normal() * 4).rounded() / 4
            window.push(x)
            recent.append(x)
            if recent.count > w { recent.removeFirst() }
            if i % 7 == 0 {
                let m = naiveMedian(recent)
                #expect(window.median == m)
                #expect(window.medianAbsoluteDeviation(around: m) == naiveMedian(recent.map { abs($0 - m) }))
                #expect(
                    window.medianAbsoluteDeviation(around: 0.3)
                        == naiveMedian(recent.map { abs($0 - 0.3) }))
            }
        }
    }

    @Test("WindowedKS's D equals a direct two-sample KS statistic", arguments: [2, 5, 64])
    func ksStatistic(w: Int) {
        var g = SplitMix64(seed: 42 + UInt64(w))
        var ks = WindowedKS(window: w)
        var all: [Double] = []
        for i in 0..<1500 {
            let x = g.normal() + (i > 700 ? 1.5 : 0)
            _ = ks.update(x, at: Timestamp(seconds: Int64(i)))
            all.append(x)
            guard all.count >= 2 * w else { continue }
            let reference = all[(all.count - 2 * w)..<(all.count - w)].sorted()
            let recent = all[(all.count - w)...].sorted()
            var d = 0.0
            for v in reference + recent {
                let fr = Double(reference.filter { $0 <= v }.count) / Double(w)
                let fc = Double(recent.filter { $0 <= v }.count) / Double(w)
                d = max(d, abs(fr - fc))
            }
            #expect(abs(ks.statistic - d) < 1e-12, "row \(i)")
        }
    }

    /// The two-sample KS statistic of two samples of equal size w, as `w·D` (an integer): sort both
    /// (O(w log w)) and walk the merged order, stepping past each distinct value in both samples.
    private static func naiveKSDistance(_ a: [Double], _ b: [Double]) -> Int {
        let x = a.sorted()
        let y = b.sorted()
        var i = 0
        var j = 0
        var best = 0
        while i < x.count || j < y.count {
            let v = j == y.count || (i < x.count && x[i] <= y[j]) ? x[i] : y[j]
            while i < x.count && x[i] == v { i += 1 }
            while j < y.count && y[j] == v { j += 1 }
            best = max(best, abs(i - j))
        }
        return best
    }

    /// `w·D` as WindowedKS defines it on tied data: the merged order by (value, arrival), each
    /// reference value +1 and recent value −1, the largest absolute prefix sum.
    private static func arrivalOrderedDistance(_ reference: [Double], _ recent: [Double]) -> Int {
        let tagged =
            reference.enumerated().map { ($0.element, $0.offset, 1) }
            + recent.enumerated().map { ($0.element, reference.count + $0.offset, -1) }
        var prefix = 0
        var best = 0
        for (_, _, mark) in tagged.sorted(by: { ($0.0, $0.1) < ($1.0, $1.1) }) {
            prefix += mark
            best = max(best, abs(prefix))
        }
        return best
    }

    @Test(
        "WindowedKS's D and score equal a naive O(w log w) two-sample KS on random data, every row",
        arguments: [(2, 300), (3, 400), (16, 1200), (100, 1500), (256, 1600)])
    func ksAgainstNaive(w: Int, rows: Int) {
        var g = SplitMix64(seed: 1000 + UInt64(w))
        var ks = WindowedKS(window: w)
        var all: [Double] = []
        let rootNe = (Double(w) / 2).squareRoot()
        var mismatches = 0
        var checked = 0
        for i in 0..<rows {
            // Continuous values (no ties), with a scale change and a level shift partway.
            let x = g.normal() * (i > rows / 2 ? 2 : 1) + (i > 3 * rows / 4 ? 1 : 0)
            let score = ks.update(x, at: Timestamp(seconds: Int64(i)))
            all.append(x)
            guard all.count >= 2 * w else {
                #expect(score == 0)
                continue
            }
            let reference = Array(all[(all.count - 2 * w)..<(all.count - w)])
            let recent = Array(all[(all.count - w)...])
            let d = Double(Self.naiveKSDistance(reference, recent)) / Double(w)
            // The documented score, computed directly (the detector reads it from a table).
            let expected = 1 - TailTransform.kolmogorovSurvival((rootNe + 0.12 + 0.11 / rootNe) * d)
            checked += 1
            if ks.statistic != d || score != expected { mismatches += 1 }
        }
        #expect(checked == rows - 2 * w + 1)
        #expect(mismatches == 0, "\(mismatches) of \(checked) rows differ")
    }

    @Test("WindowedKS on tied data: D is the (value, arrival)-ordered prefix maximum, an upper bound on KS")
    func ksTies() {
        var g = SplitMix64(seed: 99)
        let w = 64
        var ks = WindowedKS(window: w)
        var all: [Double] = []
        var mismatches = 0
        for i in 0..<1000 {
            let x = (g.normal() * 2).rounded()  // about nine distinct values: many ties
            _ = ks.update(x, at: Timestamp(seconds: Int64(i)))
            all.append(x)
            guard all.count >= 2 * w else { continue }
            let reference = Array(all[(all.count - 2 * w)..<(all.count - w)])
            let recent = Array(all[(all.count - w)...])
            let k = Self.arrivalOrderedDistance(reference, recent)
            if ks.statistic != Double(k) / Double(w) { mismatches += 1 }
            #expect(k >= Self.naiveKSDistance(reference, recent))
        }
        #expect(mismatches == 0)
    }

    @Test("KS flags a shift in distribution and stays quiet without one")
    func ksScores() {
        var g = SplitMix64(seed: 7)
        var ks = WindowedKS(window: 128)
        var quiet = 0.0
        var shifted = 0.0
        for i in 0..<2000 {
            let x = i < 1500 ? g.normal() : 3 * g.normal()
            let s = ks.update(x, at: Timestamp(seconds: Int64(i)))
            if i > 300 && i < 1500 { quiet = max(quiet, s) }
            if i >= 1600 { shifted = max(shifted, s) }
        }
        #expect(quiet < 0.999)
        #expect(shifted > 0.999)
    }

    @Test("EWMA mean and variance follow the documented recurrences")
    func ewma() {
        var d = EWMAZScore(alpha: 0.5, warmup: 0)
        _ = d.update(1, at: Timestamp(seconds: 0))
        _ = d.update(3, at: Timestamp(seconds: 1))  // d = 2: μ = 2, σ² = 0.5·(0 + 2·1) = 1
        #expect(d.mean == 2 && d.variance == 1)
        let s = d.update(5, at: Timestamp(seconds: 2))  // d = 3: score 1 − 1/9
        #expect(abs(s - (1 - 1.0 / 9)) < 1e-15)
        #expect(d.mean == 3.5 && d.variance == 0.5 * (1 + 3 * 1.5))
    }

    @Test("CUSUM alarms on a 1.5σ shift and resets; quiet on noise")
    func cusum() {
        var g = SplitMix64(seed: 3)
        var c = CUSUM(alpha: 0.001, warmup: 200)
        var firstAlarm: Int?
        for i in 0..<1400 {
            let s = c.update(g.normal() + (i >= 1000 ? 1.5 : 0), at: Timestamp(seconds: Int64(i)))
            if s >= 1 && i >= 1000 && firstAlarm == nil { firstAlarm = i }
        }
        #expect(firstAlarm != nil && firstAlarm! < 1020)
        #expect(c.alarms >= 1)
    }

    @Test("Page–Hinkley alarms after a step and restarts")
    func pageHinkley() {
        var p = PageHinkley(delta: 0.005, threshold: 20)
        var g = SplitMix64(seed: 5)
        var alarmAt: Int?
        for i in 0..<600 {
            let s = p.update(g.normal() * 0.1 + (i >= 300 ? 1 : 0), at: Timestamp(seconds: Int64(i)))
            if s == 1 && alarmAt == nil { alarmAt = i }
        }
        #expect(alarmAt != nil && alarmAt! >= 300 && alarmAt! < 340)
    }

    @Test("level shift, volatility regime and flat line react to their event")
    func shapes() {
        var g = SplitMix64(seed: 9)
        var level = LevelShift(window: 30)
        var volatility = VolatilityRegime()
        var flat = FlatLine()
        var maxLevel = 0.0
        var maxVol = 0.0
        var maxFlat = 0.0
        for i in 0..<1000 {
            let t = Timestamp(seconds: Int64(i))
            let noise = g.normal()
            maxLevel = max(maxLevel, i > 500 ? level.update(noise + 5, at: t) : level.update(noise, at: t))
            let v = volatility.update(i > 700 ? 10 * noise : noise, at: t)
            if i > 700 { maxVol = max(maxVol, v) }
            let f = flat.update(i > 900 ? 1 : noise, at: t)
            if i > 900 { maxFlat = max(maxFlat, f) }
        }
        #expect(maxLevel > 0.9, "\(maxLevel)")
        #expect(maxVol > 0.8, "\(maxVol)")
        #expect(maxFlat > 0.99, "\(maxFlat)")
    }

    @Test("EW correlation of x with 2x+1 is 1 and with −x is −1")
    func correlation() {
        var g = SplitMix64(seed: 11)
        var pos = EWCorrelation()
        var neg = EWCorrelation()
        for i in 0..<500 {
            let x = g.normal()
            pos.update(x, 2 * x + 1, at: Timestamp(seconds: Int64(i)))
            neg.update(x, -x, at: Timestamp(seconds: Int64(i)))
        }
        #expect(abs(pos.correlation - 1) < 1e-9 && abs(neg.correlation + 1) < 1e-9)
        pos.update(.nan, 1, at: Timestamp(seconds: 600))
        #expect(pos.health.skippedNonFinite == 1 && abs(pos.correlation - 1) < 1e-9)
    }

    @Test(
        "every detector: NaN and ±∞ are skipped, counted and never poison the state",
        arguments: DetectorKind.allCases)
    func badInput(kind: DetectorKind) {
        let clean = series(1200, seed: 21)
        var dirty: [Double] = []
        var dirtyTimes: [Timestamp] = []
        var cleanIndex: [Int] = []
        for (i, x) in clean.enumerated() {
            if i % 97 == 5 {
                dirty.append([Double.nan, .infinity, -.infinity][i % 3])
                dirtyTimes.append(Timestamp(seconds: Int64(i) * 60 - 30))
            }
            cleanIndex.append(dirty.count)
            dirty.append(x)
            dirtyTimes.append(Timestamp(seconds: Int64(i) * 60))
        }
        let a = kind.scores(values: clean, timestamps: times(clean.count))
        let b = kind.scores(values: dirty, timestamps: dirtyTimes)
        #expect(b.health.skippedNonFinite == dirty.count - clean.count)
        #expect(cleanIndex.map { b.scores[$0] } == a.scores)
        #expect(b.scores.allSatisfy { $0 >= 0 && $0 <= 1 })
        #expect(kind.scores(values: [], timestamps: []).scores.isEmpty)
    }

    @Test("every detector is causal: appending rows never changes emitted scores", arguments: DetectorKind.allCases)
    func causality(kind: DetectorKind) throws {
        var values = series(3000, seed: 33)
        var t = times(values.count)
        if let nab = NABData.directory {
            let columns = try NABCSV.read(path: nab + "/data/realKnownCause/nyc_taxi.csv", column: "value")
            values = columns.values
            t = columns.timestamps
        }
        let full = kind.scores(values: values, timestamps: t).scores
        for cut in [1, 17, 1000, values.count / 2] {
            let prefix = kind.scores(values: Array(values[..<cut]), timestamps: Array(t[..<cut])).scores
            #expect(prefix == Array(full[..<cut]), "cut at \(cut)")
        }
    }

    @Test("repeated or decreasing timestamps are accepted and counted")
    func timestamps() {
        var d = EWMAZScore()
        for s: Int64 in [0, 60, 60, 30, 120] { _ = d.update(1, at: Timestamp(seconds: s)) }
        #expect(d.count == 5 && d.health.repeatedOrDecreasingTimestamps == 2)
    }

    @Test("alarm suppression silences the next k rows")
    func suppression() {
        var d = AlarmSuppression(EWMAZScore(alpha: 0.1, warmup: 5), level: 0.9, rows: 3)
        var out: [Double] = []
        for i in 0..<20 {
            out.append(d.update(i == 10 || i == 11 ? 100 : Double(i % 2), at: Timestamp(seconds: Int64(i))))
        }
        #expect(out[10] >= 0.9 && out[11] == 0 && out[12] == 0 && out[13] == 0)
    }
}

@Suite("Page–Hinkley against River")
struct PageHinkleyRiverTests {
    /// Alarm indices from River 0.26.1's `drift.PageHinkley` on the series below, recorded with
    /// `benchmarks/peers` (an independent implementation).
    static let riverDefaults = [817, 1606]
    static let riverThreshold20 = [
        48, 82, 119, 176, 212, 271, 336, 398, 461, 524, 587, 649, 713, 775, 810, 868, 933, 995, 1058, 1121, 1184,
        1246, 1310, 1372, 1435, 1498, 1561, 1606, 1649, 1683, 1718, 1780, 1844, 1906, 1969, 2032, 2095, 2157, 2221,
        2283, 2346, 2409, 2472, 2534, 2598, 2660, 2723, 2786, 2848, 2912, 2974,
    ]

    static func alarms(threshold: Double) -> [Int] {
        var p = PageHinkley(threshold: threshold)
        var out: [Int] = []
        for i in 0..<3000 {
            let x = sin(Double(i) / 10.0) + (800 <= i && i < 1600 ? 3.0 : 0.0) + 0.01 * Double(i % 7)
            if p.update(x, at: Timestamp(seconds: Int64(i))) == 1 { out.append(i) }
        }
        return out
    }

    @Test("alarms on exactly the values River's PageHinkley alarms on")
    func sameAlarms() {
        #expect(Self.alarms(threshold: 50) == Self.riverDefaults)
        #expect(Self.alarms(threshold: 20) == Self.riverThreshold20)
    }
}
