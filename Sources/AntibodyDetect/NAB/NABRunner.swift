import AntibodyCore
internal import Foundation

/// Runs a detector over the NAB corpus and writes its results in the layout of NAB's own
/// `results/` folder, so that NAB's official scorer reads them unchanged:
/// `<out>/<name>/<category>/<name>_<file>.csv` with the header `timestamp,value,anomaly_score,label`
/// (`label` is 1 inside a labelled window; the detector never sees it).
public enum NABRunner {
    /// What a run did.
    public struct Summary: Sendable {
        /// Files written.
        public var files = 0
        /// Rows scored.
        public var rows = 0
        /// Values skipped as NaN or ±∞, over all files.
        public var skippedNonFinite = 0
        /// Rows whose timestamp did not increase, over all files.
        public var repeatedOrDecreasingTimestamps = 0
    }

    /// Runs `kind` on every file named in `<nab>/labels/combined_windows.json` (data from
    /// `<nab>/data/`) and writes the results under `<out>/<name>/`.
    ///
    /// - Throws: ``DetectError`` for a missing or malformed data file (with `file:line`) or a write
    ///   failure.
    public static func run(
        nab: String, kind: DetectorKind, name: String, out: String,
        ensemble: LikelihoodEnsemble.Configuration = .init()
    ) throws -> Summary {
        let labels = try NABLabels.load(path: nab + "/labels/combined_windows.json")
        var summary = Summary()
        for file in labels.files {
            let columns = try NABCSV.read(path: nab + "/data/" + file, column: "value")
            let (scores, health) = kind.scores(
                values: columns.values, timestamps: columns.timestamps, ensemble: ensemble)
            let windows = labels.windows[file] ?? []
            try write(
                path: NABEvaluation.resultPath(results: out, detector: name, file: file),
                columns: columns, scores: scores, windows: windows)
            summary.files += 1
            summary.rows += scores.count
            summary.skippedNonFinite += health.skippedNonFinite
            summary.repeatedOrDecreasingTimestamps += health.repeatedOrDecreasingTimestamps
        }
        return summary
    }

    private static func write(
        path: String, columns: NABCSV.Columns, scores: [Double], windows: [NABLabels.Window]
    ) throws {
        var text = "timestamp,value,anomaly_score,label\n"
        text.reserveCapacity(scores.count * 48)
        for i in scores.indices {
            let t = columns.timestamps[i]
            let inside = windows.contains { $0.start <= t && t <= $0.end }
            text += NABTimestamp.format(t)
            text += ","
            text += "\(columns.values[i])"
            text += ","
            text += "\(scores[i])"
            text += inside ? ",1\n" : ",0\n"
        }
        let directory = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw DetectError.io("\(path): cannot write results (\(error.localizedDescription))")
        }
    }
}
