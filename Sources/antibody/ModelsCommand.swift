import ArgumentParser

/// `antibody models`: the learned detectors.
struct ModelsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "models",
        abstract: "Train and evaluate the learned detectors (transaction classifier, volatility forecaster).",
        discussion: """
            Traffic comes from the simulator's benign agents and attackers; every run is \
            deterministic for its --seed. See docs/model-security.md.
            """,
        subcommands: [ModelsTrainCommand.self, ModelsEvalCommand.self]
    )
}
