public import AntibodyCore
internal import Foundation

/// NAB v1.1 scoring: windows, probation, the scaled-sigmoid reward, per-profile threshold
/// optimisation over the corpus and normalisation against the null and the perfect detector.
///
/// Semantics follow NAB's `sweeper.py`, `scorer.py`, `optimizer.py` and the normalisation in its
/// runner, including the corner cases that matter for the second decimal:
///
/// - A window is entered at the first row whose timestamp equals its start and left after the first
///   row (while inside it) whose timestamp equals its end. Its right index is the *first* row with
///   the end timestamp and its width `right − first(start) + 1`, as `list.index` gives them
///   (some NAB files repeat timestamps; one is not sorted).
/// - A row at index `i` inside a window is worth `tp · σ(−(right − i + 1)/width) / σ(−1)` with
///   `σ(y) = 2/(1 + e^{5y}) − 1`; a row outside is worth `fp · σ(|i − prevRight| / (prevWidth − 1))`
///   after a window (−1 beyond a relative distance of 3) and `−fp` before the first window.
/// - Rows with index below `min(⌊0.15·n⌋, 750)` are probationary and ignored entirely; a window all
///   of whose rows are probationary is not counted.
/// - A row is a detection when its anomaly score is `≥` the threshold. A window scores the maximum
///   of `−fn` and the worth of its detections; the file scores the sum of its windows and of the worth
///   of its detections outside windows; the corpus the sum of its files.
/// - The optimiser sweeps thresholds over the sorted unique scores of the whole corpus, starting at
///   1.1 (no detection), and keeps the first (highest) threshold reaching the maximum.
/// - Normalised score: `100 · (raw − null) / (perfect − null)`, where `null` is the raw score without
///   any detection and `perfect` the number of labelled windows times the TP weight.
public enum NABScorer {
    /// The fraction of each file that is probationary (capped at 750 rows, NAB's `0.15 · 5000`).
    public static let probationPercent = 0.15

    /// One file prepared for scoring: its scorable (non-probationary) rows with their anomaly score,
    /// window and unweighted worth.
    public struct File: Sendable {
        /// The data file, relative to `data/`.
        public var name: String
        /// Anomaly scores of the scorable rows.
        public var scores: [Double]
        /// For each scorable row, the index of its window in the file, or −1 outside every window.
        public var windowIndex: [Int32]
        /// For each scorable row, its unweighted worth: `σ(position)/σ(−1)` inside a window (to be
        /// multiplied by the TP weight), `σ(distance)` or −1 outside (to be multiplied by the FP weight).
        public var worth: [Double]
        /// The number of windows with at least one scorable row (the windows that count).
        public var countedWindows: Int
        /// The file's window slots (`countedWindows` never exceeds it).
        public var windowSlots: Int
    }

    /// Per-profile outcome of scoring at one threshold.
    public struct Outcome: Hashable, Sendable {
        /// The threshold (a row is a detection when its score is at least this).
        public var threshold: Double
        /// The raw score (sum over files).
        public var score: Double
        /// Detections inside windows (rows).
        public var truePositives: Int
        /// Non-detections outside windows (rows).
        public var trueNegatives: Int
        /// Detections outside windows (rows).
        public var falsePositives: Int
        /// Non-detections inside windows (rows).
        public var falseNegatives: Int
    }

    /// NAB's probationary length for a file of `rows` rows: `min(⌊0.15 · rows⌋, 750)`.
    public static func probationaryLength(rows: Int) -> Double {
        min((probationPercent * Double(rows)).rounded(.down), probationPercent * 5000)
    }

    /// NAB's scaled sigmoid: `2/(1 + e^{5y}) − 1`, or −1 for `y > 3`.
    public static func scaledSigmoid(_ y: Double) -> Double {
        if y > 3.0 { return -1.0 }
        return 2 * (1 / (1 + exp(5 * y))) - 1.0
    }

    /// Prepares one file: assigns each row to its window or to the gap after one, and drops the
    /// probationary rows.
    ///
    /// - Throws: ``DetectError`` when the counts differ or a window's end timestamp is not in the file.
    public static func prepare(
        name: String, timestamps: [Timestamp], scores: [Double], windows: [NABLabels.Window]
    ) throws -> File {
        guard timestamps.count == scores.count else {
            throw DetectError.invalidArgument("\(name): \(timestamps.count) timestamps but \(scores.count) scores")
        }
        let n = timestamps.count
        var firstIndex: [Int64: Int] = [:]
        if !windows.isEmpty {
            firstIndex.reserveCapacity(n)
            for (i, t) in timestamps.enumerated() where firstIndex[t.milliseconds] == nil {
                firstIndex[t.milliseconds] = i
            }
        }
        let maxTP = scaledSigmoid(-1.0)
        let probation = probationaryLength(rows: n)
        var file = File(
            name: name, scores: [], windowIndex: [], worth: [], countedWindows: 0,
            windowSlots: windows.count)
        let keep = max(0, n - Int(probation))
        file.scores.reserveCapacity(keep)
        file.windowIndex.reserveCapacity(keep)
        file.worth.reserveCapacity(keep)
        var counted = [Bool](repeating: false, count: windows.count)

        var nextWindow = 0
        var current = -1
        var currentRight = 0
        var currentWidth = 0.0
        var previousRight = -1
        var previousWidth = 0.0
        for i in 0..<n {
            let t = timestamps[i]
            if nextWindow < windows.count && t == windows[nextWindow].start {
                current = nextWindow
                nextWindow += 1
                guard let right = firstIndex[windows[current].end.milliseconds],
                    let left = firstIndex[windows[current].start.milliseconds]
                else {
                    throw DetectError.malformed(
                        file: name, "window ending \(NABTimestamp.format(windows[current].end)) has no such row")
                }
                currentRight = right
                currentWidth = Double(right - left + 1)
            }
            let worth: Double
            if current >= 0 {
                let position = -Double(currentRight - i + 1) / currentWidth
                worth = scaledSigmoid(position) / maxTP
            } else if previousRight < 0 {
                worth = -1.0
            } else {
                worth = scaledSigmoid(Double(abs(previousRight - i)) / (previousWidth - 1))
            }
            if Double(i) >= probation {
                file.scores.append(scores[i])
                file.windowIndex.append(Int32(current))
                file.worth.append(worth)
                if current >= 0 { counted[current] = true }
            }
            if current >= 0 && t == windows[current].end {
                previousRight = i
                previousWidth = currentWidth
                current = -1
            }
        }
        file.countedWindows = counted.reduce(0) { $0 + ($1 ? 1 : 0) }
        return file
    }

    /// Scores the corpus at a fixed threshold (NAB's `scoreCorpus`): each file, then the sum.
    public static func score(_ files: [File], profile: NABProfile, threshold: Double) -> Outcome {
        var total = Outcome(
            threshold: threshold, score: 0, truePositives: 0, trueNegatives: 0,
            falsePositives: 0, falseNegatives: 0)
        var best: [Double] = []
        for file in files {
            best.removeAll(keepingCapacity: true)
            best.append(contentsOf: repeatElement(Double.nan, count: file.windowSlots))
            var fp = 0.0
            for k in 0..<file.scores.count {
                let w = Int(file.windowIndex[k])
                let detected = file.scores[k] >= threshold
                if w >= 0 {
                    if best[w].isNaN { best[w] = -profile.fnWeight }
                    if detected {
                        total.truePositives += 1
                        best[w] = max(best[w], file.worth[k] * profile.tpWeight)
                    } else {
                        total.falseNegatives += 1
                    }
                } else if detected {
                    total.falsePositives += 1
                    fp += file.worth[k] * profile.fpWeight
                } else {
                    total.trueNegatives += 1
                }
            }
            var fileScore = fp
            for b in best where !b.isNaN { fileScore += b }
            total.score += fileScore
        }
        return total
    }

    /// The raw score of a detector that never detects: `−fn` for every counted window.
    public static func nullScore(_ files: [File], profile: NABProfile) -> Double {
        files.reduce(0.0) { $0 - profile.fnWeight * Double($1.countedWindows) }
    }

    /// Finds the threshold that maximises the corpus's raw score (NAB's `optimizeThreshold`), sweeping
    /// over the sorted unique anomaly scores; the first (highest) threshold reaching the maximum wins.
    /// `order` may be passed from ``descendingOrder(_:)`` to share one sort between profiles.
    public static func optimise(_ files: [File], profile: NABProfile, order: [Int32]? = nil) -> Outcome {
        var scores: [Double] = []
        var window: [Int32] = []
        var worth: [Double] = []
        var slots = 0
        for file in files {
            scores.append(contentsOf: file.scores)
            worth.append(contentsOf: file.worth)
            window.append(contentsOf: file.windowIndex.map { $0 < 0 ? -1 : $0 + Int32(slots) })
            slots += file.windowSlots
        }
        let sorted = order ?? descendingOrder(files)
        var best = [Double](repeating: -profile.fnWeight, count: slots)
        var fp = 0.0
        var windowSum = nullScore(files, profile: profile)
        var threshold = 1.1
        var top = Outcome(
            threshold: threshold, score: windowSum, truePositives: 0, trueNegatives: 0,
            falsePositives: 0, falseNegatives: 0)
        for index in sorted {
            let k = Int(index)
            let s = scores[k]
            if s != threshold {
                let current = fp + windowSum
                if current > top.score {
                    top = Outcome(
                        threshold: threshold, score: current, truePositives: 0,
                        trueNegatives: 0, falsePositives: 0, falseNegatives: 0)
                }
                threshold = s
            }
            let w = Int(window[k])
            if w >= 0 {
                let v = worth[k] * profile.tpWeight
                if v > best[w] {
                    windowSum += v - best[w]
                    best[w] = v
                }
            } else {
                fp += worth[k] * profile.fpWeight
            }
        }
        if fp + windowSum > top.score {
            top = Outcome(
                threshold: threshold, score: fp + windowSum, truePositives: 0, trueNegatives: 0,
                falsePositives: 0, falseNegatives: 0)
        }
        // Report the counts and the score exactly as scoring at that threshold gives them.
        return score(files, profile: profile, threshold: top.threshold)
    }

    /// Finds a threshold by NAB's earlier hill-climbing optimiser ("twiddle"), the one that produced
    /// the thresholds in NAB's `config/thresholds.json` and hence the published scoreboard: start at
    /// 0.5 with step 0.1; try `x + step`, then `x − step`; double the step on an improvement, else
    /// halve it; stop when the step is at most 1e-7. Thresholds outside `[0, 1]` score −∞. Returns the
    /// best threshold evaluated. It can stop on a local maximum, which is why the exhaustive
    /// ``optimise(_:profile:order:)`` sometimes finds a higher score.
    public static func optimiseByTwiddle(_ files: [File], profile: NABProfile) -> Outcome {
        var evaluated: [Double: Double] = [:]
        var order: [Double] = []
        func objective(_ x: Double) -> Double {
            if let known = evaluated[x] { return known }
            let value = (0...1).contains(x) ? score(files, profile: profile, threshold: x).score : -Double.infinity
            evaluated[x] = value
            order.append(x)
            return value
        }
        var x = 0.5
        var delta = 0.1
        var best = objective(x)
        while delta > 1e-7 {
            x += delta
            let up = objective(x)
            if up > best {
                best = up
                delta *= 2
                continue
            }
            x -= 2 * delta
            let down = objective(x)
            if down > best {
                best = down
                delta *= 2
            } else {
                x += delta
                delta *= 0.5
            }
        }
        var bestX = order[0]
        for candidate in order where evaluated[candidate]! > evaluated[bestX]! { bestX = candidate }
        return score(files, profile: profile, threshold: bestX)
    }

    /// Indices of all scorable rows of the corpus (files concatenated), by descending anomaly score.
    public static func descendingOrder(_ files: [File]) -> [Int32] {
        var scores: [Double] = []
        for file in files { scores.append(contentsOf: file.scores) }
        var order = (0..<Int32(scores.count)).map { $0 }
        scores.withUnsafeBufferPointer { s in
            order.sort { s[Int($0)] > s[Int($1)] }
        }
        return order
    }

    /// NAB's normalised score: `100 · (raw − null) / (perfect − null)`, with `perfect` equal to
    /// `windowCount · tp` (`windowCount` from the label file) and `null` the raw score without any
    /// detection.
    public static func normalised(raw: Double, null: Double, windowCount: Int, profile: NABProfile) -> Double {
        let perfect = Double(windowCount) * profile.tpWeight
        return 100 * (raw - null) / (perfect - null)
    }
}
