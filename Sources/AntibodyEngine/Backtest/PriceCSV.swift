public import AntibodyCore
import Foundation

/// Reads price series from CSV: a header naming `timestamp` and `price` (or `close`, as exchange
/// candle files do) and optionally `source`; timestamps as ISO-8601 (`2022-06-12T00:00:00Z`,
/// with optional fraction and offset) or Unix seconds (integer or decimal). Rows must ascend.
public enum PriceCSV {
    /// Largest file accepted.
    public static let maxBytes = 512 << 20

    /// Reads the file at `path` as the series of `asset`.
    public static func read(path: String, asset: String) throws(PriceCSVError) -> PriceSeries {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw PriceCSVError(file: path, line: 0, "cannot read the file; check the path")
        }
        guard data.count <= maxBytes else {
            throw PriceCSVError(file: path, line: 0, "file is \(data.count) bytes; the limit is \(maxBytes)")
        }
        return try parse(Array(data), file: path, asset: asset)
    }

    /// Parses CSV `bytes` (UTF-8) as the series of `asset`; `file` names it in errors.
    public static func parse(_ bytes: [UInt8], file: String, asset: String) throws(PriceCSVError) -> PriceSeries {
        var lines: [ArraySlice<UInt8>] = []
        var start = 0
        for i in bytes.indices where bytes[i] == 10 {
            lines.append(bytes[start..<i])
            start = i + 1
        }
        if start < bytes.count { lines.append(bytes[start...]) }
        guard let headerLine = lines.first else { throw PriceCSVError(file: file, line: 1, "file is empty") }
        let header = fields(headerLine).map { String(decoding: $0, as: UTF8.self).lowercased().trimmingSpaces }
        guard let timeColumn = header.firstIndex(of: "timestamp") ?? header.firstIndex(of: "time") else {
            throw PriceCSVError(
                file: file, line: 1, "header has no 'timestamp' column; expected timestamp,price[,source]")
        }
        guard let priceColumn = header.firstIndex(of: "price") ?? header.firstIndex(of: "close") else {
            throw PriceCSVError(
                file: file, line: 1, "header has no 'price' (or 'close') column; expected timestamp,price[,source]")
        }
        let sourceColumn = header.firstIndex(of: "source")
        var series = PriceSeries(asset: asset, timestamps: [], prices: [], sources: [])
        series.timestamps.reserveCapacity(lines.count)
        series.prices.reserveCapacity(lines.count)
        for (n, line) in lines.enumerated().dropFirst() {
            let lineNumber = n + 1
            var content = line
            if content.last == 13 { content = content.dropLast() }
            if content.isEmpty { continue }
            let cells = fields(content)
            guard cells.count > max(timeColumn, priceColumn) else {
                throw PriceCSVError(
                    file: file, line: lineNumber, "has \(cells.count) columns; the header has \(header.count)")
            }
            guard let time = timestamp(cells[timeColumn]) else {
                throw PriceCSVError(
                    file: file, line: lineNumber,
                    "timestamp '\(String(decoding: cells[timeColumn], as: UTF8.self))' is neither ISO-8601 nor Unix seconds"
                )
            }
            guard let price = Double(String(decoding: cells[priceColumn], as: UTF8.self).trimmingSpaces),
                price.isFinite,
                price > 0
            else {
                throw PriceCSVError(
                    file: file, line: lineNumber,
                    "price '\(String(decoding: cells[priceColumn], as: UTF8.self))' is not a positive number")
            }
            if let last = series.timestamps.last, time < last {
                throw PriceCSVError(file: file, line: lineNumber, "timestamp goes backwards; sort the file by time")
            }
            series.timestamps.append(time)
            series.prices.append(price)
            series.sources.append(
                sourceColumn.flatMap { $0 < cells.count ? String(decoding: cells[$0], as: UTF8.self) : nil })
        }
        guard !series.prices.isEmpty else { throw PriceCSVError(file: file, line: 0, "no price rows after the header") }
        return series
    }

    static func fields(_ line: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
        var result: [ArraySlice<UInt8>] = []
        var start = line.startIndex
        for i in line.indices where line[i] == 44 {
            result.append(line[start..<i])
            start = i + 1
        }
        result.append(line[start..<line.endIndex])
        return result
    }

    /// Parses ISO-8601 (`YYYY-MM-DDTHH:MM:SS[.fff][Z|±HH:MM]`) or Unix seconds.
    public static func timestamp(_ cell: ArraySlice<UInt8>) -> Timestamp? {
        let b = Array(cell.drop { $0 == 32 }.reversed().drop { $0 == 32 }.reversed())
        guard !b.isEmpty else { return nil }
        if b.count >= 19, b[4] == 45, b[7] == 45, b[10] == 84 || b[10] == 32 {
            func num(_ r: Range<Int>) -> Int64? {
                var v: Int64 = 0
                for i in r {
                    guard b[i] >= 48, b[i] <= 57 else { return nil }
                    v = v * 10 + Int64(b[i] - 48)
                }
                return v
            }
            guard let y = num(0..<4), let mo = num(5..<7), let d = num(8..<10), let h = num(11..<13),
                let mi = num(14..<16), let s = num(17..<19), b[13] == 58, b[16] == 58,
                (1...12).contains(mo), (1...31).contains(d), h < 24, mi < 60, s < 61
            else { return nil }
            var i = 19
            var millis: Int64 = 0
            if i < b.count, b[i] == 46 {
                i += 1
                var digits = 0
                while i < b.count, b[i] >= 48, b[i] <= 57 {
                    if digits < 3 { millis = millis * 10 + Int64(b[i] - 48) }
                    digits += 1
                    i += 1
                }
                guard digits > 0 else { return nil }
                for _ in 0..<max(0, 3 - digits) { millis *= 10 }
            }
            var offset: Int64 = 0
            if i < b.count {
                if b[i] == 90, i == b.count - 1 {
                    offset = 0
                } else if (b[i] == 43 || b[i] == 45), b.count - i == 6, b[i + 3] == 58, let oh = num((i + 1)..<(i + 3)),
                    let om = num((i + 4)..<(i + 6))
                {
                    offset = (oh * 60 + om) * 60 * (b[i] == 45 ? -1 : 1)
                } else {
                    return nil
                }
            }
            // Days from civil (Howard Hinnant's algorithm).
            let yy = mo <= 2 ? y - 1 : y
            let era = (yy >= 0 ? yy : yy - 399) / 400
            let yoe = yy - era * 400
            let doy = (153 * (mo + (mo > 2 ? -3 : 9)) + 2) / 5 + d - 1
            let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
            let days = era * 146_097 + doe - 719_468
            let seconds = days * 86_400 + h * 3600 + mi * 60 + s - offset
            return Timestamp(milliseconds: seconds * 1000 + millis)
        }
        let text = String(decoding: b, as: UTF8.self)
        if let seconds = Int64(text), abs(seconds) < 1 << 42 { return Timestamp(seconds: seconds) }
        if let seconds = Double(text), seconds.isFinite, abs(seconds) < 4e12 {
            return Timestamp(milliseconds: Int64((seconds * 1000).rounded()))
        }
        return nil
    }
}

extension String {
    var trimmedOfSpaces: String { trimmingSpaces }
}
