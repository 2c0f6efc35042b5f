import Foundation

/// Locates the shared real market data (`shared/data/markets` in a parent directory of the
/// repository, or `$ANTIBODY_DATA/markets`). Tests that need it are skipped, visibly, when it is absent.
enum MarketData {
    static let directory: String? = {
        var candidates: [String] = []
        if let env = ProcessInfo.processInfo.environment["ANTIBODY_DATA"] { candidates.append(env + "/markets") }
        var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        for _ in 0..<6 {
            dir = dir.deletingLastPathComponent()
            candidates.append(dir.appendingPathComponent("shared/data/markets").path)
        }
        return candidates.first { FileManager.default.fileExists(atPath: $0 + "/README.md") }
    }()

    static var available: Bool { directory != nil }
}
