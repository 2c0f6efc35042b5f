public import AntibodyCore
internal import Foundation

/// A fast reader for NAB's CSV files: a header line naming the columns, then one row per line with
/// a `timestamp` column and numeric columns. Reads a whole file in one pass over its bytes, with no
/// per-row allocation beyond the output arrays.
///
/// Errors name `file:line` and what was wrong: a missing column, a wrong number of fields, a
/// timestamp that is not `YYYY-MM-DD HH:MM:SS`, or a number that does not parse. Blank lines are
/// skipped; `\r\n` line ends are accepted. Numbers are parsed by C `strtod`, so `nan` and `inf`
/// parse (detectors skip them and count them).
public enum NABCSV {
    /// The largest file accepted (1 GiB): the reader holds a file in memory.
    public static let maximumFileBytes = 1 << 30

    /// The `timestamp` column and one numeric column of a CSV file.
    public struct Columns: Sendable {
        /// The `timestamp` column, one per row.
        public var timestamps: [Timestamp]
        /// The requested numeric column, one per row.
        public var values: [Double]
    }

    /// Reads the `timestamp` column and the numeric column named `column` of the file at `path`.
    ///
    /// - Throws: ``DetectError`` naming `path:line` for malformed content, or the path when the file
    ///   cannot be read.
    public static func read(path: String, column: String) throws -> Columns {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DetectError.missing("\(path): cannot read the file (does it exist?)")
        }
        guard data.count <= maximumFileBytes else {
            throw DetectError.malformed(
                file: path, "the file is \(data.count) bytes; at most \(maximumFileBytes) are accepted (split it)")
        }
        var bytes = [UInt8](data)
        bytes.append(0)  // strtod stops at the terminator at worst.
        return try bytes.withUnsafeBufferPointer { try parse($0, count: $0.count - 1, path: path, column: column) }
    }

    /// Parses CSV text already in memory (used by tests); see ``read(path:column:)``.
    public static func parse(text: String, name: String, column: String) throws -> Columns {
        var bytes = Array(text.utf8)
        bytes.append(0)
        return try bytes.withUnsafeBufferPointer { try parse($0, count: $0.count - 1, path: name, column: column) }
    }

    private static func parse(
        _ buffer: UnsafeBufferPointer<UInt8>, count: Int, path: String, column: String
    ) throws -> Columns {
        guard let base = buffer.baseAddress else { throw DetectError.malformed(file: path, line: 1, "empty file") }
        var position = 0
        var lineNumber = 0
        var timestampIndex = -1
        var valueIndex = -1
        var fieldCount = 0
        var timestamps: [Timestamp] = []
        var values: [Double] = []
        timestamps.reserveCapacity(count / 24)
        values.reserveCapacity(count / 24)

        while position < count {
            lineNumber += 1
            var end = position
            while end < count && base[end] != 10 { end += 1 }
            let next = end + 1
            var lineEnd = end
            if lineEnd > position && base[lineEnd - 1] == 13 { lineEnd -= 1 }
            defer { position = next }
            if lineEnd == position { continue }  // blank line

            if fieldCount == 0 {
                // Header.
                let text = String(decoding: UnsafeBufferPointer(rebasing: buffer[position..<lineEnd]), as: UTF8.self)
                let names = text.split(separator: ",", omittingEmptySubsequences: false)
                    .map { $0.trimmingCharacters(in: .whitespaces) }
                fieldCount = names.count
                timestampIndex = names.firstIndex(of: "timestamp") ?? -1
                valueIndex = names.firstIndex(of: column) ?? -1
                guard timestampIndex >= 0, valueIndex >= 0 else {
                    throw DetectError.malformed(
                        file: path, line: lineNumber,
                        "the header must name the columns 'timestamp' and '\(column)', found '\(text)'")
                }
                continue
            }

            var field = 0
            var start = position
            var timestamp: Timestamp?
            var value = Double.nan
            var k = position
            while true {
                if k == lineEnd || base[k] == 44 {
                    if field == timestampIndex {
                        timestamp = NABTimestamp.parse(UnsafeBufferPointer(rebasing: buffer[start..<k]))
                        if timestamp == nil {
                            let text = String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<k]), as: UTF8.self)
                            throw DetectError.malformed(
                                file: path, line: lineNumber,
                                "timestamp '\(text)' is not of the form YYYY-MM-DD HH:MM:SS")
                        }
                    } else if field == valueIndex {
                        value = try number(base, start, k, path: path, line: lineNumber, column: column)
                    }
                    field += 1
                    if k == lineEnd { break }
                    start = k + 1
                }
                k += 1
            }
            guard field == fieldCount, let timestamp else {
                throw DetectError.malformed(
                    file: path, line: lineNumber, "expected \(fieldCount) fields as in the header, found \(field)")
            }
            timestamps.append(timestamp)
            values.append(value)
        }
        guard fieldCount > 0 else { throw DetectError.malformed(file: path, line: 1, "empty file: no header line") }
        return Columns(timestamps: timestamps, values: values)
    }

    private static func number(
        _ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int, path: String, line: Int, column: String
    ) throws -> Double {
        if start < end {
            var stop: UnsafeMutablePointer<CChar>?
            let first = UnsafeRawPointer(base + start).assumingMemoryBound(to: CChar.self)
            let v = strtod(first, &stop)
            if let stop, base[start] > 32, stop - UnsafeMutablePointer(mutating: first) == end - start {
                return v
            }
        }
        let text = String(decoding: UnsafeBufferPointer(start: base + start, count: end - start), as: UTF8.self)
        throw DetectError.malformed(file: path, line: line, "column '\(column)': '\(text)' is not a number")
    }
}
