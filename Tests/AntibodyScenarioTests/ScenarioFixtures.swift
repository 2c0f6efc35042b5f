import AntibodyReport
import AntibodyScenario
import Foundation

/// The repository's `scenarios/` folder, found from this file's path.
let scenariosFolder: String = {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scenarios").path
}()

/// Loads and runs the built-in scenario `name`.
func runBuiltIn(_ name: String, seed: UInt64? = nil) throws -> (ScenarioSpec, ScenarioResult) {
    let spec = try ScenarioLoader.load(contentsOf: scenariosFolder + "/\(name).toml")
    return (spec, try ScenarioRunner.run(spec, seed: seed))
}

/// Whether the recorded market data set is on this machine.
let marketDataPresent = FileManager.default.fileExists(
    atPath: (ProcessInfo.processInfo.environment["ANTIBODY_DATA"] ?? "/work/shared/data") + "/markets")
