public import AntibodyCore
public import AntibodyDefense
import Foundation
import TOMLKit

extension Policy {
    /// Largest policy file accepted, in bytes.
    public static let maxFileSize = 1 << 20

    /// Loads and validates the policy file at `path`.
    public static func load(contentsOf path: String) throws(PolicyError) -> Policy {
        let origin = SourcePosition(line: 1, column: 1)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw PolicyError(diagnostics: [
                PolicyDiagnostic(
                    file: path, position: origin, path: "",
                    message: "cannot read the file",
                    hint: "check the path and permissions")
            ])
        }
        guard data.count <= maxFileSize else {
            throw PolicyError(diagnostics: [
                PolicyDiagnostic(
                    file: path, position: origin, path: "",
                    message: "file is \(data.count) bytes",
                    hint: "a policy must be under 1 MiB")
            ])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw PolicyError(diagnostics: [
                PolicyDiagnostic(
                    file: path, position: origin, path: "",
                    message: "file is not UTF-8 text",
                    hint: "save the policy as UTF-8")
            ])
        }
        return try load(source: text, file: path)
    }

    /// Parses and validates a policy from `source`; `file` names it in diagnostics.
    public static func load(source: String, file: String) throws(PolicyError) -> Policy {
        let table: TOMLTable
        do {
            guard source.utf8.count <= maxFileSize else {
                throw PolicyError(diagnostics: [
                    PolicyDiagnostic(
                        file: file, position: SourcePosition(line: 1, column: 1), path: "",
                        message: "policy is \(source.utf8.count) bytes", hint: "a policy must be under 1 MiB")
                ])
            }
            if let (position, message) = TOMLPreflight.structuralProblem(source) {
                throw PolicyError(diagnostics: [
                    PolicyDiagnostic(
                        file: file, position: position, path: "", message: message,
                        hint: "check for unbalanced brackets or a missing value")
                ])
            }
            if let (position, message) = TOMLPreflight.badHeader(source) {
                throw PolicyError(diagnostics: [
                    PolicyDiagnostic(
                        file: file, position: position, path: "", message: message,
                        hint: "write [table] or [[array.of.tables]] with a key such as [responses.haircuts]")
                ])
            }
            table = try TOMLTable(string: source)
        } catch let error as TOMLParseError {
            let position = SourcePosition(
                line: max(1, error.source.begin.line), column: max(1, error.source.begin.column))
            throw PolicyError(diagnostics: [
                PolicyDiagnostic(
                    file: file, position: position, path: "",
                    message: "TOML syntax: \(error.description)",
                    hint: "fix the TOML syntax (toml.io/en/v1.0.0)")
            ])
        } catch let error as PolicyError {
            throw error
        } catch {
            throw PolicyError(diagnostics: [
                PolicyDiagnostic(
                    file: file, position: SourcePosition(line: 1, column: 1),
                    path: "", message: "cannot parse: \(error)",
                    hint: "fix the TOML syntax")
            ])
        }
        let index = TOMLPositionIndex(source: source)
        var validator = PolicyValidator(file: file, index: index)
        let root = validator.validate(table, PolicySchema.root, path: "")
        var builder = PolicyBuilder(file: file, index: index, diagnostics: validator.diagnostics)
        let policy = builder.build(root)
        guard builder.diagnostics.isEmpty, let policy else { throw PolicyError(diagnostics: builder.diagnostics) }
        return policy
    }
}
