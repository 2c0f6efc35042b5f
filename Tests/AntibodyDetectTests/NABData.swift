import Foundation

/// Locates the NAB v1.1 corpus shared by the engineers (`../shared/data/nab` beside the repository,
/// or `$ANTIBODY_NAB_DATA`). Tests that need it are skipped, visibly, when it is absent.
enum NABData {
    static let directory: String? = {
        var candidates: [String] = []
        if let env = ProcessInfo.processInfo.environment["ANTIBODY_NAB_DATA"] { candidates.append(env) }
        var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        for _ in 0..<5 {
            dir = dir.deletingLastPathComponent()
            candidates.append(dir.appendingPathComponent("shared/data/nab").path)
            candidates.append(dir.appendingPathComponent("../shared/data/nab").standardizedFileURL.path)
        }
        candidates.append("/work/shared/data/nab")
        return candidates.first { FileManager.default.fileExists(atPath: $0 + "/labels/combined_windows.json") }
    }()

    static var available: Bool { directory != nil }
}
