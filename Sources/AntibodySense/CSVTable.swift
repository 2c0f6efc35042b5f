/// A minimal CSV reader for the recorded inputs the oracle guard replays: comma-separated, one header
/// row, no quoting (none of the formats needs it), blank lines ignored, `\r\n` accepted.
///
/// Bounded: at most `maxRows` rows and `maxLineLength` characters a line, so a hostile file fails
/// with an error instead of exhausting memory.
struct CSVTable {
    /// The lower-cased, trimmed header names.
    let header: [String]
    /// The data rows with their 1-based line numbers.
    let rows: [(line: Int, fields: [Substring])]

    static let maxRows = 5_000_000
    static let maxLineLength = 4_096

    init(parsing text: String, name: String) throws(SenseError) {
        var header: [String]?
        var rows: [(line: Int, fields: [Substring])] = []
        var lineNumber = 0
        // "\r\n" is one Character in Swift, so split on both forms.
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            lineNumber += 1
            var line = rawLine
            if line.last == "\r" { line = line.dropLast() }
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
            guard line.utf8.count <= CSVTable.maxLineLength else {
                throw .malformedInput("\(name):\(lineNumber): line longer than \(CSVTable.maxLineLength) characters")
            }
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map { field in
                field.drop(while: { $0 == " " || $0 == "\t" }).reversed().drop(while: { $0 == " " || $0 == "\t" })
            }.map { Substring(String($0.reversed())) }
            if header == nil {
                header = fields.map { $0.lowercased() }
                continue
            }
            guard rows.count < CSVTable.maxRows else {
                throw .malformedInput("\(name): more than \(CSVTable.maxRows) rows; split the file")
            }
            rows.append((lineNumber, fields))
        }
        guard let header else {
            throw .malformedInput("\(name): empty file; expected a header row and data rows")
        }
        self.header = header
        self.rows = rows
    }

    /// The index of column `name`, or an error that lists the expected header.
    func column(_ name: String, in file: String, expected: String) throws(SenseError) -> Int {
        guard let index = header.firstIndex(of: name) else {
            throw .malformedInput(
                "\(file):1: missing column \"\(name)\"; expected a header like \"\(expected)\"")
        }
        return index
    }

    /// Field `index` of `row`, or an error naming the line.
    static func field(_ row: (line: Int, fields: [Substring]), _ index: Int, file: String) throws(SenseError) -> Substring {
        guard index < row.fields.count, !row.fields[index].isEmpty else {
            throw .malformedInput("\(file):\(row.line): missing field \(index + 1)")
        }
        return row.fields[index]
    }
}
