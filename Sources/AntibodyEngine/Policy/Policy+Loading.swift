import AntibodyCore
import AntibodyDefense
import AntibodyTOML
import Foundation

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
            table = try TOMLTable.parse(source, maxBytes: maxFileSize)
        } catch {
            throw PolicyError(diagnostics: [
                PolicyDiagnostic(
                    file: file, position: SourcePosition(error.position), path: "",
                    message: error.isLimit ? error.message : "TOML syntax: \(error.message)", hint: error.hint)
            ])
        }
        let index = TOMLPositionIndex(table)
        var validator = PolicyValidator(file: file, index: index)
        let root = validator.validate(table, PolicySchema.root, path: "")
        var builder = PolicyBuilder(file: file, index: index, diagnostics: validator.diagnostics)
        let policy = builder.build(root)
        guard builder.diagnostics.isEmpty, let policy else { throw PolicyError(diagnostics: builder.diagnostics) }
        return policy
    }
}
