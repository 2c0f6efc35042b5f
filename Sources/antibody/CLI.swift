import ArgumentParser
import Foundation

/// Small helpers shared by the commands: stderr messages, exits and JSON output.
enum CLI {
    /// Prints `message` to standard error and exits with `code` (1 failure, 2 bad input).
    static func fail(_ message: String, code: Int32) -> Never {
        CommandFailure.printError("antibody: \(message)")
        exit(code)
    }

    /// Prints `object` as one line of JSON with sorted keys.
    static func printJSON(_ object: [String: Any]) {
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]),
            let text = String(data: data, encoding: .utf8)
        else { fail("could not encode the JSON output", code: 1) }
        print(text)
    }
}
