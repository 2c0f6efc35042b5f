/// Reads recorded source prices: a header with `timestamp` and `price` (or `close`, so Binance kline
/// files work as they are) and optionally `confidence`; timestamps in Unix seconds or ISO-8601 UTC.
public enum QuoteCSV {
    /// The expected header.
    public static let header = "timestamp,price[,confidence]"

    /// The quotes in `text` (named `name` in errors), in file order, or an error with the line number.
    public static func parse(_ text: String, name: String = "source.csv") throws(SenseError) -> [RecordedQuote] {
        let table = try CSVTable(parsing: text, name: name)
        let time = try table.column("timestamp", in: name, expected: header)
        guard let priceColumn = table.header.firstIndex(of: "price") ?? table.header.firstIndex(of: "close") else {
            throw .malformedInput(
                "\(name):1: missing column \"price\" (or \"close\"); expected a header like \"\(header)\"")
        }
        let confidence = table.header.firstIndex(of: "confidence")
        var quotes: [RecordedQuote] = []
        quotes.reserveCapacity(table.rows.count)
        for row in table.rows {
            let timeText = try CSVTable.field(row, time, file: name)
            guard let timestamp = RecordedTime.parse(timeText) else {
                throw .malformedInput(
                    "\(name):\(row.line): timestamp \"\(timeText)\" is not Unix seconds or ISO-8601 UTC in 1970…9999")
            }
            let priceText = try CSVTable.field(row, priceColumn, file: name)
            guard let price = Double(priceText), price.isFinite else {
                throw .malformedInput("\(name):\(row.line): price \"\(priceText)\" is not a finite number")
            }
            var width = 0.0
            if let confidence, confidence < row.fields.count, !row.fields[confidence].isEmpty {
                guard let value = Double(row.fields[confidence]), value.isFinite, value >= 0 else {
                    throw .malformedInput(
                        "\(name):\(row.line): confidence \"\(row.fields[confidence])\" is not a finite number ≥ 0")
                }
                width = value
            }
            quotes.append(RecordedQuote(timestamp: timestamp, price: price, confidence: width))
        }
        guard !quotes.isEmpty else { throw .malformedInput("\(name): no quotes after the header") }
        return quotes
    }
}
