import AntibodyEngine
import ArgumentParser

/// `antibody policy schema`: print the JSON Schema of policy files.
struct PolicySchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the policy JSON Schema (the same as schemas/policy.schema.json)."
    )

    func run() {
        print(PolicySchema.jsonSchema(), terminator: "")
    }
}
