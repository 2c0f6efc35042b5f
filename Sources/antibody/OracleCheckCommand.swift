import AntibodyCore
import AntibodySense
import ArgumentParser
import Foundation

/// `antibody oracle check`: replays recorded rounds (and quotes) and prints every change of verdict.
struct OracleCheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Replay recorded oracle rounds and source quotes; print every change of verdict.",
        discussion: """
            --rounds takes a CSV with the header roundId,answer,startedAt,updatedAt,answeredInRound \
            (answers as raw integers scaled by --decimals; times in Unix seconds or ISO-8601 UTC). \
            Each --sources file is one more source with the header timestamp,price[,confidence] \
            (a Binance kline file with a close column works as is). The feed is source 0, the quote \
            files sources 1, 2, … in the order given. --sequencer adds L2 sequencer uptime readings \
            (timestamp,answer,startedAt; Aave's 3,600 s grace after a restart). Every check is described in \
            docs/oracle-guard.md.
            """
    )

    @Option(name: .long, help: "Feed rounds CSV (roundId,answer,startedAt,updatedAt,answeredInRound).")
    var rounds: String?

    @Option(name: .long, parsing: .singleValue, help: "A source quotes CSV (timestamp,price[,confidence]); repeatable.")
    var sources: [String] = []

    @Option(name: .long, help: "L2 sequencer uptime readings CSV (timestamp,answer,startedAt); 3,600 s grace.")
    var sequencer: String?

    @Option(help: "Decimals of the feed's answer (0…36).")
    var decimals: Int = 8

    @Option(help: "Feed heartbeat in seconds.")
    var heartbeat: Int64 = 3_600

    @Option(help: "Seconds past the heartbeat before the feed is stale.")
    var grace: Int64 = 60

    @Option(name: .customLong("min-answer"), help: "The aggregator's minAnswer (raw integer).")
    var minAnswer: String?

    @Option(name: .customLong("max-answer"), help: "The aggregator's maxAnswer (raw integer).")
    var maxAnswer: String?

    @Option(name: .customLong("max-jump"), help: "Largest move between rounds, (max − min) / max.")
    var maxJump: Double = 0.5

    @Option(help: "The feed's deviation threshold as a fraction.")
    var deviation: Double = 0.005

    @Option(name: .customLong("mad-k"), help: "Outlier threshold k in scaled MADs.")
    var madK: Double = 3

    @Option(name: .customLong("max-quote-age"), help: "Seconds after which a source quote is stale.")
    var maxQuoteAge: Int64 = 120

    @Flag(help: "Print a JSON list of {timestamp, status, price, reasons}.")
    var json = false

    func validate() throws {
        func fail(_ message: String) -> ExitCode {
            CommandFailure.printError("antibody oracle check: \(message)")
            return ExitCode(2)
        }
        guard rounds != nil || !sources.isEmpty else { throw fail("give --rounds, --sources, or both") }
        guard (0...36).contains(decimals) else {
            throw fail("--decimals is \(decimals); use 0…36 (Chainlink USD feeds use 8)")
        }
        guard heartbeat > 0, heartbeat <= 31_536_000, grace >= 0, grace <= 31_536_000 else {
            throw fail("--heartbeat must be 1…31536000 s and --grace 0…31536000 s")
        }
        guard maxQuoteAge > 0, maxQuoteAge <= 31_536_000 else { throw fail("--max-quote-age must be 1…31536000 s") }
        if let minAnswer, Int128(minAnswer) == nil { throw fail("--min-answer \(minAnswer) is not an integer") }
        if let maxAnswer, Int128(maxAnswer) == nil { throw fail("--max-answer \(maxAnswer) is not an integer") }
    }

    func run() async throws {
        do {
            let feed = try FeedConfig.validated(
                decimals: decimals, heartbeat: .seconds(heartbeat), grace: .seconds(grace),
                deviationThreshold: deviation, minAnswer: minAnswer.flatMap { Int128($0) },
                maxAnswer: maxAnswer.flatMap { Int128($0) }, maxJump: maxJump)
            var aggregator = AggregatorConfig(madMultiplier: madK, maxQuoteAge: .seconds(maxQuoteAge))
            aggregator.capacity = min(SourceSet.capacity, max(16, sources.count + 1))
            try aggregator.validate()
            let feedRounds =
                try rounds.map { path throws in
                    try FeedRoundCSV.parse(try Self.read(path), name: path)
                } ?? []
            let quotes = try sources.map { path throws in try QuoteCSV.parse(try Self.read(path), name: path) }
            let readings =
                try sequencer.map { path throws in
                    try SequencerCSV.parse(try Self.read(path), name: path)
                } ?? []
            let changes = try OracleReplay(feed: feed, aggregator: aggregator)
                .run(rounds: feedRounds, sources: quotes, sequencer: readings)
            print(json ? try Self.json(changes) : Self.table(changes))
        } catch let error as SenseError {
            CommandFailure.printError("antibody oracle check: \(error.message)")
            throw ExitCode(2)
        }
    }

    /// The file at `path` as UTF-8 text, at most 256 MiB.
    static func read(_ path: String) throws -> String {
        let limit = 256 << 20
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            let size = attributes[.size] as? Int
        else {
            throw SenseError.malformedInput("\(path): cannot read the file; check the path")
        }
        guard size <= limit else {
            throw SenseError.malformedInput("\(path): \(size) bytes; the limit is 256 MiB, split the file")
        }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8)
        else {
            throw SenseError.malformedInput("\(path): not readable as UTF-8 text")
        }
        return text
    }

    struct Row: Encodable {
        var timestamp: Double
        var status: String
        var price: Double?
        var reasons: [String]

        enum CodingKeys: String, CodingKey { case timestamp, status, price, reasons }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(timestamp, forKey: .timestamp)
            try container.encode(status, forKey: .status)
            try container.encode(price, forKey: .price)  // null when untrusted
            try container.encode(reasons, forKey: .reasons)
        }
    }

    static func json(_ changes: [PriceVerdict]) throws -> String {
        let rows = changes.map {
            Row(
                timestamp: Double($0.timestamp.milliseconds) / 1000, status: $0.status.rawValue, price: $0.price,
                reasons: $0.reasons.map(\.name))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(rows), as: UTF8.self)
    }

    static func table(_ changes: [PriceVerdict]) -> String {
        var lines = ["time (UTC)               status     price             reasons"]
        for verdict in changes {
            let time = RecordedTime.iso8601(verdict.timestamp).padding(toLength: 24, withPad: " ", startingAt: 0)
            let status = verdict.status.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0)
            let price = (verdict.price.map { String($0) } ?? "-").padding(toLength: 17, withPad: " ", startingAt: 0)
            lines.append("\(time) \(status) \(price) \(verdict.reasons)")
        }
        lines.append("\(changes.count) change\(changes.count == 1 ? "" : "s") of verdict")
        return lines.joined(separator: "\n")
    }
}
