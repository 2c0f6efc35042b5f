import ArgumentParser
import Foundation

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
            SimulateCommand.self, ChainCommand.self, ModelsCommand.self,
        ]
    )

    /// Parses and runs the command like ArgumentParser's default entry point, except that usage
    /// and validation errors (ArgumentParser's exit code 64) exit with 2, the project's code for bad
    /// input, so every command reports bad input the same way.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            guard code.rawValue == 64 else { exit(withError: error) }
            CommandFailure.printError(fullMessage(for: error))
            Foundation.exit(2)
        }
    }
}
