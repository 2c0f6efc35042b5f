import AntibodyEngine
import ArgumentParser
import Foundation

/// `antibody policy check <file> [--json]`.
struct PolicyCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate a policy file.",
        discussion: """
            Reports unknown keys, wrong types, out-of-range values, undefined references and \
            invariant syntax and type errors as file:line:column with a hint. Exit code 0 when the \
            policy is valid, 2 when it is not.
            """
    )

    @Argument(help: "The policy file (TOML).")
    var file: String

    @Flag(help: "Print the result as JSON.")
    var json = false

    /// Loads `file`, keeping the typed error.
    static func load(_ file: String) -> Result<Policy, PolicyError> {
        do {
            return .success(try Policy.load(contentsOf: file))
        } catch {
            return .failure(error)
        }
    }

    func run() throws {
        switch Self.load(file) {
        case .success(let policy):
            if json {
                print(
                    JSONText.object([
                        ("file", .string(file)), ("valid", .bool(true)), ("protocol", .string(policy.name)),
                        ("invariants", .number(Double(policy.invariants.count))),
                        ("detectors", .number(Double(policy.detectors.count))),
                        ("breakers", .number(Double(policy.breakers.count))),
                        ("flowModel", policy.flowModel.map { .string($0.artifact.digest.description) } ?? .null),
                        ("diagnostics", .array([])),
                    ]).rendered)
            } else {
                print(
                    "\(file): ok — \(policy.name): \(policy.invariants.count) invariants, "
                        + "\(policy.detectors.count) detectors, \(policy.breakers.count) breakers, "
                        + "\(policy.outflowLimits.count) outflow limits"
                        + (policy.flowModel.map {
                            ", flow model \($0.artifact.name) (\($0.artifact.model.architecture.kind), "
                                + "digest \($0.artifact.digest), action \($0.response.rawValue))"
                        } ?? ""))
            }
        case .failure(let error):
            if json {
                let diagnostics = error.diagnostics.map { d in
                    JSONText.object([
                        ("file", .string(d.file)), ("line", .number(Double(d.position.line))),
                        ("column", .number(Double(d.position.column))), ("path", .string(d.path)),
                        ("message", .string(d.message)), ("hint", .string(d.hint)),
                    ])
                }
                print(
                    JSONText.object([
                        ("file", .string(file)), ("valid", .bool(false)),
                        ("diagnostics", .array(diagnostics)),
                    ]).rendered)
            } else {
                CommandFailure.printError(error.description)
                CommandFailure.printError("\(file): \(error.diagnostics.count) error(s)")
            }
            throw ExitCode(2)
        }
    }
}
