extension PolicySchema {
    static let models = Table(
        "Learned models the engine runs (AntibodyModels; docs/model-security.md).",
        [
            Field("flow", .table(flowModel), "The transaction / flow classifier, fed by transaction events.")
        ])

    /// The keys every signed-model table accepts to override governance's defaults (docs/policy.md,
    /// "Signed models"); the builder reads them in `PolicyBuilder.commitmentRule`.
    static let signedModelOverrides: [Field] = [
        Field(
            "approvers", .array(.string),
            "Addresses whose signatures on the model's commitment count (default: governance.signers)."),
        Field(
            "approvals", .integer, range: 1...100,
            "Distinct approver signatures required (default: governance.unpause_threshold, 2f + 1)."),
        Field(
            "verifying_contract", .string,
            "EIP-712 verifying contract of the commitment's domain (default: governance.guardian, else 0x0…0; "
                + "the chain id is protocol.chain_id)."),
    ]

    static let flowModel = Table(
        "The transaction / flow classifier.",
        [
            Field(
                "model", .string, required: true,
                "Model document written by `antibody models train` (relative to the policy file)."),
            Field(
                "commitment", .string,
                "Governance's signed commitment to it (default: <model>.commitment.json, as models train writes)."),
        ] + signedModelOverrides + [
            Field(
                "threshold", .number, range: 0...1,
                "Attack probability at or above which a transaction is flagged (default: the document's threshold)."),
            Field(
                "action", .choice(["alert", "pause"]),
                "What a flagged, in-distribution transaction does (default alert)."),
            Field(
                "scope", .string,
                "What `pause` pauses: protocol, market:X, … (default: the transaction's market if declared, "
                    + "else protocol)."),
            Field("severity", severity, "Severity of the model's decisions (default high)."),
            Field(
                "window", .integer, range: 20...100_000,
                "Recent transactions the KS / PSI drift tests compare with the training reference (default 256)."),
            Field(
                "max_distance", .number, range: 0.01...1e6,
                "Robust-distance limit of an in-distribution input (default: the reference's 99.9th percentile)."),
        ])
}
