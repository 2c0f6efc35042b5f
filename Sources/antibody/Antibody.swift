import ArgumentParser

/// The `antibody` command-line tool: argument parsing and wiring only; the work lives in the
/// library modules.
@main
struct Antibody: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "antibody",
        abstract: "An immune system for DeFi protocols: simulate, backtest and serve one policy.",
        discussion: """
            Exit codes: 0 success, 1 failure, 2 bad input. Commands that print results accept \
            --json for machine-readable output.
            """,
        version: AntibodyVersion.current,
        subcommands: [
            PolicyCommand.self, BacktestCommand.self, OracleCommand.self, NABCommand.self,
            KeysCommand.self, SignCommand.self, AuditCommand.self, BenchCommand.self, AttacksCommand.self,
            SimulateCommand.self,
        ]
    )
}
