import AntibodyCore

/// Reads recorded feed rounds: header `roundId,answer,startedAt,updatedAt,answeredInRound` (any
/// column order), timestamps in Unix seconds or ISO-8601 UTC, one round a row.
public enum FeedRoundCSV {
    /// The expected header.
    public static let header = "roundId,answer,startedAt,updatedAt,answeredInRound"

    /// The rounds in `text` (named `name` in errors), in file order, or an error with the line number.
    public static func parse(_ text: String, name: String = "rounds.csv") throws(SenseError) -> [FeedRound] {
        let table = try CSVTable(parsing: text, name: name)
        let roundId = try table.column("roundid", in: name, expected: header)
        let answer = try table.column("answer", in: name, expected: header)
        let startedAt = try table.column("startedat", in: name, expected: header)
        let updatedAt = try table.column("updatedat", in: name, expected: header)
        let answeredInRound = try table.column("answeredinround", in: name, expected: header)
        var rounds: [FeedRound] = []
        rounds.reserveCapacity(table.rows.count)
        for row in table.rows {
            func id(_ index: Int, _ what: String) throws(SenseError) -> UInt128 {
                let text = try CSVTable.field(row, index, file: name)
                guard let value = UInt128(text), value <= FeedRound.maxRoundId else {
                    throw .malformedInput(
                        "\(name):\(row.line): \(what) \"\(text)\" is not an integer in 0…2^80−1 (Chainlink's uint80)")
                }
                return value
            }
            func time(_ index: Int, _ what: String) throws(SenseError) -> Timestamp {
                let text = try CSVTable.field(row, index, file: name)
                guard let value = RecordedTime.parse(text) else {
                    throw .malformedInput(
                        "\(name):\(row.line): \(what) \"\(text)\" is not Unix seconds or ISO-8601 UTC in 1970…9999")
                }
                return value
            }
            let answerText = try CSVTable.field(row, answer, file: name)
            guard let answerValue = Int128(answerText) else {
                throw .malformedInput(
                    "\(name):\(row.line): answer \"\(answerText)\" is not an integer within ±1.7e38 "
                        + "(the raw scaled answer, e.g. 200000000000 for 2000 USD at 8 decimals)")
            }
            rounds.append(
                FeedRound(
                    roundId: try id(roundId, "roundId"), answer: answerValue,
                    startedAt: try time(startedAt, "startedAt"), updatedAt: try time(updatedAt, "updatedAt"),
                    answeredInRound: try id(answeredInRound, "answeredInRound")))
        }
        guard !rounds.isEmpty else {
            throw .malformedInput("\(name): no rounds after the header")
        }
        return rounds
    }
}
