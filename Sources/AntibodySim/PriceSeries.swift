public import AntibodyCore
import Foundation

/// A recorded price series loaded from CSV and validated before any run starts.
///
/// Format: a header row, then one row per observation. The timestamp column (`timestamp`, `time`
/// or `date`) holds ISO-8601 UTC (`2022-06-12T00:00:00Z`, optional fractional seconds) or integer
/// Unix seconds; the price column is named by the caller (default: `price`, else `close`).
/// Validation rejects, with `file:line` in the message: a missing column, an unparsable
/// timestamp, a timestamp not after the previous one, a **gap** (spacing different from the
/// series' interval, which is given or taken from the first two rows), and a zero, negative or
/// non-finite price. Files over 512 MiB or 50 million rows are rejected as well.
public struct PriceSeries: Hashable, Sendable {
    /// Observation times, strictly increasing, evenly spaced by ``interval``.
    public let timestamps: [Timestamp]
    /// Prices, strictly positive and finite.
    public let prices: [Double]
    /// The spacing between observations.
    public let interval: Timestamp.Duration

    /// A validated series from in-memory values (same rules as the CSV loader; `source` names the
    /// origin in errors).
    public init(
        timestamps: [Timestamp], prices: [Double], interval: Timestamp.Duration? = nil, source: String = "series"
    ) throws(SimError) {
        guard timestamps.count == prices.count, !prices.isEmpty else {
            throw .invalidInput("\(source): needs at least one row and as many timestamps as prices")
        }
        let step = interval ?? (timestamps.count > 1 ? timestamps[0].duration(to: timestamps[1]) : .seconds(60))
        guard step.milliseconds > 0 else {
            throw .invalidInput("\(source): the interval must be positive (got \(step.milliseconds) ms)")
        }
        for i in prices.indices {
            guard prices[i].isFinite, prices[i] > 0 else {
                throw .invalidInput("\(source): row \(i + 1): price \(prices[i]) must be finite and > 0")
            }
            if i > 0 {
                let delta = timestamps[i - 1].duration(to: timestamps[i])
                guard delta.milliseconds > 0 else {
                    throw .invalidInput("\(source): row \(i + 1): timestamp is not after the previous row")
                }
                guard delta == step else {
                    throw .invalidInput(
                        "\(source): row \(i + 1): gap of \(delta.seconds) s after the previous row "
                            + "(the series is spaced \(step.seconds) s); fill or cut the series")
                }
            }
        }
        self.timestamps = timestamps
        self.prices = prices
        self.interval = step
    }

    /// Loads and validates a CSV file.
    ///
    /// - Parameters:
    ///   - path: the file.
    ///   - column: the price column; `nil` picks `price`, else `close`.
    ///   - interval: the expected spacing; `nil` takes it from the first two rows.
    /// - Throws: ``SimError`` with `path:line` for any invalid row.
    public static func load(
        csv path: String, column: String? = nil, interval: Timestamp.Duration? = nil
    ) throws(SimError) -> PriceSeries {
        let data: Data
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            if let size = attributes[.size] as? Int, size > 512 << 20 {
                throw SimError.invalidInput("\(path): \(size) bytes is over the 512 MiB limit for a price file")
            }
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch let error as SimError {
            throw error
        } catch {
            throw .invalidInput("\(path): cannot read the price file (\(error.localizedDescription))")
        }
        return try parse(csv: String(decoding: data, as: UTF8.self), source: path, column: column, interval: interval)
    }

    /// Parses and validates CSV text; `source` names it in errors (`source:line: …`).
    public static func parse(
        csv text: String, source: String = "<csv>", column: String? = nil, interval: Timestamp.Duration? = nil
    ) throws(SimError) -> PriceSeries {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.hasSuffix("\r") ? $0.dropLast() : $0
        }
        while let last = lines.last, last.allSatisfy(\.isWhitespace) { lines.removeLast() }
        guard let header = lines.first else { throw .invalidInput("\(source): empty file; expected a header row") }
        guard lines.count <= 50_000_001 else { throw .invalidInput("\(source): more than 50 million rows") }
        let names = header.split(separator: ",", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces).lowercased()
        }
        guard let timeIndex = names.firstIndex(where: { ["timestamp", "time", "date"].contains($0) }) else {
            throw .invalidInput("\(source):1: no timestamp column (timestamp, time or date) in header \(names)")
        }
        let wanted = column?.lowercased()
        guard
            let priceIndex = wanted.map({ w in names.firstIndex(of: w) })
                ?? names.firstIndex(of: "price") ?? names.firstIndex(of: "close")
        else {
            throw .invalidInput("\(source):1: no price column \(wanted ?? "price/close") in header \(names)")
        }
        var timestamps: [Timestamp] = []
        var prices: [Double] = []
        timestamps.reserveCapacity(lines.count - 1)
        prices.reserveCapacity(lines.count - 1)
        var step = interval
        for lineNumber in 2...max(2, lines.count) where lineNumber <= lines.count {
            let fields = lines[lineNumber - 1].split(separator: ",", omittingEmptySubsequences: false)
            let at = "\(source):\(lineNumber)"
            guard fields.count == names.count else {
                throw .invalidInput("\(at): \(fields.count) fields, the header has \(names.count)")
            }
            let timeText = fields[timeIndex].trimmingCharacters(in: .whitespaces)
            guard let time = parseTimestamp(timeText) else {
                throw .invalidInput(
                    "\(at): timestamp \(timeText.debugDescription) is neither ISO-8601 UTC nor Unix seconds")
            }
            let priceText = fields[priceIndex].trimmingCharacters(in: .whitespaces)
            guard let price = Double(priceText) else {
                throw .invalidInput("\(at): price \(priceText.debugDescription) is not a number")
            }
            guard price.isFinite, price > 0 else {
                throw .invalidInput("\(at): price \(priceText) must be finite and > 0")
            }
            if let previous = timestamps.last {
                let delta = previous.duration(to: time)
                guard delta.milliseconds > 0 else {
                    throw .invalidInput("\(at): timestamp \(timeText) is not after the previous row")
                }
                if step == nil { step = delta }
                guard delta == step else {
                    throw .invalidInput(
                        "\(at): gap of \(delta.seconds) s after the previous row (the series is spaced "
                            + "\(step!.seconds) s); fill or cut the series")
                }
            }
            timestamps.append(time)
            prices.append(price)
        }
        guard !prices.isEmpty else { throw .invalidInput("\(source): no data rows after the header") }
        return try PriceSeries(timestamps: timestamps, prices: prices, interval: step, source: source)
    }

    /// Parses `YYYY-MM-DDTHH:MM:SS[.fff]Z` (or a space instead of `T`) or integer Unix seconds.
    static func parseTimestamp(_ text: String) -> Timestamp? {
        if let seconds = Int64(text) {
            guard abs(seconds) <= Int64.max / 1000 else { return nil }
            return Timestamp(seconds: seconds)
        }
        let utf8 = Array(text.utf8)
        guard utf8.count >= 20, utf8.last == UInt8(ascii: "Z") else { return nil }
        func number(_ range: Range<Int>) -> Int64? {
            var value: Int64 = 0
            for i in range {
                guard utf8[i] >= 48, utf8[i] <= 57 else { return nil }
                value = value * 10 + Int64(utf8[i] - 48)
            }
            return value
        }
        guard utf8[4] == UInt8(ascii: "-"), utf8[7] == UInt8(ascii: "-"),
            utf8[10] == UInt8(ascii: "T") || utf8[10] == UInt8(ascii: " "),
            utf8[13] == UInt8(ascii: ":"), utf8[16] == UInt8(ascii: ":"),
            let y = number(0..<4), let mo = number(5..<7), let d = number(8..<10),
            let h = number(11..<13), let mi = number(14..<16), let s = number(17..<19),
            (1...12).contains(mo), (1...31).contains(d), h < 24, mi < 60, s < 61
        else { return nil }
        var millis: Int64 = 0
        if utf8.count > 20 {
            guard utf8[19] == UInt8(ascii: "."), utf8.count <= 30, let fraction = number(20..<(utf8.count - 1)) else {
                return nil
            }
            let digits = utf8.count - 21
            millis =
                digits >= 3
                ? fraction / Int64(pow(10.0, Double(digits - 3))) : fraction * Int64(pow(10.0, Double(3 - digits)))
        } else if utf8[19] != UInt8(ascii: "Z") {
            return nil
        }
        // Days from the civil date (Howard Hinnant's algorithm, proleptic Gregorian).
        let yy = mo <= 2 ? y - 1 : y
        let era = (yy >= 0 ? yy : yy - 399) / 400
        let yoe = yy - era * 400
        let doy = (153 * (mo + (mo > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let days = era * 146_097 + doe - 719_468
        return Timestamp(milliseconds: ((days * 24 + h) * 60 + mi) * 60_000 + s * 1000 + millis)
    }
}
