import AntibodyCore

/// Reads recorded L2 sequencer uptime feed readings: header `timestamp,answer,startedAt` (when the
/// reading was taken, 0 up / 1 down, when the status began); times in Unix seconds or ISO-8601 UTC.
public enum SequencerCSV {
    /// The expected header.
    public static let header = "timestamp,answer,startedAt"

    /// The readings in `text` (named `name` in errors), each with the time it was read.
    public static func parse(
        _ text: String, name: String = "sequencer.csv"
    ) throws(SenseError) -> [(time: Timestamp, status: SequencerStatus)] {
        let table = try CSVTable(parsing: text, name: name)
        let timeColumn = try table.column("timestamp", in: name, expected: header)
        let answerColumn = try table.column("answer", in: name, expected: header)
        let startedColumn = try table.column("startedat", in: name, expected: header)
        var readings: [(time: Timestamp, status: SequencerStatus)] = []
        for row in table.rows {
            func time(_ index: Int, _ what: String) throws(SenseError) -> Timestamp {
                let text = try CSVTable.field(row, index, file: name)
                guard let value = RecordedTime.parse(text) else {
                    throw .malformedInput(
                        "\(name):\(row.line): \(what) \"\(text)\" is not Unix seconds or ISO-8601 UTC in 1970…9999")
                }
                return value
            }
            let answerText = try CSVTable.field(row, answerColumn, file: name)
            guard let answer = Int128(answerText) else {
                throw .malformedInput("\(name):\(row.line): answer \"\(answerText)\" is not an integer (0 up, 1 down)")
            }
            readings.append(
                (try time(timeColumn, "timestamp"),
                 SequencerStatus(answer: answer, startedAt: try time(startedColumn, "startedAt"))))
        }
        guard !readings.isEmpty else { throw .malformedInput("\(name): no readings after the header") }
        return readings
    }
}
