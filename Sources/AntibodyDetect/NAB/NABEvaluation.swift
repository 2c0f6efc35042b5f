internal import Foundation

/// Scores a results folder laid out like NAB's `results/`
/// (`<results>/<detector>/<category>/<detector>_<file>.csv`) against NAB's labels.
public enum NABEvaluation {
    /// One detector's scores under each profile.
    public struct DetectorScore: Sendable {
        /// The detector's name (its folder under the results directory).
        public var detector: String
        /// One entry per profile, in ``NABProfile/all`` order.
        public var profiles: [ProfileScore]
    }

    /// A detector's score under one profile.
    public struct ProfileScore: Sendable {
        /// The profile.
        public var profile: NABProfile
        /// The threshold used and the raw counts and score at it.
        public var outcome: NABScorer.Outcome
        /// The raw score without any detection.
        public var nullScore: Double
        /// The normalised score (null 0, perfect 100).
        public var normalised: Double
    }

    /// The detector folders under `results`: sub-directories holding at least one CSV file one level
    /// down, sorted by name.
    public static func detectors(in results: String) throws -> [String] {
        let fm = FileManager.default
        guard let entries = try? fm.contentsOfDirectory(atPath: results) else {
            throw DetectError.missing("\(results): cannot list the results directory")
        }
        var found: [String] = []
        for entry in entries.sorted() {
            let dir = results + "/" + entry
            guard let categories = try? fm.contentsOfDirectory(atPath: dir) else { continue }
            let hasCSV = categories.contains { category in
                ((try? fm.contentsOfDirectory(atPath: dir + "/" + category)) ?? []).contains { $0.hasSuffix(".csv") }
            }
            if hasCSV { found.append(entry) }
        }
        return found
    }

    /// Reads every file named in `labels` from `<results>/<detector>/` and prepares it for scoring.
    ///
    /// - Throws: ``DetectError`` when a file is missing or malformed (with `file:line`), or an
    ///   anomaly score is not a number.
    public static func loadFiles(results: String, detector: String, labels: NABLabels) throws -> [NABScorer.File] {
        var files: [NABScorer.File] = []
        for name in labels.files {
            let path = resultPath(results: results, detector: detector, file: name)
            let columns = try NABCSV.read(path: path, column: "anomaly_score")
            if let bad = columns.values.firstIndex(where: { $0.isNaN }) {
                throw DetectError.malformed(
                    file: path, line: bad + 2, "anomaly_score is NaN; a detector must emit a number in [0, 1]")
            }
            files.append(
                try NABScorer.prepare(
                    name: name, timestamps: columns.timestamps, scores: columns.values,
                    windows: labels.windows[name] ?? []))
        }
        return files
    }

    /// The path of a detector's results for data file `file` (`category/name.csv`):
    /// `<results>/<detector>/<category>/<detector>_<name>.csv`.
    public static func resultPath(results: String, detector: String, file: String) -> String {
        let parts = file.split(separator: "/", maxSplits: 1)
        let category = parts.count == 2 ? String(parts[0]) : ""
        let base = parts.count == 2 ? String(parts[1]) : file
        return "\(results)/\(detector)/\(category)/\(detector)_\(base)"
    }

    /// How a profile's threshold is chosen when none is given.
    public enum Optimiser: String, Sendable, CaseIterable {
        /// NAB v1.1's exhaustive sweep over the sorted unique scores (the global maximum).
        case sweep
        /// NAB's earlier hill-climbing optimiser, which produced the published thresholds.
        case twiddle
    }

    /// Scores prepared files under every profile: with `thresholds[profile.name]` when given, else
    /// with the threshold the chosen optimiser finds.
    public static func evaluate(
        detector: String, files: [NABScorer.File], windowCount: Int, thresholds: [String: Double]? = nil,
        optimiser: Optimiser = .sweep
    ) -> DetectorScore {
        let order = thresholds == nil && optimiser == .sweep ? NABScorer.descendingOrder(files) : nil
        var scores: [ProfileScore] = []
        for profile in NABProfile.all {
            let outcome: NABScorer.Outcome
            if let threshold = thresholds?[profile.name] {
                outcome = NABScorer.score(files, profile: profile, threshold: threshold)
            } else if optimiser == .twiddle {
                outcome = NABScorer.optimiseByTwiddle(files, profile: profile)
            } else {
                outcome = NABScorer.optimise(files, profile: profile, order: order)
            }
            let null = NABScorer.nullScore(files, profile: profile)
            scores.append(
                ProfileScore(
                    profile: profile, outcome: outcome, nullScore: null,
                    normalised: NABScorer.normalised(
                        raw: outcome.score, null: null, windowCount: windowCount,
                        profile: profile)))
        }
        return DetectorScore(detector: detector, profiles: scores)
    }

    /// Reads NAB's `config/thresholds.json`: per detector, per profile, the threshold.
    public static func loadThresholds(path: String) throws -> [String: [String: Double]] {
        struct Entry: Decodable { var threshold: Double }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DetectError.missing("\(path): cannot read the thresholds file")
        }
        do {
            let raw = try JSONDecoder().decode([String: [String: Entry]].self, from: data)
            return raw.mapValues { $0.mapValues(\.threshold) }
        } catch {
            throw DetectError.malformed(
                file: path,
                "expected {detector: {profile: {\"threshold\": number, ...}}} as in NAB's config/thresholds.json")
        }
    }
}
