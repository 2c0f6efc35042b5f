import AntibodyDetect
import ArgumentParser
import Foundation

/// Maps library errors to the CLI's exit codes: prints the message to stderr, then exits 2 for bad
/// input and 1 for other failures.
enum CommandFailure {
    /// Runs `body`, turning a ``DetectError`` into a message on stderr and the matching exit code.
    static func run<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DetectError {
            printError("error: \(error.message)")
            throw ExitCode(error.isBadInput ? 2 : 1)
        }
    }

    /// Reports a bad argument found in `validate()`: prints it to stderr and returns the exit code 2
    /// to throw (ArgumentParser's `ValidationError` would exit 64).
    static func badInput(_ message: String) -> ExitCode {
        printError("error: \(message)")
        return ExitCode(2)
    }

    /// Writes `message` and a newline to stderr.
    static func printError(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}
