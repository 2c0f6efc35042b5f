public import AntibodyCore
internal import Foundation

/// NAB's labelled anomaly windows (`labels/combined_windows.json`): for each data file, named by its
/// path relative to `data/` (e.g. `realKnownCause/nyc_taxi.csv`), the `[start, end]` timestamps of
/// its windows, in order.
public struct NABLabels: Sendable {
    /// One labelled window, both ends inclusive.
    public struct Window: Hashable, Sendable {
        /// The first timestamp of the window.
        public var start: Timestamp
        /// The last timestamp of the window.
        public var end: Timestamp

        /// A window from `start` to `end`, both inclusive.
        public init(start: Timestamp, end: Timestamp) {
            self.start = start
            self.end = end
        }
    }

    /// Windows per data file, keyed by the path relative to `data/`.
    public var windows: [String: [Window]]

    /// Labels built from windows per file.
    public init(windows: [String: [Window]]) {
        self.windows = windows
    }

    /// The data files, sorted.
    public var files: [String] { windows.keys.sorted() }

    /// The number of windows in all files: a perfect detector scores this times the TP weight.
    public var windowCount: Int { windows.values.reduce(0) { $0 + $1.count } }

    /// Reads `combined_windows.json`.
    ///
    /// - Throws: ``DetectError`` when the file is missing, is not a JSON object of arrays of
    ///   `[start, end]` timestamp pairs, or a window ends before it starts.
    public static func load(path: String) throws -> NABLabels {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DetectError.missing("\(path): cannot read the NAB label file (expected labels/combined_windows.json)")
        }
        let raw: [String: [[String]]]
        do {
            raw = try JSONDecoder().decode([String: [[String]]].self, from: data)
        } catch {
            throw DetectError.malformed(
                file: path, "expected a JSON object mapping file names to lists of [start, end] timestamps")
        }
        var windows: [String: [Window]] = [:]
        for (file, pairs) in raw {
            var list: [Window] = []
            for pair in pairs {
                guard pair.count == 2, let start = NABTimestamp.parse(pair[0]), let end = NABTimestamp.parse(pair[1])
                else {
                    throw DetectError.malformed(file: path, "\(file): window \(pair) is not a pair of timestamps")
                }
                guard start <= end else {
                    throw DetectError.malformed(file: path, "\(file): window \(pair) ends before it starts")
                }
                list.append(Window(start: start, end: end))
            }
            windows[file] = list
        }
        return NABLabels(windows: windows)
    }
}
