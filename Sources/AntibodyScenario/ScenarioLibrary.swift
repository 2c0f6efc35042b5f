import Foundation

/// Finds the built-in scenario folder: `scenarios/` in the current directory, else next to the
/// executable or up to four folders above it (a SwiftPM `.build/<config>/antibody` sits three
/// levels under the checkout), else `$ANTIBODY_SCENARIOS`.
public enum ScenarioLibrary {
    /// The built-in folder, if found.
    public static func builtInFolder(executable: String = CommandLine.arguments.first ?? "") -> String? {
        let fm = FileManager.default
        if let env = ProcessInfo.processInfo.environment["ANTIBODY_SCENARIOS"], fm.fileExists(atPath: env) {
            return env
        }
        var candidates = [fm.currentDirectoryPath + "/scenarios"]
        var dir = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<5 {
            candidates.append(dir.appendingPathComponent("scenarios").path)
            dir.deleteLastPathComponent()
        }
        return candidates.first { path in
            var isDir: ObjCBool = false
            return fm.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue
        }
    }

    /// The `*.toml` files directly in `folder`, sorted by name.
    public static func files(in folder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(".toml") }.sorted().map { folder + "/" + $0 }
    }
}
